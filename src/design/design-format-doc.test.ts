import { expect, it } from 'vitest';
import doc from '../../docs/design-format.md?raw';
import { INSTANCE_TYPES, registeredCpuUnits, registeredMemoryMiB } from './instance-types';
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

it('the instance-type table of the format doc matches INSTANCE_TYPES', () => {
  for (const [type, spec] of Object.entries(INSTANCE_TYPES)) {
    const row = doc.split('\n').find((line) => line.startsWith(`| ${type} |`));
    const cells = row?.split('|').map((c) => c.trim());
    expect(cells?.slice(2, 6), type).toEqual([
      String(spec.vcpu),
      String(registeredCpuUnits(spec)),
      String(spec.memoryGiB),
      String(registeredMemoryMiB(spec)),
    ]);
    expect(cells?.[8], type).toBe(spec.cpuArchitecture);
  }
});
