import type { ManifestReader } from './reader';

export const WORKLOAD_TYPES = [
  'Load Balanced Web Service',
  'Backend Service',
  'Worker Service',
  'Request-Driven Web Service',
  'Scheduled Job',
] as const;
export type WorkloadType = (typeof WORKLOAD_TYPES)[number];

/** What the manifest does not say but its deployment needs: where, and under which names. */
export interface CopilotImportOptions {
  /** Copilot application and environment: names become `<app>-<env>-<name>`, as Copilot's. */
  app?: string;
  /** The environment whose `environments:` overrides apply; the first listed when absent. */
  env?: string;
  /** The ECS cluster; `<app>-<env>` with both known, else `default`. */
  cluster?: string;
  /** For the ARNs Berth makes up: us-east-1 and 123456789012 when absent. */
  region?: string;
  accountId?: string;
}

/** One manifest's import: the reader and the names every part of the mapping shares. */
export interface Ctx {
  m: ManifestReader;
  type: WorkloadType;
  /** The service's (and the main container's) name: the manifest's `name`. */
  name: string;
  /** `<app>-<env>-<name>`, or `<name>` when app or env is unknown: family and resource names. */
  family: string;
  cluster: string;
  region: string;
  accountId: string;
  app: string | undefined;
  env: string | undefined;
}

/** An ELB name: at most 32 letters, digits and hyphens, not ending in a hyphen. */
export function elbName(text: string, suffix = ''): string {
  const clean = text.replace(/[^A-Za-z0-9-]/g, '-').replace(/^-+/, '');
  const room = 32 - suffix.length;
  return `${clean.slice(0, room).replace(/-+$/, '')}${suffix}` || `copilot${suffix}`;
}
