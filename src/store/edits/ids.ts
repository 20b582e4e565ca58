import type { DesignDocument } from '../../design';

/** FNV-1a, 32 bits: small, stable, enough to make ids that look like EC2's. */
function fnv1a(text: string, basis: number): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

function hex8(n: number): string {
  return n.toString(16).padStart(8, '0');
}

/**
 * A fresh `i-` + 17 hex id, derived from the design's seed and a counter rather
 * than the clock, so the same edits on the same design give the same ids.
 */
export function freshInstanceId(
  design: Pick<DesignDocument, 'seed' | 'containerInstances'>,
): string {
  const taken = new Set(design.containerInstances.map((ci) => ci.ec2InstanceId));
  for (let n = design.containerInstances.length; ; n++) {
    const key = `${design.seed}:${n}`;
    const id = `i-0${hex8(fnv1a(key, 0x811c9dc5))}${hex8(fnv1a(key, 0x050c5d1f))}`;
    if (!taken.has(id)) return id;
  }
}

/** 16 hex digits from a key: the random-looking tail of an ELB ARN, stable for the same key. */
export function hex16(key: string): string {
  return `${hex8(fnv1a(key, 0x811c9dc5))}${hex8(fnv1a(key, 0x050c5d1f))}`;
}

/** `base`, else `base-2`, `base-3`...: the first name not in `taken`. */
export function uniqueName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const name = `${base}-${n}`;
    if (!taken.has(name)) return name;
  }
}
