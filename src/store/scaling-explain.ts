import { create } from 'zustand';
import type { DesignDocument } from '../design';
import type { CapacityProviderExplanation, ScalingExplanation } from '../engine';
import { getSimClient } from '../worker/client';
import { useDesignStore } from './design';
import { useRunStore } from './run';
import { type Selection, useSessionStore } from './session';

/**
 * The open "Why hasn't it scaled yet?" panel, for a service with a scalable target or a
 * capacity provider. It follows the selection onto another service or provider (a
 * selected Auto Scaling group means its provider), and asks the worker again at most a
 * few times a second while the run moves: never once per frame.
 */

export type ScalingTarget =
  | { kind: 'service'; name: string }
  | { kind: 'capacityProvider'; name: string };

export type ScalingAnswer =
  | { kind: 'service'; explanation: ScalingExplanation }
  | { kind: 'capacityProvider'; explanation: CapacityProviderExplanation };

export interface ScalingExplainState {
  target: ScalingTarget | null;
  /** null once answered: the service has no scalable target, or the provider is unknown. */
  answer: ScalingAnswer | null;
  status: 'loading' | 'ready' | 'error';
  error: string | null;
}

/** What the panel asks the simulation: the worker client, or any object that answers the same. */
export interface ScalingExplainer {
  explainScaling(serviceName: string): Promise<ScalingExplanation | null | undefined>;
  explainCapacityProvider(name: string): Promise<CapacityProviderExplanation | null | undefined>;
}

export const useScalingExplainStore = create<ScalingExplainState>()(() => ({
  target: null,
  answer: null,
  status: 'ready',
  error: null,
}));

const set = useScalingExplainStore.setState;
let explainer: ScalingExplainer | undefined;

/** Tests and the headless page answer from elsewhere than the app's worker. */
export function setScalingExplainer(next: ScalingExplainer | undefined): void {
  explainer = next;
}

/** The app's worker client unless another was given: it is the one sim-control connects. */
function source(): ScalingExplainer {
  return explainer ?? getSimClient();
}

/** Answers can arrive out of order; only the latest request's answer is kept. */
let request = 0;
let lastAnswer = '';

async function ask(target: ScalingTarget): Promise<ScalingAnswer | null> {
  const s = source();
  if (target.kind === 'service') {
    const explanation = await s.explainScaling(target.name);
    return explanation ? { kind: 'service', explanation } : null;
  }
  const explanation = await s.explainCapacityProvider(target.name);
  return explanation ? { kind: 'capacityProvider', explanation } : null;
}

export async function refreshScalingExplain(): Promise<void> {
  const { target } = useScalingExplainStore.getState();
  if (!target) return;
  const mine = ++request;
  try {
    const answer = await ask(target);
    if (mine !== request) return;
    const text = JSON.stringify(answer);
    // An unchanged answer keeps its objects: the panel does not re-render.
    if (text === lastAnswer && useScalingExplainStore.getState().status === 'ready') return;
    lastAnswer = text;
    set({ answer, status: 'ready', error: null });
  } catch (error) {
    if (mine !== request) return;
    set({ status: 'error', error: error instanceof Error ? error.message : String(error) });
  }
}

function sameTarget(a: ScalingTarget | null, b: ScalingTarget | null): boolean {
  return a?.kind === b?.kind && a?.name === b?.name;
}

export function openScalingExplain(target: ScalingTarget): void {
  if (sameTarget(useScalingExplainStore.getState().target, target)) return;
  request++;
  lastAnswer = '';
  set({ target, answer: null, status: 'loading', error: null });
  void refreshScalingExplain();
}

export function closeScalingExplain(): void {
  request++;
  lastAnswer = '';
  set({ target: null, answer: null, status: 'ready', error: null });
}

/** The capacity provider over an Auto Scaling group (its ARN or name), if the design has one. */
export function providerOfGroup(design: DesignDocument, groupName: string): string | undefined {
  return (design.capacityProviders ?? []).find((p) => {
    const arn = p.autoScalingGroupProvider.autoScalingGroupArn;
    return arn === groupName || arn.endsWith(`/${groupName}`);
  })?.name;
}

/** What a selection asks the panel to explain: a service, a provider, a group's provider. */
export function scalingTargetOf(
  selection: Selection,
  design: DesignDocument,
): ScalingTarget | undefined {
  if (selection?.kind === 'service') return { kind: 'service', name: selection.name };
  if (selection?.kind === 'capacityProvider')
    return { kind: 'capacityProvider', name: selection.name };
  if (selection?.kind === 'autoScalingGroup') {
    const name = providerOfGroup(design, selection.name);
    if (name !== undefined) return { kind: 'capacityProvider', name };
  }
  return undefined;
}

/** Three answers a second at most: the datapoints change each minute, the cooldown each second. */
export const SCALING_REFRESH_MS = 333;
let timer: ReturnType<typeof setTimeout> | undefined;
let lastAskedAt = Number.NEGATIVE_INFINITY;

function scheduleRefresh(): void {
  if (timer !== undefined) return;
  const wait = Math.max(0, lastAskedAt + SCALING_REFRESH_MS - performance.now());
  timer = setTimeout(() => {
    timer = undefined;
    lastAskedAt = performance.now();
    void refreshScalingExplain();
  }, wait);
}

useSessionStore.subscribe((session, previous) => {
  if (session.selection === previous.selection) return;
  if (!useScalingExplainStore.getState().target) return;
  const next = scalingTargetOf(session.selection, useDesignStore.getState().design);
  if (next) openScalingExplain(next);
});

useRunStore.subscribe((run, previous) => {
  if (!useScalingExplainStore.getState().target) return;
  if (run.generation !== previous.generation) {
    lastAskedAt = performance.now();
    void refreshScalingExplain();
  } else if (run.nowMs !== previous.nowMs) scheduleRefresh();
});
