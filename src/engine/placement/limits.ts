import type { PortRange } from './types';

/** Task-definition and runtime constraints together (ecs-behavior §4.4). */
export const MAX_PLACEMENT_CONSTRAINTS = 10;
/** Current API; the 2023 guide said 4 (ecs-behavior §4.2, §19.3). */
export const MAX_PLACEMENT_STRATEGIES = 5;
/** memberOf expression length limit of the API model. */
export const MAX_EXPRESSION_LENGTH = 2000;
/** Reserved host ports per instance, agent defaults and static host ports together (§3.3). */
export const MAX_RESERVED_PORTS = 100;
/** Agent defaults on Linux (agent README; the guide's 51680 is left out, §19.8). */
export const DEFAULT_RESERVED_TCP_PORTS: readonly number[] = [22, 2375, 2376, 51678, 51679];
/** The ephemeral range of the ECS-optimized AMI, as the ALB/NLB guides quote it (§3.3). */
export const DEFAULT_DYNAMIC_PORT_RANGE: Readonly<PortRange> = { from: 32768, to: 61000 };
/** Above this many instances the default trace keeps counts only (types.ts PlaceOptions). */
export const FULL_TRACE_MAX_INSTANCES = 100;
