import { memo } from 'react';
import { closeExplain, selectExplained, useExplainStore } from '../../store/explain';
import { useSessionStore } from '../../store/session';

function shortTask(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1).slice(0, 8);
}

/**
 * While a "Why" panel is open the canvas marks every instance; this bar says
 * what the marks explain and closes them. "Why not placed?" stays while the
 * selection moves on (to fix an instance); "Why here?" closes with its task.
 */
export const ExplainBar = memo(function ExplainBar() {
  const target = useExplainStore((s) => s.target);
  const explanation = useExplainStore((s) => s.explanation);
  const status = useExplainStore((s) => s.status);
  const showing = useSessionStore((s) => {
    const sel = s.selection;
    if (!target || !sel) return false;
    if (target.kind === 'task') return sel.kind === 'task' && sel.arn === target.arn;
    return sel.kind === 'service' && sel.name === target.name;
  });
  if (!target) return null;

  const failed = explanation?.failure !== undefined;
  const title = target.kind === 'task' ? 'Why here?' : 'Why not placed?';
  const subject =
    target.kind === 'task' ? `task ${shortTask(target.arn)}` : `service ${target.name}`;
  let text = 'Asking the simulation…';
  let tone = 'info';
  if (status === 'error') {
    text = 'The simulation could not explain this.';
    tone = 'bad';
  } else if (status === 'ready' && explanation?.ec2InstanceId) {
    text = `placed on ${explanation.ec2InstanceId} (${explanation.availabilityZone ?? '?'})`;
    tone = 'good';
  } else if (status === 'ready' && failed) {
    text = explanation?.failure?.summary ?? '';
    tone = 'bad';
  } else if (status === 'ready' && target.kind === 'service') {
    text = 'every task has a place now';
    tone = 'good';
  } else if (status === 'ready') {
    text = 'this task is no longer known';
  }

  return (
    <div className={`explain-bar ${tone}`} data-testid="explain.bar" role="status">
      <strong className="explain-bar-title">{title}</strong>
      <span className="explain-bar-subject">{subject}</span>
      <span className="explain-bar-text" title={text}>
        {text}
      </span>
      {!showing && (
        <button type="button" className="button small" onClick={selectExplained}>
          Show details
        </button>
      )}
      <button
        type="button"
        className="explain-bar-close"
        data-testid="explain.close"
        aria-label="Close the explanation"
        title="Close (Esc)"
        onClick={closeExplain}
      >
        ×
      </button>
    </div>
  );
});
