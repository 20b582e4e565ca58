import type { InstanceStatus } from '../types';
import type { Filter } from './filter';

const STATUS_LABELS: Readonly<Record<InstanceStatus, string>> = {
  ACTIVE: 'status ACTIVE',
  DRAINING: 'status DRAINING',
  REGISTERING: 'status REGISTERING',
  DEREGISTERING: 'status DEREGISTERING',
  INACTIVE: 'status INACTIVE',
};

/**
 * Only ACTIVE instances take tasks (§4.1). Model: an instance that is not
 * ACTIVE counts as not available at all, reason MISSING (ecs-behavior §4.6).
 */
export const statusFilter: Filter = {
  name: 'status',
  reason: 'MISSING',
  check: (instance) => (instance.status === 'ACTIVE' ? undefined : STATUS_LABELS[instance.status]),
  explain: (instance) => STATUS_LABELS[instance.status],
};

export const agentFilter: Filter = {
  name: 'agent',
  reason: 'AGENT',
  check: (instance) => (instance.agentConnected ? undefined : 'agent disconnected'),
  explain: () => 'agent disconnected',
};
