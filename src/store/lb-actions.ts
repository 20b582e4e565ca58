import { type DesignDocument, type DesignIssue, parseDesign } from '../design';
import { useDesignStore } from './design';
import type { LoadBalancerKind, Position, WireRefusal } from './edits';
import { wireService } from './edits/lb-wiring';
import {
  addLoadBalancer,
  removeLoadBalancer,
  setListenerPort,
  setTargetGroupAttribute,
  unwireService,
} from './edits/load-balancers';
import { loadBalancersCommand } from './live/commands';
import { shownDesign } from './live/shown-design';
import { isPristine, useRunStore } from './run';
import { select, useSessionStore } from './session';
import { applyLive, expectRun } from './sim-control';

/**
 * Load balancer edits: the palette's drop, wiring a service to one, deleting, and the
 * inspector's listener port and deregistration delay. Each passes the import gate.
 */

type Edit = (d: DesignDocument) => { design: DesignDocument } | { refusal: string };

const current = () => useDesignStore.getState().design;

/** The gate's first objection as one sentence: where, and what rule. */
export function gateSentence(issues: readonly DesignIssue[]): string {
  const issue = issues[0];
  return issue ? `The design gate refuses it: ${issue.path}: ${issue.message}.` : 'Refused.';
}

/**
 * Before the run, the design. During it the engine has no ELB operation (CreateLoadBalancer,
 * DeleteLoadBalancer, ModifyListener, ModifyTargetGroupAttributes), so the change goes
 * into the design as the person's edits left it and the run restarts at 0:00, saying
 * which operation it stands for.
 */
function commitEdit(edit: Edit, operation: string): string | undefined {
  const live = !isPristine();
  const s = useRunStore.getState();
  const base = live ? shownDesign(current(), s.timeline.journal, s.nowMs, false) : current();
  const result = edit(base);
  if ('refusal' in result) return result.refusal;
  const parsed = parseDesign(result.design);
  if (!parsed.ok) return gateSentence(parsed.issues);
  if (JSON.stringify(parsed.design) === JSON.stringify(current())) return undefined;
  if (live)
    expectRun({
      notice: `Berth's run cannot apply ${operation} to a running cluster yet, so it restarted at 0:00 with the change.`,
    });
  useDesignStore.setState({ design: parsed.design });
  return undefined;
}

/** A load balancer from the palette, selected once it is there. */
export function dropLoadBalancer(kind: LoadBalancerKind, position?: Position): string | undefined {
  let name = '';
  const refusal = commitEdit((d) => {
    const result = addLoadBalancer(d, kind, position);
    name = result.name;
    return result;
  }, 'CreateLoadBalancer');
  if (refusal === undefined) select({ kind: 'loadBalancer', name });
  return refusal;
}

/** The design as the run shows it now, script and journal applied. */
function shownNow(): DesignDocument {
  const s = useRunStore.getState();
  return shownDesign(current(), s.timeline.journal, s.nowMs);
}

/**
 * During a run, a change to services' `loadBalancers` alone is UpdateService on each
 * (journalled, checked by the gate first); `undefined` when the change is more than that.
 */
function liveLoadBalancers(
  before: DesignDocument,
  after: DesignDocument,
): { refusal: string | undefined } | undefined {
  const { services: _a, ...restBefore } = before;
  const { services: _b, ...restAfter } = after;
  if (JSON.stringify(restBefore) !== JSON.stringify(restAfter)) return undefined;
  const parsed = parseDesign(after);
  if (!parsed.ok) return { refusal: gateSentence(parsed.issues) };
  const commands = before.services.flatMap((s) => {
    const next = after.services.find((n) => n.serviceName === s.serviceName);
    return next ? loadBalancersCommand(s, next.loadBalancers ?? []) : [];
  });
  if (commands.length > 0) void applyLive(commands);
  return { refusal: undefined };
}

/**
 * An edge drawn from a load balancer to a service; the refusal says why not. On a running
 * cluster it is UpdateService with the longer `loadBalancers`, unless a target group's
 * TargetType changes too (no ELB operation the run has): that restarts the run.
 */
export function wireToLoadBalancer(
  lbName: string,
  serviceName: string,
  applyFix = false,
): WireRefusal | undefined {
  if (!isPristine()) {
    const before = shownNow();
    const result = wireService(before, lbName, serviceName, applyFix);
    if ('refusal' in result) return result;
    const applied = liveLoadBalancers(before, result.design);
    if (applied) return applied.refusal === undefined ? undefined : { refusal: applied.refusal };
  }
  let refused: WireRefusal | undefined;
  const refusal = commitEdit((d) => {
    const result = wireService(d, lbName, serviceName, applyFix);
    if ('refusal' in result) refused = result;
    return result;
  }, 'ModifyTargetGroup');
  return refused ?? (refusal === undefined ? undefined : { refusal });
}

/**
 * The Delete key on load balancers and edges, as one undo step: each load balancer with
 * what only it had, and each edge's service entries.
 */
export function removeLoadBalancing(
  lbNames: readonly string[],
  edges: readonly { lbName: string; serviceName: string }[],
): string | undefined {
  const refusal = commitEdit(
    (d) => {
      let design = d;
      for (const e of edges) design = unwireService(design, e.lbName, e.serviceName);
      for (const name of lbNames) design = removeLoadBalancer(design, name);
      return { design };
    },
    lbNames.length > 0 ? 'DeleteLoadBalancer' : 'UpdateService with loadBalancers',
  );
  const selected = useSessionStore.getState().selection;
  if (refusal === undefined && selected?.kind === 'loadBalancer' && lbNames.includes(selected.name))
    select(null);
  return refusal;
}

export function editListenerPort(lbName: string, index: number, port: number): string | undefined {
  return commitEdit((d) => setListenerPort(d, lbName, index, port), 'ModifyListener');
}

export const DEREGISTRATION_DELAY = 'deregistration_delay.timeout_seconds';

export function editDeregistrationDelay(groupName: string, seconds: number): string | undefined {
  return commitEdit(
    (d) => ({
      design: setTargetGroupAttribute(d, groupName, DEREGISTRATION_DELAY, String(seconds)),
    }),
    'ModifyTargetGroupAttributes',
  );
}
