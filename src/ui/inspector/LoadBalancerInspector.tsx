import { memo, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  type DesignDocument,
  type LoadBalancer,
  type TargetGroup,
  targetGroupAttribute,
} from '../../design';
import { entryUses, listenersOf, loadBalancerNamed, targetGroupsOf } from '../../store/edits';
import {
  DEREGISTRATION_DELAY,
  editDeregistrationDelay,
  editListenerPort,
  removeLoadBalancing,
} from '../../store/lb-actions';
import { useRunStore } from '../../store/run';
import { Field } from '../forms/Field';
import { useShownDesign } from '../shared/use-shown-design';
import { DesignOverview } from './DesignOverview';
import { JsonView } from './JsonView';
import { deregistrationDelay, listenerPort } from './lb-validate';

const TYPE_NAME = {
  application: 'Application Load Balancer',
  network: 'Network Load Balancer',
  classic: 'Classic Load Balancer',
} as const;

/** Default `deregistration_delay.timeout_seconds` (ecs-behavior §14.3). */
const DEFAULT_DELAY = 300;

const STATES = ['healthy', 'initial', 'draining', 'unhealthy'] as const;

/** The group's targets by state, summed over the services registered in it (live). */
const TargetStates = memo(function TargetStates({ name }: { name: string }) {
  const counts = useRunStore(
    useShallow((s) => {
      const sum = { seen: 0, healthy: 0, initial: 0, draining: 0, unhealthy: 0 };
      for (const view of Object.values(s.services))
        for (const tg of view.targetGroups ?? []) {
          if (tg.name !== name) continue;
          sum.seen++;
          for (const state of STATES) sum[state] += tg[state];
        }
      return sum;
    }),
  );
  if (counts.seen === 0) return <p className="field-hint">No targets: play the run to see them.</p>;
  return (
    <div className="lb-target-states" data-testid={`inspector.lb.targets.${name}`}>
      {STATES.map((state) => (
        <span key={state} className={state} data-state={state} data-count={counts[state]}>
          {counts[state]} {state}
        </span>
      ))}
    </div>
  );
});

function Listeners({ design, lb }: { design: DesignDocument; lb: LoadBalancer }) {
  const rows =
    lb.Type === 'classic'
      ? (lb.Listeners ?? []).map((l) => ({
          protocol: l.Protocol,
          port: l.LoadBalancerPort,
          to: `instance port ${l.InstancePort}`,
        }))
      : listenersOf(design, lb).map((l) => ({
          protocol: l.Protocol ?? 'HTTP',
          port: l.Port,
          to: l.DefaultActions.map((a) => a.Type).join(', '),
        }));
  if (rows.length === 0) return <p className="field-hint">No listener.</p>;
  return (
    <ul className="lb-inspector-list" data-testid="inspector.lb.listeners">
      {rows.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: listeners have no name; their place is what the edit names
        <li key={i}>
          <div className="lb-inspector-line">
            <strong>{row.protocol}</strong>
            <span className="field-hint">→ {row.to}</span>
          </div>
          <Field
            label="Port"
            inputMode="numeric"
            value={row.port}
            validate={listenerPort}
            onCommit={(port) => editListenerPort(lb.Name, i, port)}
            testId={`inspector.lb.listener.${i}.port`}
          />
        </li>
      ))}
    </ul>
  );
}

function TargetGroupItem({ group }: { group: TargetGroup }) {
  const delay = Number(targetGroupAttribute(group, DEREGISTRATION_DELAY) ?? DEFAULT_DELAY);
  return (
    <li data-testid={`inspector.lb.targetGroup.${group.Name}`}>
      <div className="lb-inspector-line">
        <strong>{group.Name}</strong>
        <span className="field-hint">
          {group.Protocol ?? 'HTTP'}:{group.Port ?? 80} · TargetType{' '}
          {group.TargetType ?? 'instance'}
        </span>
      </div>
      <TargetStates name={group.Name} />
      <Field
        label="Deregistration delay"
        inputMode="numeric"
        unit="s"
        value={delay}
        validate={deregistrationDelay}
        onCommit={(seconds) => editDeregistrationDelay(group.Name, seconds)}
        testId={`inspector.lb.targetGroup.${group.Name}.delay`}
        hint="How long a target drains before its task is stopped (0-3600 s)."
      />
    </li>
  );
}

/** A load balancer: its type, listeners (port), target groups (targets, drain) and services. */
export const LoadBalancerInspector = memo(function LoadBalancerInspector({
  name,
}: {
  name: string;
}) {
  const design = useShownDesign();
  const lb = useMemo(() => loadBalancerNamed(design, name), [design, name]);
  const groups = useMemo(() => (lb ? targetGroupsOf(design, lb) : []), [design, lb]);
  const services = useMemo(
    () =>
      lb
        ? design.services
            .filter((s) => (s.loadBalancers ?? []).some((e) => entryUses(design, e, lb, groups)))
            .map((s) => s.serviceName)
        : [],
    [design, lb, groups],
  );
  if (!lb) return <DesignOverview />;
  const type = lb.Type ?? 'application';
  return (
    <div className="inspector-body" data-testid="inspector.loadBalancer">
      <header className="inspector-head">
        <span className="node-kind lb">
          {type === 'classic' ? 'ELB' : type === 'network' ? 'NLB' : 'ALB'}
        </span>
        <h2>{name}</h2>
      </header>
      <p className="inspector-note" data-testid="inspector.lb.type">
        {TYPE_NAME[type]}
        {lb.Scheme ? ` · ${lb.Scheme}` : ''}
      </p>
      <h3 className="inspector-section">Listeners</h3>
      <Listeners design={design} lb={lb} />
      {type !== 'classic' && (
        <>
          <h3 className="inspector-section">Target groups</h3>
          {groups.length === 0 ? (
            <p className="field-hint">No listener forwards to a target group.</p>
          ) : (
            <ul className="lb-inspector-list">
              {groups.map((g) => (
                <TargetGroupItem key={g.Name} group={g} />
              ))}
            </ul>
          )}
        </>
      )}
      <h3 className="inspector-section">Services behind it</h3>
      <p className="field-hint" data-testid="inspector.lb.services">
        {services.length > 0
          ? services.join(', ')
          : 'None yet: drag from the dot under the load balancer onto a service.'}
      </p>
      <button
        type="button"
        className="button danger"
        data-testid="inspector.remove"
        onClick={() => removeLoadBalancing([name], [])}
      >
        Delete load balancer
      </button>
      <p className="field-hint">
        Its listeners and target groups go with it; undo brings them back.
      </p>
      <JsonView value={lb} />
    </div>
  );
});
