import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { CapacityView, ScalableTargetView } from '../../../engine';
import { useDesignStore } from '../../../store/design';
import { useRunStore } from '../../../store/run';
import type { CapacityFacts, CostFacts, ScalingFacts } from './input';

/**
 * What the scaling, capacity and cost charts read from the run's views (store/run.ts), each
 * as text compared by value: the views move every minute (metrics, the cost), but the
 * charts only need their policies, bounds and activities, so the plot redraws only when
 * one of those did.
 */

export function scalingFactsOf(view: ScalableTargetView): ScalingFacts {
  return {
    serviceName: view.serviceName,
    minCapacity: view.minCapacity,
    maxCapacity: view.maxCapacity,
    policies: view.policies.map((p) => ({
      policyName: p.policyName,
      policyType: p.policyType,
      ...(p.metricName !== undefined && { metricName: p.metricName }),
      ...(p.targetValue !== undefined && { targetValue: p.targetValue }),
      alarms: p.alarms.map((a) => ({
        alarmName: a.alarmName,
        threshold: a.threshold,
        comparisonOperator: a.comparisonOperator,
      })),
    })),
    activities: view.activities.map((a) => ({ atMs: a.atMs, from: a.from, to: a.to, by: a.by })),
  };
}

export function capacityFactsOf(view: CapacityView): CapacityFacts {
  return {
    groups: view.groups.map((g) => ({
      name: g.autoScalingGroupName,
      minSize: g.minSize,
      maxSize: g.maxSize,
    })),
    providers: view.providers.map((p) => ({
      name: p.name,
      groupName: p.autoScalingGroupName,
      targetCapacity: p.managedScaling.targetCapacity,
    })),
  };
}

const parse = <T>(text: string): T | undefined =>
  text === '' ? undefined : (JSON.parse(text) as T);

/** The services the design gives a scalable target, by `service/<cluster>/<service>`. */
export function useScaledServiceNames(): string[] {
  return useDesignStore(
    useShallow((s) =>
      (s.design.scalableTargets ?? []).map((t) => t.ResourceId.split('/').slice(2).join('/')),
    ),
  );
}

/** The picked scaled service's policies and activities, or the first one's. */
export function useScalingFacts(pick: string | undefined): ScalingFacts | undefined {
  const text = useRunStore((s) => {
    const views = s.scaling ?? [];
    const view = views.find((v) => v.serviceName === pick) ?? views[0];
    return view ? JSON.stringify(scalingFactsOf(view)) : '';
  });
  return useMemo(() => parse<ScalingFacts>(text), [text]);
}

export function useCapacityFacts(): CapacityFacts | undefined {
  const text = useRunStore((s) => {
    const view = s.capacity;
    return view ? JSON.stringify(capacityFactsOf(view)) : '';
  });
  return useMemo(() => parse<CapacityFacts>(text), [text]);
}

export function useCostFacts(): CostFacts | undefined {
  const text = useRunStore((s) => {
    const view = s.cost;
    return view
      ? JSON.stringify({
          priceDate: view.priceDate,
          usdPerHour: Math.round(view.usdPerHour * 10_000) / 10_000,
        })
      : '';
  });
  return useMemo(() => parse<CostFacts>(text), [text]);
}
