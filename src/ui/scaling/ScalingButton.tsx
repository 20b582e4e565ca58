import { memo } from 'react';
import { useChartStore } from '../../store/chart';
import { useDesignStore } from '../../store/design';
import {
  openScalingExplain,
  type ScalingTarget,
  scalingTargetOf,
  useScalingExplainStore,
} from '../../store/scaling-explain';
import { useSessionStore } from '../../store/session';

const SERVICE_MODES = new Set(['scaling', 'scalingTasks']);
const CAPACITY_MODES = new Set(['instances', 'reservation']);

/** The scaled service's name in `service/<cluster>/<service>`. */
const serviceOf = (resourceId: string) => resourceId.split('/').slice(2).join('/');

/**
 * Beside the scaling charts: opens "Why hasn't it scaled yet?" for the selected service
 * or capacity provider, else for what the chart shows. Hidden when neither has scaling.
 */
export const ScalingButton = memo(function ScalingButton() {
  const selection = useSessionStore((s) => s.selection);
  const design = useDesignStore((s) => s.design);
  const mode = useChartStore((s) => s.mode);
  const scalingPick = useChartStore((s) => s.scalingService);
  const open = useScalingExplainStore((s) => s.target !== null);
  if (open) return null;
  const scaled = (design.scalableTargets ?? []).map((t) => serviceOf(t.ResourceId));
  const providers = (design.capacityProviders ?? []).map((p) => p.name);
  const picked = scalingTargetOf(selection, design);
  let target: ScalingTarget | undefined =
    picked &&
    (picked.kind === 'service' ? scaled.includes(picked.name) : providers.includes(picked.name))
      ? picked
      : undefined;
  if (!target && SERVICE_MODES.has(mode)) {
    const name = scalingPick !== null && scaled.includes(scalingPick) ? scalingPick : scaled[0];
    if (name !== undefined) target = { kind: 'service', name };
  }
  if (!target && CAPACITY_MODES.has(mode) && providers[0] !== undefined)
    target = { kind: 'capacityProvider', name: providers[0] };
  if (!target) return null;
  const chosen = target;
  return (
    <button
      type="button"
      className="button scaling-open"
      data-testid="scaling.open"
      title={`Why hasn't ${chosen.name} scaled yet?`}
      onClick={() => openScalingExplain(chosen)}
    >
      Why hasn't it scaled yet?
      <span className="scaling-open-name">{chosen.name}</span>
    </button>
  );
});
