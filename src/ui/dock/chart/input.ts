import type { ChartMode } from '../../../store/chart';
import type { ListenerGroups } from './traffic-groups';

/** One of the design's calls between services, as the chart names it. */
export interface CallLine {
  /** `client → endpoint`: the engine's label, the key of its series. */
  label: string;
  /** How the client resolves it, when the design says: DNS (Cloud Map) or Service Connect. */
  via?: 'DNS' | 'Service Connect';
}

/** A scaled service's policies and activities, as the scaling charts draw them. */
export interface ScalingFacts {
  serviceName: string;
  minCapacity: number;
  maxCapacity: number;
  /** Each policy's metric (the `scaling:<service>:<MetricName>` series), with its target. */
  policies: {
    policyName: string;
    policyType: 'TargetTrackingScaling' | 'StepScaling';
    metricName?: string;
    targetValue?: number;
    alarms: { alarmName: string; threshold: number; comparisonOperator: string }[];
  }[];
  /** Oldest first. */
  activities: { atMs: number; from: number; to: number; by: string }[];
}

/** The groups and providers, as the capacity charts draw them. */
export interface CapacityFacts {
  groups: { name: string; minSize: number; maxSize: number }[];
  providers: { name: string; groupName: string; targetCapacity: number }[];
}

/** What the cost chart says beside its curve. */
export interface CostFacts {
  priceDate: string;
  usdPerHour: number;
}

/** What the chart's modes read from the design, the store and the picker. */
export interface ChartInput {
  mode: ChartMode;
  /** The services `services` mode draws. */
  services: readonly string[];
  allServices: readonly string[];
  /** The service `deployments` mode draws. */
  deploymentService: string | undefined;
  /** The listener `split` mode draws. */
  listener: ListenerGroups | undefined;
  targetGroups: readonly string[];
  calls: readonly CallLine[];
  comparing: boolean;
  /** The service the scaling modes draw; undefined while no service has a scalable target. */
  scaling?: ScalingFacts;
  /** Every scaled service, for the picker. */
  scaledServices?: readonly string[];
  capacity?: CapacityFacts;
  cost?: CostFacts;
}

/** The deployments the service lists now, by id: PRIMARY or ACTIVE, for their labels. */
export type DeploymentStatuses = Readonly<Record<string, 'PRIMARY' | 'ACTIVE'>>;
