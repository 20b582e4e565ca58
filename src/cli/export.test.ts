import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocuments } from '../design/import';
import { runExport } from './export';

const designs = new URL('../../e2e/designs/', import.meta.url).pathname;

describe('npm run export', () => {
  it('writes the task definitions, the services and one template, and they import back', () => {
    const out = mkdtempSync(join(tmpdir(), 'berth-export-'));
    const result = runExport([`${designs}fargate.json`, '--out', out]);
    expect(result.code).toBe(0);
    expect(readdirSync(join(out, 'task-definitions')).length).toBeGreaterThan(0);
    const services = readdirSync(join(out, 'services'));
    const service = JSON.parse(readFileSync(join(out, 'services', services[0] ?? ''), 'utf8'));
    // awsvpc: the subnets of the cluster's zones when the design sets none.
    expect(service.networkConfiguration.awsvpcConfiguration.subnets.length).toBeGreaterThan(0);
    const template = readFileSync(join(out, 'template.json'), 'utf8');
    const back = importDocuments([{ name: 'template.json', text: template }]);
    expect(back.ok).toBe(true);
  });

  it('refuses a malformed design with the field, writing nothing', () => {
    const result = runExport([`${designs}nope.json`, '--out', '/tmp/x']);
    expect(result.code).toBe(2);
    expect(runExport([]).stderr).toMatch(/^usage: npm run export/);
  });
});
