import { z } from 'zod';

const rps = z.number().min(0, 'must be 0 or more requests per second');
const at = z.number().min(0, 'must be 0 or more seconds');

/**
 * A request rate over virtual time: a constant rate, steps, a daily curve, and spikes on
 * top. Berth's own shape: AWS has no API for a request rate. Listener traffic and calls
 * between services both take it.
 */
export const rateCurveFields = {
  /** A constant rate; with `steps`, the rate before the first step. */
  requestsPerSecond: rps.optional(),
  /** The rate from `at` (seconds into the run) on. */
  steps: z.array(z.looseObject({ at, requestsPerSecond: rps })).optional(),
  /** A day's cycle: `min` at night, `max` at `peakAtSecond` of each 24 hours. */
  daily: z
    .looseObject({ min: rps, max: rps, peakAtSecond: z.number().min(0).max(86_400) })
    .refine((d) => d.max >= d.min, { path: ['max'], message: 'must be at least min' })
    .optional(),
  /** Extra requests for a while, on top of the rest. */
  spikes: z
    .array(z.looseObject({ at, durationSeconds: z.number().positive(), requestsPerSecond: rps }))
    .optional(),
};

export interface RateCurve {
  requestsPerSecond?: number | undefined;
  steps?: { at: number; requestsPerSecond: number }[] | undefined;
  daily?: { min: number; max: number; peakAtSecond: number } | undefined;
  spikes?: { at: number; durationSeconds: number; requestsPerSecond: number }[] | undefined;
}

export const hasRate = (t: RateCurve) =>
  t.requestsPerSecond !== undefined ||
  t.steps !== undefined ||
  t.daily !== undefined ||
  t.spikes !== undefined;

export const NEEDS_RATE = 'needs requestsPerSecond, steps, daily or spikes';

/** Requests arriving at a listener over virtual time. */
export const TrafficSpec = z
  .looseObject({
    /** The listener the requests arrive at: its ListenerArn. */
    listenerArn: z.string().min(1),
    ...rateCurveFields,
    /** Kept for later: connections held open (keep-alive) across deployments. */
    keepAlive: z.boolean().optional(),
  })
  .refine(hasRate, { message: NEEDS_RATE });
export type TrafficSpec = z.infer<typeof TrafficSpec>;
