import { parseQuery, printQuery } from '../../../design';

export type QueryCheck =
  | { ok: true; canonical: string }
  | { ok: false; position: number; message: string };

/** The cluster query language checked as ECS would check it, with where it went wrong. */
export function checkQuery(text: string): QueryCheck {
  const result = parseQuery(text);
  if (result.ok) return { ok: true, canonical: printQuery(result.ast) };
  // The message starts "at N: "; the caret already shows where.
  const message = result.error.message.replace(/^at \d+: /, '');
  return { ok: false, position: result.error.position, message };
}

const WINDOW = 40;

/** The part of a long expression around the error, and where the caret goes in it. */
export function caretWindow(text: string, position: number): { shown: string; caret: number } {
  if (text.length <= WINDOW) return { shown: text, caret: position };
  const start = Math.max(0, Math.min(position - WINDOW / 2, text.length - WINDOW));
  const end = Math.min(text.length, start + WINDOW);
  const head = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  return {
    shown: `${head}${text.slice(start, end)}${tail}`,
    caret: position - start + head.length,
  };
}
