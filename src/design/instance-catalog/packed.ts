import type { InstanceRow } from './row';

/**
 * The catalog's rows as the generated module ships them: column by column, one token
 * per run of a family (`m5.large` ... `m5.24xlarge`), where most columns hold one value
 * for the whole family or a multiple of its vCPUs. The page fetches this before its
 * first render, and 1,383 tuples of JSON were 13 kB gzip of it (B8); unpacked, the rows
 * are exactly the tuples again (the round trip is tested).
 *
 * A family's token is one value for every row, the rows' values joined by `,`, or `*U` for
 * U x vCPUs in each row (integers only, so the product is exact); `*U:` then the rows'
 * values joined by `,` where most but not all rows are U x vCPUs: an empty value is the
 * product, `-` null. Elsewhere a value is `` for null, `t`/`f`, a decimal integer, or an
 * index into `strings`. Prices are integers of
 * millionths of a dollar: n / 1e6 is the same double as the JSON's decimal (both are the
 * correctly rounded value of one real number), checked when packing.
 */
export interface PackedRows {
  /** Each run of a family as `family:size,size,...`, joined by spaces, in row order. */
  names: string;
  strings: readonly string[];
  /** InstanceRow's columns after the name, in order, each a family token per run, joined by spaces. */
  columns: readonly string[];
}

/** n: integer; p: price (millionths of a dollar); b: boolean; s: string; all nullable. */
const KINDS = 'nnsnnnbnnsssnbbp';
const VCPUS = 0;
const PRICE_SCALE = 1e6;

type Value = InstanceRow[number];

function family(name: string): string {
  const dot = name.indexOf('.');
  return dot < 0 ? name : name.slice(0, dot);
}

/** Runs of consecutive rows of one family: [first, end) indexes. */
function runs(rows: readonly InstanceRow[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < rows.length; ) {
    const f = family(rows[i]![0]);
    let j = i + 1;
    while (j < rows.length && family(rows[j]![0]) === f && rows[j]![0].includes('.')) j++;
    out.push([i, j]);
    i = j;
  }
  return out;
}

export function packRows(rows: readonly InstanceRow[]): PackedRows {
  const strings: string[] = [];
  const spans = runs(rows);
  const encode = (kind: string, v: Value): string => {
    if (v === null) return '';
    if (typeof v === 'boolean') return v ? 't' : 'f';
    if (kind === 's') {
      let k = strings.indexOf(String(v));
      if (k < 0) k = strings.push(String(v)) - 1;
      return String(k);
    }
    const n = kind === 'p' ? Math.round(Number(v) * PRICE_SCALE) : Number(v);
    if (!Number.isSafeInteger(n) || (kind === 'p' && n / PRICE_SCALE !== v)) {
      throw new Error(`instance catalog: ${String(v)} does not pack as a ${kind} column`);
    }
    return String(n);
  };
  const names = spans
    .map(([a, b]) => {
      const f = family(rows[a]![0]);
      const sizes = rows
        .slice(a, b)
        .map((r) => (r[0].includes('.') ? r[0].slice(f.length + 1) : ''));
      return `${f}:${sizes.join(',')}`;
    })
    .join(' ');
  const columns = [...KINDS].map((kind, c) =>
    spans
      .map(([a, b]) => {
        const values = rows.slice(a, b).map((r) => encode(kind, r[c + 1]!));
        if (values.every((v) => v === values[0])) return values[0];
        const plain = values.join(',');
        if (c === VCPUS || (kind !== 'n' && kind !== 'p')) return plain;
        const multiple = byVcpus(
          values,
          rows.slice(a, b).map((r) => r[1]),
        );
        return multiple !== undefined && multiple.length < plain.length ? multiple : plain;
      })
      .join(' '),
  );
  return { names, strings, columns };
}

/** The shortest `*U` or `*U:...` token for integer values, U the commonest per-vCPU unit. */
function byVcpus(values: readonly string[], cpus: readonly number[]): string | undefined {
  const counts = new Map<number, number>();
  values.forEach((v, i) => {
    const unit = Number(v) / cpus[i]!;
    if (v !== '' && Number.isSafeInteger(unit)) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  });
  let unit: number | undefined;
  for (const [u, n] of counts)
    if (n >= 2 && (unit === undefined || n > counts.get(unit)!)) unit = u;
  if (unit === undefined) return undefined;
  const u = unit;
  const marks = values.map((v, i) => (v === '' ? '-' : Number(v) === u * cpus[i]! ? '' : v));
  return marks.every((m) => m === '') ? `*${u}` : `*${u}:${marks.join(',')}`;
}

export function unpackRows(packed: PackedRows): InstanceRow[] {
  if (packed.names === '') return [];
  const names: string[] = [];
  const runLengths: number[] = [];
  for (const run of packed.names.split(' ')) {
    const colon = run.indexOf(':');
    const f = run.slice(0, colon);
    const sizes = run.slice(colon + 1).split(',');
    for (const s of sizes) names.push(s === '' ? f : `${f}.${s}`);
    runLengths.push(sizes.length);
  }
  const cols: Value[][] = [];
  for (let c = 0; c < KINDS.length; c++) {
    const kind = KINDS[c];
    const decode = (v: string): Value => {
      if (v === '') return null;
      if (v === 't' || v === 'f') return v === 't';
      if (kind === 's') return packed.strings[Number(v)] ?? null;
      return kind === 'p' ? Number(v) / PRICE_SCALE : Number(v);
    };
    const out: Value[] = [];
    const tokens = packed.columns[c]!.split(' ');
    tokens.forEach((token, r) => {
      const n = runLengths[r]!;
      const start = out.length;
      if (token.startsWith('*')) {
        const colon = token.indexOf(':');
        const unit = Number(token.slice(1, colon < 0 ? undefined : colon));
        const marks = colon < 0 ? undefined : token.slice(colon + 1).split(',');
        for (let i = 0; i < n; i++) {
          const mark = marks?.[i] ?? '';
          const int = mark === '' ? unit * Number(cols[VCPUS]![start + i]) : Number(mark);
          if (mark === '-') out.push(null);
          else out.push(kind === 'p' ? int / PRICE_SCALE : int);
        }
      } else if (token.includes(',')) {
        for (const v of token.split(',')) out.push(decode(v));
      } else {
        const v = decode(token);
        for (let i = 0; i < n; i++) out.push(v);
      }
    });
    cols.push(out);
  }
  // The packer wrote these columns from InstanceRow's own, in order: the tuple is theirs.
  return names.map((name, i) => [name, ...cols.map((col) => col[i])] as unknown as InstanceRow);
}
