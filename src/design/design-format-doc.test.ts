import { expect, it } from 'vitest';
import doc from '../../docs/design-format.md?raw';
import {
  COMMON_INSTANCE_TYPES,
  instanceTypeSpec,
  memoryGiBLabel,
  registeredCpuUnits,
  registeredMemoryMiB,
} from './instance-types';
import { parseDesign } from './parse';

/** docs/design-format.md: its complete example passes the gate, and its table matches the code. */

it('the first json block of the format doc is a valid design, without warnings', () => {
  const block = /```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
  expect(block).toBeDefined();
  const result = parseDesign(block);
  if (!result.ok) throw new Error(result.message);
  expect(result.warnings).toEqual([]);
  expect(result.design.name).toMatch(/^Shop/);
});

it('the instance-type table of the format doc matches the catalog', () => {
  for (const type of COMMON_INSTANCE_TYPES) {
    const spec = instanceTypeSpec(type)!;
    const row = doc.split('\n').find((line) => line.startsWith(`| ${type} |`));
    const cells = row?.split('|').map((c) => c.trim());
    expect(cells?.slice(2, 6), type).toEqual([
      String(spec.vcpu),
      String(registeredCpuUnits(spec)),
      memoryGiBLabel(spec),
      String(registeredMemoryMiB(spec)),
    ]);
    expect(cells?.[8], type).toBe(spec.cpuArchitecture);
  }
});
