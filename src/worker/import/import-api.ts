import * as Comlink from 'comlink';
import { packedBuffers, packOutcome } from './pack';
import type { ImportApi } from './protocol';
import { runImport } from './run-import';

/** The worker's side of the boundary: the import, its outcome packed and transferred. */
export function createImportApi(): ImportApi {
  return {
    run: async (request, onProgress) => {
      const packed = packOutcome(runImport(request, onProgress));
      return Comlink.transfer(packed, packedBuffers(packed));
    },
  };
}
