import type { QueryError, QueryNode } from '../../../design/query';
import { parseQuery } from '../../../design/query';
import { compileQuery, type InstancePredicate } from './evaluator';

// Constraint expressions repeat on every placement of a service: parse and
// compile each distinct string once. Bounded so a long session of edited
// expressions cannot grow it without end.

export type CompiledQuery =
  | { ok: true; ast: QueryNode; test: InstancePredicate }
  | { ok: false; error: QueryError };

const MAX_ENTRIES = 500;
const cache = new Map<string, CompiledQuery>();

export function compileQueryText(text: string): CompiledQuery {
  const hit = cache.get(text);
  if (hit) return hit;
  const parsed = parseQuery(text);
  const entry: CompiledQuery = parsed.ok
    ? { ok: true, ast: parsed.ast, test: compileQuery(parsed.ast) }
    : parsed;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(text, entry);
  return entry;
}
