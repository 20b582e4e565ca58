import { allInstanceTypes, type InstanceTypeSpec } from './instance-types';

/**
 * The palette's type search: every word must match. A word is a type or family
 * (`m5`, `g4dn.xlarge`), a size with its unit (`4 vcpu`, `16 GiB`, `16gb`), `gpu`,
 * `arm64` (or `arm`, `graviton`), `x86`, a GPU or accelerator name (`t4`, `a10g`,
 * `inferentia`), or `current`. Best first: the exact name, then its family, then
 * names that start with the word, then fewer vCPUs.
 */
export interface InstanceSearch {
  matches: readonly InstanceTypeSpec[];
  /** Matches not in `matches` because of the limit. */
  more: number;
}

type Test = (spec: InstanceTypeSpec) => boolean;

interface Word {
  test: Test;
  /** How well a spec matches this word by name: 0 exact, 1 family, 2 prefix, 3 elsewhere. */
  rank?: (spec: InstanceTypeSpec) => number;
}

const SIZE = /^(\d+(?:\.\d+)?)\s*(vcpus?|cpus?|gib|gb|g)$/;

function words(query: string): Word[] {
  // "4 vcpu" is one word: join a number to the unit that follows it.
  const raw = query.toLowerCase().trim().split(/\s+/).filter(Boolean);
  const joined: string[] = [];
  for (const w of raw) {
    const last = joined.at(-1);
    if (last !== undefined && /^\d+(\.\d+)?$/.test(last) && /^(vcpus?|cpus?|gib|gb|g)$/.test(w)) {
      joined[joined.length - 1] = `${last}${w}`;
    } else joined.push(w);
  }
  return joined.map(wordOf);
}

function wordOf(w: string): Word {
  const size = SIZE.exec(w);
  if (size) {
    const n = Number(size[1]);
    return size[2]!.includes('cpu')
      ? { test: (s) => s.vcpu === n }
      : { test: (s) => s.memoryMiB === Math.round(n * 1024) };
  }
  if (w === 'gpu' || w === 'gpus') return { test: (s) => s.gpus > 0 };
  if (w === 'arm' || w === 'arm64' || w === 'graviton') {
    return { test: (s) => s.cpuArchitecture === 'arm64' };
  }
  if (w === 'x86' || w === 'x86_64') return { test: (s) => s.cpuArchitecture === 'x86_64' };
  if (w === 'current') return { test: (s) => s.currentGeneration };
  return {
    test: (s) =>
      s.name.includes(w) ||
      s.gpuName === w ||
      s.gpuManufacturer === w ||
      (s.acceleratorName?.startsWith(w) ?? false),
    rank: (s) =>
      s.name === w ? 0 : s.family === w ? 1 : s.name.startsWith(w) ? 2 : s.name.includes(w) ? 3 : 4,
  };
}

export function searchInstanceTypes(query: string, limit = 60): InstanceSearch {
  const ws = words(query);
  const ranked = allInstanceTypes()
    .filter((s) => ws.every((w) => w.test(s)))
    .map((spec) => ({
      spec,
      rank: ws.reduce((best, w) => Math.min(best, w.rank?.(spec) ?? 4), 4),
    }));
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      Number(b.spec.currentGeneration) - Number(a.spec.currentGeneration) ||
      a.spec.family.localeCompare(b.spec.family) ||
      a.spec.vcpu - b.spec.vcpu ||
      a.spec.memoryMiB - b.spec.memoryMiB ||
      a.spec.name.localeCompare(b.spec.name),
  );
  return {
    matches: ranked.slice(0, limit).map((r) => r.spec),
    more: Math.max(0, ranked.length - limit),
  };
}

/** One line for a picker: `g4dn.xlarge · 4 vCPU · 16 GiB · 1 GPU (nvidia t4) · arm64`. */
export function instanceTypeSummary(spec: InstanceTypeSpec): string {
  const gib = spec.memoryMiB / 1024;
  const parts = [
    `${spec.vcpu} vCPU`,
    `${Number.isInteger(gib) ? gib : Math.round(gib * 100) / 100} GiB`,
  ];
  if (spec.gpus > 0) {
    const what = [spec.gpuManufacturer, spec.gpuName].filter(Boolean).join(' ');
    parts.push(`${spec.gpus} GPU${spec.gpus > 1 ? 's' : ''}${what ? ` (${what})` : ''}`);
  }
  if (spec.acceleratorCount > 0 && spec.acceleratorName) {
    parts.push(`${spec.acceleratorCount} × ${spec.acceleratorName}`);
  }
  if (spec.cpuArchitecture === 'arm64') parts.push('arm64');
  return parts.join(' · ');
}

function editDistance(a: string, b: string, cap: number): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length]!;
}

/** The known type a misspelt one most likely meant (`m5.lrage` -> `m5.large`), if any is close. */
export function closestInstanceType(name: string): string | undefined {
  const wanted = name.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const spec of allInstanceTypes()) {
    const d = editDistance(wanted, spec.name, 2);
    if (d <= 2 && (!best || d < best.d)) best = { name: spec.name, d };
  }
  return best?.name;
}
