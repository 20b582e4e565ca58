import { memo } from 'react';
import { explainService, explainTask, useExplainStore } from '../../store/explain';
import { WhyPanel } from './WhyPanel';

type Props =
  | { kind: 'task'; arn: string; group: string }
  | { kind: 'service'; name: string; group: string; waiting: boolean };

/** The panel when it explains this resource; otherwise a button that opens it. */
export const WhyFor = memo(function WhyFor(props: Props) {
  const open = useExplainStore((s) => {
    const t = s.target;
    if (props.kind === 'task') return t?.kind === 'task' && t.arn === props.arn;
    return t?.kind === 'service' && t.name === props.name;
  });
  if (open) return <WhyPanel group={props.group} />;
  if (props.kind === 'service' && !props.waiting) return null;
  const label = props.kind === 'task' ? 'Why here?' : 'Why not placed?';
  const onClick = () =>
    props.kind === 'task' ? explainTask(props.arn) : explainService(props.name);
  return (
    <button type="button" className="button why-open" data-testid="inspector.why" onClick={onClick}>
      {label}
    </button>
  );
});
