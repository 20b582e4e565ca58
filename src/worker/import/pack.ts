import type { ImportOutcome } from '../../design/import';

/**
 * The outcome as UTF-8 JSON in buffers that are transferred, not cloned. Chromium took
 * 371 ms of the page's thread to structured-clone a 10 MB design back; JSON.parse of the
 * same text in one piece is still one task as long as the text. So the design's long arrays
 * (task definitions, instances) travel as chunks of about CHUNK_CHARS, each parsed in a task
 * of its own with the page answering between; e2e/import-large.spec.ts sees no long task
 * of 200 ms or more while a 10 MB design is read and checked.
 * A design that passed the gate is JSON by construction (it is saved and exported as
 * JSON), so the round trip loses nothing.
 */
export interface PackedOutcome {
  /** The outcome with each chunked array left empty, in its place (key order kept). */
  json: Uint8Array;
  /** The chunked arrays of `design`, by key, each as JSON arrays to concatenate in order. */
  parts: { key: string; chunks: Uint8Array[] }[];
}

/** Model: 256 K characters, about 2.5% of a 10 MB design: each piece a short task (not timed alone). */
export const CHUNK_CHARS = 256 * 1024;

function chunked(items: readonly unknown[], encoder: TextEncoder): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let pieces: string[] = [];
  let chars = 0;
  const flush = () => {
    if (pieces.length === 0) return;
    chunks.push(encoder.encode(`[${pieces.join(',')}]`));
    pieces = [];
    chars = 0;
  };
  for (const item of items) {
    const text = JSON.stringify(item);
    pieces.push(text);
    chars += text.length;
    if (chars >= CHUNK_CHARS) flush();
  }
  flush();
  return chunks;
}

export function packOutcome(outcome: ImportOutcome): PackedOutcome {
  const encoder = new TextEncoder();
  if (!outcome.ok) return { json: encoder.encode(JSON.stringify(outcome)), parts: [] };
  const design: Record<string, unknown> = { ...outcome.design };
  const parts: PackedOutcome['parts'] = [];
  for (const [key, value] of Object.entries(design)) {
    if (!Array.isArray(value) || value.length < 2) continue;
    const chunks = chunked(value, encoder);
    if (chunks.length < 2) continue;
    parts.push({ key, chunks });
    design[key] = [];
  }
  return { json: encoder.encode(JSON.stringify({ ...outcome, design })), parts };
}

/** The buffers to transfer with a packed outcome. */
export const packedBuffers = (packed: PackedOutcome): ArrayBuffer[] => [
  packed.json.buffer as ArrayBuffer,
  ...packed.parts.flatMap((p) => p.chunks.map((c) => c.buffer as ArrayBuffer)),
];

/** A macrotask: the page may paint and answer input before the next chunk. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function unpackOutcome(packed: PackedOutcome): Promise<ImportOutcome> {
  const decoder = new TextDecoder();
  const outcome = JSON.parse(decoder.decode(packed.json)) as ImportOutcome;
  if (!outcome.ok) return outcome;
  const design = outcome.design as unknown as Record<string, unknown[]>;
  for (const part of packed.parts) {
    const items: unknown[] = [];
    for (const chunk of part.chunks) {
      await nextTask();
      for (const item of JSON.parse(decoder.decode(chunk)) as unknown[]) items.push(item);
    }
    design[part.key] = items;
  }
  return outcome;
}
