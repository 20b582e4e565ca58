import type { DesignDocument } from '../../design';
import type { ImportSource } from '../../design/import';
import type { PackedOutcome } from './pack';

/** What the page asks the import worker: the sources, and the design to add them to. */
export interface ImportRequest {
  sources: readonly ImportSource[];
  /** Absent: the sources start a new design (or open as themselves). */
  base?: DesignDocument;
}

/**
 * How far an import is, as data: the page words it. `fraction` grows from 0 to 1 over the
 * phases; the phases are coarse because the read and the gate run as one call
 * (importDocuments), and a 10 MB design takes a few hundred milliseconds of it.
 */
export type ImportProgress =
  | { phase: 'reading'; fraction: number; bytes: number; sources: number }
  | { phase: 'checking'; fraction: number; bytes: number; sources: number }
  | ({ phase: 'checked' | 'opening'; fraction: number } & DesignCounts);

/** What the import holds, for the progress line: the parts a large design has many of. */
export interface DesignCounts {
  instances: number;
  taskDefinitions: number;
  services: number;
}

/** The worker's one operation; the outcome crosses packed (pack.ts). */
export interface ImportApi {
  run(
    request: ImportRequest,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<PackedOutcome>;
}
