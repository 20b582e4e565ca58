import { memo } from 'react';
import type { PlacementExplanation } from '../../engine';
import { closestMatchArn } from '../../store/explain-marks';

/**
 * What the ECS console says (its service event, §4.6), then the one-line
 * summary in the spirit of kube-scheduler's "0/6 nodes are available".
 */
export const FailureHead = memo(function FailureHead({
  serviceName,
  explanation,
}: {
  serviceName: string;
  explanation: PlacementExplanation;
}) {
  const failure = explanation.failure;
  if (!failure) return null;
  const closest = closestMatchArn(explanation);
  const closestId = closest ? explanation.instanceNames[closest] : undefined;
  return (
    <div className="why-failure" data-testid="why.failure">
      <p className="why-console" data-testid="why.console">
        service {serviceName} was unable to place a task because no container instance met all of
        its requirements.
        {failure.closestMatch && (
          <>
            {' '}
            <span data-testid="why.closest">{failure.closestMatch}</span>
          </>
        )}
      </p>
      {closestId && (
        <p className="why-closest-id">
          That container instance is <code>{closestId}</code>.
        </p>
      )}
      <p className="why-summary" data-testid="why.summary">
        {failure.summary}
      </p>
    </div>
  );
});
