import { memo, type ReactNode } from 'react';
import { closeScalingExplain, useScalingExplainStore } from '../../store/scaling-explain';
import { ProviderScaling } from './ProviderScaling';
import { ServiceScaling } from './ServiceScaling';

/**
 * "Why hasn't it scaled yet?" in the dock, for the selected service or capacity provider:
 * the alarm's datapoints so far, the cooldown or warm-up left, and the bound that holds it,
 * as the simulation's next minute will read them.
 */
export const ScalingPanel = memo(function ScalingPanel() {
  const target = useScalingExplainStore((s) => s.target);
  const answer = useScalingExplainStore((s) => s.answer);
  const status = useScalingExplainStore((s) => s.status);
  const error = useScalingExplainStore((s) => s.error);
  if (!target) return null;
  let body: ReactNode;
  if (status === 'loading') body = <p className="why-muted">Asking the simulation…</p>;
  else if (status === 'error') body = <p className="field-error">{error}</p>;
  else if (!answer)
    body = (
      <p className="why-muted" data-testid="scaling.none">
        {target.kind === 'service'
          ? `${target.name} has no scalable target: nothing scales its desired count.`
          : `The simulation knows no capacity provider ${target.name}.`}
      </p>
    );
  else if (answer.kind === 'service') body = <ServiceScaling explanation={answer.explanation} />;
  else body = <ProviderScaling explanation={answer.explanation} />;
  return (
    <section
      className="scaling-panel"
      data-testid="scaling.panel"
      aria-label="Why hasn't it scaled yet?"
    >
      <header className="scaling-panel-head">
        <h3 className="dock-title">
          Why hasn't it scaled yet?
          <small data-testid="scaling.target">
            {target.kind === 'service'
              ? `service ${target.name}`
              : `capacity provider ${target.name}`}
          </small>
        </h3>
        <button
          type="button"
          className="scaling-close"
          aria-label="Close: back to the event log"
          data-testid="scaling.close"
          onClick={closeScalingExplain}
        >
          ×
        </button>
      </header>
      <div className="scaling-body">{body}</div>
    </section>
  );
});
