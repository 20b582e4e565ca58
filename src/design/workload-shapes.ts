import { z } from 'zod';

/** How a revision fails, if it does (workloads[].failure, and the FailRevision fault). */
export const WorkloadFailure = z.looseObject({
  /**
   * FAIL_TO_START: the task stops before RUNNING (the image or the container does not
   * start); FAIL_HEALTH_CHECK: it runs, but its container health check (or its target's,
   * with a load balancer) fails; CRASH: it runs, then an essential container exits.
   */
  type: z.enum(['FAIL_TO_START', 'FAIL_HEALTH_CHECK', 'CRASH']),
  /** The chance that one task fails, 0-1 (1 when absent), drawn per task from the seed. */
  probability: z.number().min(0).max(1).optional(),
  /**
   * CRASH: seconds after RUNNING (5 by default); FAIL_TO_START: seconds after PENDING
   * (by default the image pull and start it would have taken).
   */
  afterSeconds: z.number().min(0).optional(),
  /** Tasks started this many seconds into the run or later no longer fail (a fix rolled out). */
  untilSeconds: z.number().min(0).optional(),
  /** The essential container's exit code for CRASH (1 when absent). */
  exitCode: z.number().int().optional(),
});
export type WorkloadFailure = z.infer<typeof WorkloadFailure>;

/**
 * The load model of a workload (Berth's own shape; AWS has none): spread into
 * `workloads[]` by document.ts. Each RUNNING task of the family uses its baseline, and
 * each request per second it serves adds its per-request cost. The service's
 * CPUUtilization and MemoryUtilization (AWS/ECS) are what its tasks use over what they
 * reserve, each minute (engine/autoscaling/utilization.ts).
 */
export const WorkloadUsageFields = {
  /** CPU units one task uses at rest, serving nothing (10% of what it reserves when absent). */
  baselineCpuUnits: z.number().min(0).optional(),
  /** CPU units one request per second adds to the task serving it (0 when absent). */
  cpuUnitsPerRequestPerSecond: z.number().min(0).optional(),
  /** Memory (MiB) one task uses at rest (30% of what it reserves when absent). */
  baselineMemoryMiB: z.number().min(0).optional(),
  /** Memory (MiB) one request per second adds to the task serving it (0 when absent). */
  memoryMiBPerRequestPerSecond: z.number().min(0).optional(),
} satisfies Record<string, z.ZodType>;
