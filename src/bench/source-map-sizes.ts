// How many bytes of a minified chunk each source module accounts for, read from the
// chunk's source map (the segments of each generated line, decoded from base64 VLQ):
// the bytes from one segment to the next belong to the segment's source.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...B64].map((c, i) => [c, i]));

/** One segment's fields, relative as the map stores them. */
export function decodeSegment(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of text) {
    const d = DIGIT.get(c);
    if (d === undefined) throw new Error(`not base64 VLQ: ${c}`);
    value += (d & 31) << shift;
    if (d & 32) {
      shift += 5;
      continue;
    }
    out.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return out;
}

export interface SourceMapLike {
  sources: string[];
  mappings: string;
}

/** Generated characters per source (module id as the map names it); unmapped under "". */
export function bytesBySource(code: string, map: SourceMapLike): Map<string, number> {
  const out = new Map<string, number>();
  const add = (source: string, n: number) => out.set(source, (out.get(source) ?? 0) + n);
  const lines = code.split('\n');
  const mapped = map.mappings.split(';');
  let source = 0;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l] ?? '';
    let col = 0;
    let at = 0;
    let current: string | undefined;
    for (const seg of (mapped[l] ?? '').split(',')) {
      if (seg === '') continue;
      const f = decodeSegment(seg);
      col += f[0] ?? 0;
      add(current ?? '', col - at);
      at = col;
      if (f.length >= 4) {
        source += f[1] ?? 0;
        current = map.sources[source] ?? '';
      } else current = undefined;
    }
    add(current ?? '', line.length - at + (l < lines.length - 1 ? 1 : 0));
  }
  out.delete('');
  return out;
}
