import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createSimulation } from '../../../engine/simulation';
import { parseDesign } from '../../parse';
import { importDocuments } from '..';
import { mergeFragments } from '../merge';
import { parseDocumentText } from '../yaml';
import { copilotManifestImporter } from './importer';
import { designOf } from './testing';

const text = (file: string) => readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8');

function fragmentOf(file: string) {
  // The lead's pipeline parses the text first (import/text.ts), then asks the importer.
  const parsed = parseDocumentText(text(file));
  if (!parsed.ok) throw new Error(parsed.message);
  const result = copilotManifestImporter.read(parsed.value);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.fragment;
}

describe('Copilot manifests in the import pipeline', () => {
  it('several services of one environment merge into one design that runs', () => {
    const files = [
      'lb-web-fe.yml',
      'backend-simple.yml',
      'backend-http-full-config.yml',
      'backend-http-autoscaling.yml',
      'worker-dogworker.yml',
      'worker-testers.yml',
    ];
    const { doc, notes } = mergeFragments({}, files.map(fragmentOf));
    expect(notes).toEqual([]);
    const parsed = parseDesign(designOf(doc));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.design.clusters).toHaveLength(1);
    const sim = createSimulation(parsed.design);
    sim.advance(5 * 60_000);
    const running = sim.snapshot().services.map((s) => [s.serviceName, s.runningCount]);
    expect(running).toEqual(parsed.design.services.map((s) => [s.serviceName, s.desiredCount]));
  });

  it('traffic on the listener of a Load Balanced Web Service reaches its tasks', () => {
    const fragment = fragmentOf('lb-web-frontend.yml');
    const listeners = fragment.listeners as { ListenerArn?: string }[] | undefined;
    const listenerArn = listeners?.[0]?.ListenerArn ?? '';
    const parsed = parseDesign({
      ...designOf(fragment),
      traffic: [{ listenerArn, requestsPerSecond: 20 }],
    });
    if (!parsed.ok) throw new Error(parsed.message);
    const sim = createSimulation(parsed.design);
    const metrics = [1, 2, 3, 4, 5, 6].flatMap((minute) => sim.advance(minute * 60_000).metrics);
    const served = metrics
      .filter(
        (d) =>
          d.MetricName === 'RequestCount' && d.Dimensions.some((x) => x.Name === 'TargetGroup'),
      )
      .reduce((n, d) => n + d.Value, 0);
    const failed = metrics
      .filter((d) => d.MetricName === 'HTTPCode_ELB_5XX_Count')
      .reduce((n, d) => n + d.Value, 0);
    expect(served).toBeGreaterThan(0);
    // The minute before the first task is healthy fails; the later minutes are served.
    const lastMinute = metrics.filter(
      (d) => d.MetricName === 'HTTPCode_ELB_5XX_Count' && d.Timestamp === metrics.at(-1)?.Timestamp,
    );
    expect(lastMinute.reduce((n, d) => n + d.Value, 0)).toBe(0);
    expect(failed).toBeLessThan(served);
  });

  it('importDocuments reads manifests as copilot, with their warnings, into a design that runs', () => {
    const outcome = importDocuments([
      { name: 'fe.yml', text: text('lb-web-frontend.yml') },
      { name: 'worker.yml', text: text('worker-testers.yml') },
    ]);
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.read.map((r) => [r.kind, r.label])).toEqual([
      ['copilot', 'AWS Copilot Load Balanced Web Service manifest (frontend)'],
      ['copilot', 'AWS Copilot Worker Service manifest (testers)'],
    ]);
    expect(outcome.warnings.map((w) => w.path)).toContain('worker.yml: subscribe');
    expect(outcome.design.region).toBe('us-east-1');
    const sim = createSimulation(outcome.design);
    sim.advance(5 * 60_000);
    expect(sim.snapshot().services.map((s) => s.runningCount)).toEqual([1, 1]);
  });

  it('a Request-Driven Web Service is refused by the pipeline, naming its type', () => {
    const outcome = importDocuments([{ text: text('rdws-frontend.yml') }]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.message).toMatch(
      /^type: is Request-Driven Web Service, which runs on AWS App Runner/,
    );
  });

  it('the YAML the pipeline reads is plain YAML: the yaml package gives the same document', () => {
    const parsed = parseDocumentText(text('lb-web-fe.yml'));
    expect(parsed.ok && parsed.value).toEqual(parse(text('lb-web-fe.yml')));
  });
});
