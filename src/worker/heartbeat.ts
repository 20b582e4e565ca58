/**
 * The page's heartbeat on its worker. The page pings every `everyMs`; a worker stuck in a
 * step (a loop that never ends, a replay gone wrong) cannot answer, and after `timeoutMs`
 * without an answer or any other sign of life (a frame, a beat of a long replay) it is
 * declared hung.
 *
 * The page's own clock may stall too: a background tab runs its timers once a second or
 * once a minute, and a long render holds the page's thread. A tick that comes much later
 * than asked means the page could not have heard an answer; the wait starts again from
 * there, so only a worker silent while the page was listening counts as hung.
 */
export interface HeartbeatOptions {
  /** Ask the worker; resolves when it answers. */
  ping: () => Promise<unknown>;
  /** The worker stayed silent for `silentMs` while the page listened. Called once. */
  onHung: (silentMs: number) => void;
  everyMs?: number;
  timeoutMs?: number;
  /**
   * The silence allowed before the first answer: a worker starting on a busy machine
   * fetches and compiles the engine before it can listen (a script that fails to load
   * fires an error instead, which the page hears at once).
   */
  bootTimeoutMs?: number;
  /** Wall clock in ms; injectable for tests. */
  now?: () => number;
}

export interface Heartbeat {
  /** Any sign of life from the worker: a frame, a beat, an answer. */
  alive(): void;
  stop(): void;
}

export const HEARTBEAT_EVERY_MS = 1000;
export const HEARTBEAT_TIMEOUT_MS = 3000;
export const HEARTBEAT_BOOT_TIMEOUT_MS = 15_000;
/** A tick this many intervals late means the page itself was not listening. */
const STALL_INTERVALS = 2;

export function startHeartbeat(options: HeartbeatOptions): Heartbeat {
  const everyMs = options.everyMs ?? HEARTBEAT_EVERY_MS;
  const timeoutMs = options.timeoutMs ?? HEARTBEAT_TIMEOUT_MS;
  const bootTimeoutMs = options.bootTimeoutMs ?? HEARTBEAT_BOOT_TIMEOUT_MS;
  let answered = false;
  const now = options.now ?? (() => performance.now());
  let stopped = false;
  let lastTick = now();
  let lastSign = lastTick;
  /** When the unanswered ping went out; undefined while none is out. */
  let pingSentAt: number | undefined;
  let serial = 0;

  const stop = () => {
    stopped = true;
    clearInterval(timer);
  };

  const tick = () => {
    if (stopped) return;
    const t = now();
    const stalled = t - lastTick > STALL_INTERVALS * everyMs;
    lastTick = t;
    if (stalled) lastSign = t;
    if (pingSentAt !== undefined) {
      const silent = t - Math.max(pingSentAt, lastSign);
      if (silent >= (answered ? timeoutMs : bootTimeoutMs)) {
        stop();
        options.onHung(silent);
      }
      return;
    }
    pingSentAt = t;
    const mine = ++serial;
    options.ping().then(
      () => {
        if (mine !== serial) return;
        answered = true;
        pingSentAt = undefined;
        lastSign = now();
      },
      // A closed port: the failure that closed it is reported elsewhere.
      () => {},
    );
  };

  const timer = setInterval(tick, everyMs);
  return {
    alive() {
      lastSign = now();
    },
    stop,
  };
}
