export type { CopilotImportOptions } from './context';
export {
  copilotImporter,
  copilotManifestImporter,
  isCopilotManifest,
  readCopilotManifest,
} from './importer';
