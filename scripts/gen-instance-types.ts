/**
 * Writes src/design/instance-catalog/catalog.generated.ts from
 * data/ec2-instance-types.json (a copy of the project's cited instance-type table).
 * `npm run gen:instance-types` after the data changes; a unit test fails while the
 * two disagree. Nothing here types a figure: every number comes from the JSON.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderCatalog } from '../src/design/instance-catalog/render';

const root = fileURLToPath(new URL('..', import.meta.url));
const data = JSON.parse(readFileSync(`${root}data/ec2-instance-types.json`, 'utf8'));
writeFileSync(`${root}src/design/instance-catalog/catalog.generated.ts`, renderCatalog(data));
console.log(`wrote ${Object.keys(data.instanceTypes).length} instance types`);
