import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDesign } from '../../parse';
import type { DesignFragment } from '../fragment';
import { mergeFragments } from '../merge';
import { parseDocumentText } from '../yaml';

/** Test helpers: a fixture read as the import pipeline reads a dropped file. */
export function fixture(name: string): unknown {
  const text = readFileSync(join(__dirname, 'fixtures', name), 'utf8');
  const parsed = parseDocumentText(text);
  if (!parsed.ok) throw new Error(`${name}: ${parsed.message}`);
  return parsed.value;
}

/** What the lead's pipeline adds: the design's own fields, and a cluster if the template has none. */
export function asDesign(fragment: DesignFragment) {
  const base = {
    formatVersion: 1,
    name: 'imported',
    seed: 1,
    region: 'us-east-1',
    clusters:
      Array.isArray(fragment.clusters) && fragment.clusters.length > 0
        ? []
        : [{ clusterName: 'default' }],
  };
  return parseDesign(mergeFragments(base, [fragment]).doc);
}
