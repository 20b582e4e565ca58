import type { Importer } from '../fragment';
import { copilotManifestImporter } from './importer';

export type { CopilotImportOptions } from './context';
export {
  copilotImporter,
  copilotManifestImporter,
  isCopilotManifest,
  readCopilotManifest,
} from './importer';

/** The Copilot reader for the pipeline's list (import/importers.ts), as ECS_IMPORTERS is. */
export const COPILOT_IMPORTERS: readonly Importer[] = [copilotManifestImporter];
