import { memo, type ReactNode } from 'react';
import { useExplainStore } from '../../store/explain';
import { FailureHead } from './FailureHead';
import { FilterCounts } from './FilterCounts';
import { InstanceLabel } from './InstanceLabel';
import { InstanceTable } from './InstanceTable';
import { StrategySteps } from './StrategySteps';

/**
 * "Why here?" for a task, "Why not placed?" for a waiting service: the
 * decision as ECS made it, filter by filter and strategy by strategy.
 */
export const WhyPanel = memo(function WhyPanel({ group }: { group: string }) {
  const target = useExplainStore((s) => s.target);
  const explanation = useExplainStore((s) => s.explanation);
  const marks = useExplainStore((s) => s.marks);
  const status = useExplainStore((s) => s.status);
  const error = useExplainStore((s) => s.error);
  if (!target) return null;
  const title = target.kind === 'task' ? 'Why here?' : 'Why not placed?';

  let body: ReactNode;
  if (status === 'loading') body = <p className="why-muted">Asking the simulation…</p>;
  else if (status === 'error') body = <p className="field-error">{error}</p>;
  else if (!explanation)
    body = (
      <p className="why-ok" data-testid="why.none">
        {target.kind === 'service'
          ? 'No task is waiting: every task of this service has a place.'
          : 'The simulation no longer knows this task.'}
      </p>
    );
  else
    body = (
      <>
        {target.kind === 'service' && (
          <FailureHead serviceName={target.name} explanation={explanation} />
        )}
        {explanation.ec2InstanceId && (
          <div className="why-placed" data-testid="why.placed">
            <span className="why-tag chosen">placed on</span>
            <InstanceLabel id={explanation.ec2InstanceId} />
          </div>
        )}
        <FilterCounts trace={explanation.trace} />
        <InstanceTable explanation={explanation} marks={marks} />
        {explanation.trace.candidateCount > 0 && (
          <StrategySteps explanation={explanation} group={group} />
        )}
      </>
    );

  return (
    <section className="why" data-testid="why" aria-label={title}>
      <h3 className="why-title">{title}</h3>
      {body}
    </section>
  );
});
