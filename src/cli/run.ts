import { parseDesign } from '../design';
import { createSimulation, type DescribeState, explanationText, type MetricDatum } from '../engine';
import type { SimArgs } from './args';

export interface RunOutput {
  /** NDJSON lines, one EventBridge event each. */
  events: string[];
  state: DescribeState;
  metrics: MetricDatum[];
}

/** Model: with no --until, run five minutes past the last scripted action. */
export function defaultUntilSeconds(script: readonly { at: number }[]): number {
  return script.reduce((max, a) => Math.max(max, a.at), 0) + 300;
}

/** Run a design headless; the same text and seed give the same bytes. */
export function runDesign(
  text: string,
  args: Pick<SimArgs, 'untilSeconds' | 'seed'> & { explain?: readonly string[] },
  onEvent: (line: string) => void,
):
  | { ok: true; state: DescribeState; metrics: MetricDatum[]; explanations: string[] }
  | { ok: false; message: string } {
  const parsed = parseDesign(text);
  if (!parsed.ok) return { ok: false, message: parsed.message };
  const design = parsed.design;
  const sim = createSimulation(design, args.seed ?? design.seed);
  const untilMs = (args.untilSeconds ?? defaultUntilSeconds(design.script)) * 1000;
  const metrics: MetricDatum[] = [];
  // Stream a minute at a time so a long run prints as it goes; slicing never changes the run.
  for (let t = 0; ; t = Math.min(t + 60_000, untilMs)) {
    const frame = sim.advance(t);
    for (const event of frame.events) onEvent(JSON.stringify(event));
    metrics.push(...frame.metrics);
    if (t >= untilMs) break;
  }
  const explanations = (args.explain ?? []).map((ref) => {
    const e = ref.startsWith('service:') ? sim.explainService(ref.slice(8)) : sim.explainTask(ref);
    if (e) return explanationText(e);
    return ref.startsWith('service:')
      ? `${ref}: no task is waiting for a place`
      : `${ref}: no such task (task ids are in the events and --state-out)`;
  });
  return { ok: true, state: sim.describe(), metrics, explanations };
}
