import type { ChartInput, DeploymentStatuses } from './input';
import { callsPlan, callsQuery } from './plan-calls';
import { instancesPlan, instancesQuery, reservationPlan, reservationQuery } from './plan-capacity';
import { costPlan, costQuery } from './plan-cost';
import {
  addStatusStack,
  servicesPlan,
  servicesQuery,
  statusPlan,
  statusQuery,
} from './plan-counts';
import {
  addDeploymentTotals,
  deploymentIdsOf,
  deploymentsPlan,
  deploymentsQuery,
} from './plan-deployments';
import { scalingPlan, scalingQuery } from './plan-scaling';
import { scalingTasksPlan, scalingTasksQuery } from './plan-scaling-tasks';
import {
  addSplit,
  requestsPlan,
  requestsQuery,
  splitPlan,
  splitQuery,
  targetsPlan,
  targetsQuery,
} from './plan-traffic';
import { type ChartPlan, type ChartQuery, toRows } from './series';
import type { ChartHistory } from './use-history';

/** The series one mode asks the worker for. */
export function chartQuery(input: ChartInput): ChartQuery {
  switch (input.mode) {
    case 'status':
      return statusQuery();
    case 'services':
      return servicesQuery(input);
    case 'deployments':
      return deploymentsQuery(input);
    case 'split':
      return splitQuery(input);
    case 'traffic':
      return requestsQuery(input);
    case 'targets':
      return targetsQuery(input);
    case 'calls':
      return callsQuery(input);
    case 'scaling':
      return scalingQuery(input);
    case 'scalingTasks':
      return scalingTasksQuery(input);
    case 'instances':
      return instancesQuery(input);
    case 'reservation':
      return reservationQuery(input);
    case 'cost':
      return costQuery();
  }
}

/** What one mode draws from the windows fetched: columns x series, never a walk of tasks. */
export function chartPlan(
  history: ChartHistory,
  input: ChartInput,
  statuses: DeploymentStatuses,
): ChartPlan {
  const { shown, compared } = history;
  switch (input.mode) {
    case 'status':
      return statusPlan(toRows(shown, compared, addStatusStack), input);
    case 'services':
      return servicesPlan(toRows(shown, compared), input);
    case 'deployments': {
      const service = input.deploymentService ?? '';
      const ids = deploymentIdsOf(Object.keys(shown?.series ?? {}), service);
      const rows = toRows(shown, compared, addDeploymentTotals(service, ids));
      return deploymentsPlan(rows, input, ids, shown?.labels ?? {}, statuses);
    }
    case 'split':
      return splitPlan(
        toRows(shown, compared, addSplit(input.listener?.targetGroups ?? [])),
        input,
      );
    case 'traffic':
      return requestsPlan(toRows(shown, compared), input);
    case 'targets':
      return targetsPlan(toRows(shown, compared), input);
    case 'calls':
      return callsPlan(toRows(shown, compared), input);
    case 'scaling':
      return scalingPlan(toRows(shown, compared), input);
    case 'scalingTasks':
      return scalingTasksPlan(toRows(shown, compared), input);
    case 'instances':
      return instancesPlan(toRows(shown, compared), input);
    case 'reservation':
      return reservationPlan(toRows(shown, compared), input);
    case 'cost':
      return costPlan(toRows(shown, compared), input);
  }
}
