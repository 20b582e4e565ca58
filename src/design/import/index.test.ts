import { describe, expect, it } from 'vitest';
import { parseDesign } from '../parse';
import { sampleDesign as sampleInput } from '../sample';
import { importDocuments } from '.';

function sampleDesign() {
  const parsed = parseDesign(sampleInput);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.design;
}
const sample = () => JSON.stringify(sampleDesign());

describe('the import pipeline', () => {
  it('opens a lone Berth design as itself', () => {
    const out = importDocuments([{ text: sample() }]);
    expect(out.ok && out.replaces).toBe(true);
    expect(out.ok && out.read).toEqual([{ kind: 'berth-design', label: sampleDesign().name }]);
  });

  it('opens a lone Berth design as itself even when adding to a design', () => {
    const other = { ...sampleDesign(), name: 'Other' };
    const out = importDocuments([{ text: JSON.stringify(other) }], sampleDesign());
    expect(out.ok && out.replaces && out.design.name).toBe('Other');
  });

  it('merges Berth designs dropped together into the current one: same resources once', () => {
    const base = sampleDesign();
    const other = { ...base, clusters: [{ clusterName: 'batch' }], services: [], name: 'Other' };
    const text = JSON.stringify(other);
    const out = importDocuments([{ text }, { text }], base);
    if (!out.ok) throw new Error(out.message);
    expect(out.replaces).toBe(false);
    expect(out.design.name).toBe(base.name);
    expect(out.design.clusters.map((c) => c.clusterName)).toEqual([
      base.clusters[0]?.clusterName,
      'batch',
    ]);
    expect(out.design.containerInstances).toHaveLength(base.containerInstances.length);
  });

  it('refuses what it cannot read, naming each file, and says what it reads', () => {
    const out = importDocuments([
      { name: 'a.json', text: '{"hello": 1}' },
      { name: 'b.json', text: '{ "family": ' },
    ]);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.issues[0]?.path).toBe('a.json: (document)');
    expect(out.issues[0]?.message).toMatch(
      /^is not a document Berth reads: expected a Berth design/,
    );
    expect(out.issues[1]?.message).toMatch(/^is not valid JSON/);
  });

  it('reads YAML, and says where YAML is broken', () => {
    const bad = importDocuments([{ text: 'name: web\n  type: [' }]);
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.issues[0]?.message).toMatch(
        /^is neither JSON nor valid YAML: line \d+, column \d+/,
      );
  });

  it('refuses an empty paste', () => {
    const out = importDocuments([{ text: '   ' }]);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.issues).toEqual([{ path: '(document)', message: 'is empty' }]);
  });
});
