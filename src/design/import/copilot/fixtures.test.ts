import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSimulation } from '../../../engine/simulation';
import { parseDesign } from '../../parse';
import { copilotManifestImporter } from './importer';
import { designOf } from './testing';

const dir = new URL('./fixtures/', import.meta.url);
const manifest = (file: string): unknown => parse(readFileSync(new URL(file, dir), 'utf8'));

function imported(file: string) {
  const doc = manifest(file);
  expect(copilotManifestImporter.recognises(doc)).toBe(true);
  const result = copilotManifestImporter.read(doc);
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.issues)}`);
  return result;
}

const SERVICES = readdirSync(dir).filter(
  (f) => f.endsWith('.yml') && !f.startsWith('rdws') && !f.startsWith('scheduled'),
);

describe('Copilot manifests from copilot-cli, imported', () => {
  it.each(SERVICES)('%s passes the design gate', (file) => {
    const result = imported(file);
    const parsed = parseDesign(designOf(result.fragment));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.design.services).toHaveLength(1);
    expect(parsed.warnings).toEqual([]);
  });

  it.each(SERVICES)('%s runs: the service reaches its desired count of RUNNING tasks', (file) => {
    const result = imported(file);
    const parsed = parseDesign(designOf(result.fragment));
    if (!parsed.ok) throw new Error(parsed.message);
    const sim = createSimulation(parsed.design);
    sim.advance(5 * 60_000);
    const desired = parsed.design.services[0]?.desiredCount ?? 0;
    const running = sim.describe().tasks.filter((t) => t.lastStatus === 'RUNNING');
    expect(desired).toBeGreaterThan(0);
    expect(running).toHaveLength(desired);
    expect(sim.snapshot().services[0]?.runningCount).toBe(desired);
  });

  it.each([
    ['rdws-frontend.yml', 'Request-Driven Web Service'],
    ['scheduled-job.yml', 'Scheduled Job'],
  ])('%s is recognised and refused, naming its type', (file, type) => {
    const doc = manifest(file);
    expect(copilotManifestImporter.recognises(doc)).toBe(true);
    const result = copilotManifestImporter.read(doc);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]?.path).toBe('type');
    expect(result.issues[0]?.message).toContain(type);
    expect(result.issues[0]?.message).toContain(
      'Load Balanced Web Service, Backend Service, Worker Service',
    );
  });
});
