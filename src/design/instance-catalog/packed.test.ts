import fc from 'fast-check';
import { expect, it } from 'vitest';
import { CATALOG } from './catalog.generated';
import { packRows, unpackRows } from './packed';
import type { InstanceRow } from './row';

it('the generated rows unpack to exactly the tuples of the catalog JSON', async () => {
  const { readFileSync } = await import('node:fs');
  const { rowOf } = await import('./render');
  const root = new URL('../../../', import.meta.url);
  const data = JSON.parse(readFileSync(new URL('data/ec2-instance-types.json', root), 'utf8'));
  const rows = Object.keys(data.instanceTypes)
    .sort()
    .map((name) => rowOf(name, data.instanceTypes[name]));
  expect(CATALOG.rows).toHaveLength(1383);
  expect(CATALOG.rows).toEqual(rows);
  // toEqual treats -0 and 0 alike and so do prices: Object.is, value by value.
  expect(CATALOG.rows.every((r, i) => r.every((v, c) => Object.is(v, rows[i]![c])))).toBe(true);
  expect(CATALOG.rows.find((r) => r[0] === 'm5.large')).toEqual([
    'm5.large',
    2,
    8192,
    'x86_64',
    3,
    2,
    10,
    true,
    0,
    0,
    null,
    null,
    null,
    0,
    false,
    true,
    0.096,
  ]);
});

const size = fc.constantFrom('large', 'xlarge', '2xlarge', 'metal', 'nano');
const fam = fc.constantFrom('m5', 'm5a', 'c6g', 'p4d', 'u-6tb1', 'x');
const nullable = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const price = fc.integer({ min: 0, max: 200_000_000 }).map((n) => n / 1e6);
const row: fc.Arbitrary<InstanceRow> = fc.tuple(
  fc.tuple(fam, size).map(([f, s]) => `${f}.${s}`),
  fc.integer({ min: 1, max: 448 }),
  fc.integer({ min: 0, max: 24_576 * 1024 }),
  fc.constantFrom('x86_64' as const, 'arm64' as const),
  nullable(fc.integer({ min: 0, max: 100 })),
  nullable(fc.integer({ min: 0, max: 100 })),
  nullable(fc.integer({ min: 0, max: 120 })),
  nullable(fc.boolean()),
  fc.integer({ min: 0, max: 16 }),
  fc.integer({ min: 0, max: 1_000_000 }),
  nullable(fc.constantFrom('A100', 'T4, 16 GB', 'a b:c')),
  nullable(fc.constantFrom('NVIDIA', 'AMD')),
  nullable(fc.constantFrom('Inferentia', 'Trainium2')),
  fc.integer({ min: 0, max: 16 }),
  fc.boolean(),
  fc.boolean(),
  nullable(price),
);

it('packs and unpacks any rows sorted by name to the same rows', () => {
  fc.assert(
    fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
      const sorted = [...rows].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      expect(unpackRows(packRows(sorted))).toEqual(sorted);
    }),
  );
});

it('refuses a price it cannot give back exactly', () => {
  const m5: InstanceRow = CATALOG.rows.find((r) => r[0] === 'm5.large')!;
  const odd: InstanceRow = [...m5.slice(0, 16), 0.0000001] as unknown as InstanceRow;
  expect(() => packRows([odd])).toThrow(/does not pack/);
});

it('writes a family mostly priced by its vCPUs as a unit and the exceptions', () => {
  const m5 = CATALOG.rows.find((r) => r[0] === 'm5.large')!;
  const row = (size: string, cpus: number, price: number | null): InstanceRow =>
    [`m9.${size}`, cpus, cpus * 4096, ...m5.slice(3, 16), price] as unknown as InstanceRow;
  const rows = [
    row('2xlarge', 8, 0.384),
    row('large', 2, 0.096),
    row('metal', 96, 4.9),
    row('nano', 1, null),
    row('xlarge', 4, 0.192),
  ];
  const packed = packRows(rows);
  expect(packed.columns[1]).toBe('*4096');
  expect(packed.columns[15]).toBe('*48000:,,4900000,-,');
  expect(unpackRows(packed)).toEqual(rows);
});
