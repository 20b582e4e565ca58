import { type SimWorker, startHeartbeat } from '../worker/client';

export interface WorkerWatch {
  /** A sign of life: a frame, a beat. */
  alive(): void;
  stop(): void;
}

/**
 * Watch the app's worker: it hung (no answer to the heartbeat for a few seconds while the
 * page listened) or it died (an error escaped it, a message could not be read). `onStop`
 * is called once, with the reason as the end of "The simulation stopped: …".
 */
export function watchWorker(
  worker: SimWorker,
  onStop: (reason: string) => void,
  options: { everyMs?: number; timeoutMs?: number; now?: () => number } = {},
): WorkerWatch {
  let done = false;
  const once = (reason: string) => {
    if (done) return;
    done = true;
    heartbeat.stop();
    stopFailure();
    onStop(reason);
  };
  const heartbeat = startHeartbeat({
    ...options,
    ping: () => worker.client.ping(),
    onHung: (silentMs) =>
      once(`it did not answer for ${Math.floor(silentMs / 1000)} seconds, so it was ended`),
  });
  const stopFailure = worker.onFailure(once);
  return {
    alive: () => heartbeat.alive(),
    stop() {
      done = true;
      heartbeat.stop();
      stopFailure();
    },
  };
}
