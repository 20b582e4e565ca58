import type { DesignDocument } from '../../design';
import { type ImportOutcome, importDocuments } from '../../design/import';
import type { DesignCounts, ImportProgress, ImportRequest } from './protocol';

/** Characters of every source: what the worker holds and the gate walks. */
export const sourceChars = (request: ImportRequest): number =>
  request.sources.reduce((sum, s) => sum + s.text.length, 0);

/**
 * The import the worker runs: the one pipeline (read, convert, the gate), with the phases
 * it passes told to `onProgress`. Pure but for the callback, so Node tests run it as is.
 */
export function runImport(
  request: ImportRequest,
  onProgress: (progress: ImportProgress) => void,
): ImportOutcome {
  const sources = request.sources.length;
  onProgress({ phase: 'checking', fraction: 0.1, bytes: sourceChars(request), sources });
  const outcome = importDocuments(request.sources, request.base);
  if (outcome.ok) onProgress({ phase: 'checked', fraction: 0.8, ...countsOf(outcome.design) });
  return outcome;
}

export const countsOf = (design: DesignDocument): DesignCounts => ({
  instances: design.containerInstances.length,
  taskDefinitions: design.taskDefinitions.length,
  services: design.services.length,
});
