import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { renderCatalog } from './render';

it('catalog.generated.ts is what scripts/gen-instance-types.ts makes of data/', () => {
  const root = new URL('../../../', import.meta.url);
  const data = JSON.parse(readFileSync(new URL('data/ec2-instance-types.json', root), 'utf8'));
  const generated = readFileSync(new URL('catalog.generated.ts', import.meta.url), 'utf8');
  // Not toBe: a 140 kB diff helps nobody; the message says what to run.
  expect(generated === renderCatalog(data), 'run `npm run gen:instance-types`').toBe(true);
});
