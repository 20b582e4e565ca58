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

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const IPV6 = /^[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*$/;

/**
 * What a listener rule can match a request on (ecs-behavior §14.5): ALB's own parts of an
 * HTTP request. A request without one satisfies no condition on it.
 */
export const requestFields = {
  /** The URL's path, without its query string: `/api/orders`. */
  path: z.string().startsWith('/', 'must start with /').optional(),
  /** The Host header: `api.example.com`. */
  host: z.string().min(1).optional(),
  method: z
    .string()
    .regex(/^[A-Z_-]{1,40}$/, 'must be 1-40 of A-Z, - and _, as GET or POST')
    .optional(),
  /** Header name to value; names match case-insensitively, as HTTP's do. */
  headers: z.record(z.string().min(1), z.string()).optional(),
  /** Query string key to value: `{ "version": "2" }` for `?version=2`. */
  query: z.record(z.string(), z.string()).optional(),
  /** The client's address, as source-ip conditions see it (not X-Forwarded-For). */
  sourceIp: z
    .string()
    .refine((v) => IPV4.test(v) || (IPV6.test(v) && v.split('::').length <= 2), {
      error: (i) =>
        `must be an IPv4 or IPv6 address such as 203.0.113.7, got ${JSON.stringify(i.input)}`,
    })
    .optional(),
};

/** Requests arriving at a listener over virtual time, and what they ask for. */
export const TrafficSpec = z
  .looseObject({
    /** The listener the requests arrive at: its ListenerArn. */
    listenerArn: z.string().min(1),
    ...rateCurveFields,
    ...requestFields,
    /** Kept for later: connections held open (keep-alive) across deployments. */
    keepAlive: z.boolean().optional(),
  })
  .refine(hasRate, { message: NEEDS_RATE });
export type TrafficSpec = z.infer<typeof TrafficSpec>;
