import { once } from 'node:events';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import type { MetricDatum } from '../engine';
import { parseArgs } from './args';
import { finishRun, loadRun, playRun } from './run';

const CHUNK_CHARS = 1 << 16;

/**
 * NDJSON to a stream in chunks. A pipe on Linux takes writes asynchronously, and the run
 * never yields on its own, so `drain` says when to stop and let the reader catch up:
 * otherwise the whole run would wait in Node's write queue.
 */
function lineWriter(stream: NodeJS.WritableStream & { writableNeedDrain: boolean }) {
  let lines: string[] = [];
  let chars = 0;
  const flush = () => {
    if (lines.length > 0) stream.write(`${lines.join('\n')}\n`);
    lines = [];
    chars = 0;
  };
  return {
    line(line: string) {
      lines.push(line);
      chars += line.length;
      if (chars >= CHUNK_CHARS) flush();
    },
    async drain() {
      flush();
      if (stream.writableNeedDrain) await once(stream, 'drain');
    },
  };
}

/**
 * A JSON array written as its items come, byte for byte what `JSON.stringify(items,
 * null, 2)` would give, so --metrics-out holds nothing in memory.
 */
function jsonArrayFile(fd: number) {
  let count = 0;
  let text = '';
  return {
    push(item: MetricDatum) {
      text += `${count++ === 0 ? '[\n  ' : ',\n  '}${JSON.stringify(item, null, 2).replaceAll('\n', '\n  ')}`;
      if (text.length >= CHUNK_CHARS) {
        writeFileSync(fd, text);
        text = '';
      }
    },
    close() {
      writeFileSync(fd, `${text}${count === 0 ? '[]' : '\n]'}\n`);
      closeSync(fd);
    },
  };
}

/** Open every output before the run, so a bad path fails now and not after a simulated day. */
function openOutputs(
  paths: Record<string, string | undefined>,
): { ok: true; fds: Record<string, number> } | { ok: false; message: string } {
  const fds: Record<string, number> = {};
  for (const [flag, path] of Object.entries(paths)) {
    if (path === undefined) continue;
    try {
      fds[flag] = openSync(path, 'w');
    } catch (error) {
      for (const fd of Object.values(fds)) closeSync(fd);
      const code = (error as NodeJS.ErrnoException).code ?? String(error);
      return { ok: false, message: `--${flag}: cannot write ${path}: ${code}` };
    }
  }
  return { ok: true, fds };
}

function writeJson(fd: number | undefined, text: () => string): void {
  if (fd === undefined) return;
  writeFileSync(fd, `${text()}\n`);
  closeSync(fd);
}

/**
 * `npm run sim -- DESIGN.json` or `-- --resume CHECKPOINT.json`: EventBridge events as
 * NDJSON on stdout as they happen; exit 2 on bad input.
 */
async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) {
    process.stderr.write(`${parsed.message}\n`);
    return 2;
  }
  const { args } = parsed;
  const loaded = loadRun(args);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    return 2;
  }
  const outputs = openOutputs({
    'state-out': args.stateOut,
    'metrics-out': args.metricsOut,
    'checkpoint-out': args.checkpointOut,
  });
  if (!outputs.ok) {
    process.stderr.write(`${outputs.message}\n`);
    return 2;
  }
  const { fds } = outputs;
  const stdout = lineWriter(process.stdout);
  const metricsFd = fds['metrics-out'];
  const metrics = metricsFd === undefined ? undefined : jsonArrayFile(metricsFd);
  const sinks = metrics
    ? { onEvent: stdout.line, onMetric: metrics.push }
    : { onEvent: stdout.line };
  for (const _ of playRun(loaded.run, sinks)) await stdout.drain();
  metrics?.close();
  const { sim } = loaded.run;
  const { state, explanations } = finishRun(sim, args.explain);
  for (const text of explanations) process.stderr.write(`${text}\n`);
  writeJson(fds['state-out'], () => JSON.stringify(state, null, 2));
  writeJson(fds['checkpoint-out'], () => JSON.stringify(sim.checkpoint()));
  return 0;
}

// A reader that stops early (`| head`) is not an error of the run.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});
process.exitCode = await main(process.argv.slice(2));
