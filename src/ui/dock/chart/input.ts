import type { ChartMode } from '../../../store/chart';
import type { ListenerGroups } from './traffic-groups';

/** One of the design's calls between services, as the chart names it. */
export interface CallLine {
  /** `client → endpoint`: the engine's label, the key of its series. */
  label: string;
  /** How the client resolves it, when the design says: DNS (Cloud Map) or Service Connect. */
  via?: 'DNS' | 'Service Connect';
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
}

/** The deployments the service lists now, by id: PRIMARY or ACTIVE, for their labels. */
export type DeploymentStatuses = Readonly<Record<string, 'PRIMARY' | 'ACTIVE'>>;
