import * as Comlink from 'comlink';
import type { ImportOutcome } from '../../design/import';
import { unpackOutcome } from './pack';
import type { ImportApi, ImportProgress, ImportRequest } from './protocol';

export type { ImportProgress, ImportRequest } from './protocol';

/** The page's handle on the import worker. */
export interface ImportWorker {
  /** Rejects when the worker fails (an exception, out of memory, an unreadable message). */
  run(
    request: ImportRequest,
    onProgress: (progress: ImportProgress) => void,
  ): Promise<ImportOutcome>;
  terminate(): void;
}

/** The events a Worker fires when it fails; a MessagePort in tests fires none. */
interface FailingEndpoint extends Comlink.Endpoint {
  terminate?: () => void;
}

/** An ImportWorker over any endpoint: the real Worker, or a MessagePort in tests. */
export function importWorkerOf(endpoint: FailingEndpoint): ImportWorker {
  const remote = Comlink.wrap<ImportApi>(endpoint);
  return {
    run(request, onProgress) {
      return new Promise<ImportOutcome>((resolve, reject) => {
        const onError = (event: Event) => {
          // The dialog says it; the console would only repeat it.
          event.preventDefault();
          const text = (event as { message?: unknown }).message;
          reject(new Error(typeof text === 'string' && text ? text : 'the import worker failed'));
        };
        const onMessageError = () => reject(new Error('its answer could not be read'));
        endpoint.addEventListener('error', onError as EventListener);
        endpoint.addEventListener('messageerror', onMessageError);
        const done = () => {
          endpoint.removeEventListener('error', onError as EventListener);
          endpoint.removeEventListener('messageerror', onMessageError);
        };
        remote.run(request, Comlink.proxy(onProgress)).then(
          (packed) => {
            done();
            unpackOutcome(packed).then(resolve, reject);
          },
          (error: unknown) => {
            done();
            reject(error instanceof Error ? error : new Error(String(error)));
          },
        );
      });
    },
    terminate() {
      endpoint.terminate?.();
      if (!endpoint.terminate && 'close' in endpoint && typeof endpoint.close === 'function')
        endpoint.close();
    },
  };
}

/** A new import worker: one per import in flight, ended by Cancel. */
export function spawnImportWorker(): ImportWorker {
  return importWorkerOf(
    new Worker(new URL('./import.worker.ts', import.meta.url), {
      type: 'module',
      name: 'berth-import',
    }),
  );
}
