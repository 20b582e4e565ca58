import { create } from 'zustand';
import { type Clip, EMPTY_CLIP } from '../../store/clipboard-actions';
import { instanceKey, loadBalancerKey, serviceKey } from '../../store/edits';
import { type Selection, useSessionStore } from '../../store/session';

/** Under this width a window is a projector's or a laptop's beside one: the minimap starts off. */
export const MINIMAP_MIN_WIDTH = 1300;

export interface ContextMenuAt {
  x: number;
  y: number;
  /** The node right-clicked; absent for the empty canvas. */
  nodeId?: string;
}

/**
 * The canvas's own tab state, never saved, never undone. The session keeps one
 * selection (what the inspector shows); `multi` holds the node ids while two or more
 * are selected, the session's selection then being one of them.
 */
export interface CanvasUiState {
  multi: readonly string[];
  clip: Clip;
  /** Pastes of the current clip so far: each lands one offset further. */
  pastes: number;
  minimap: boolean;
  menu: ContextMenuAt | null;
}

const wideWindow = () => typeof window === 'undefined' || window.innerWidth >= MINIMAP_MIN_WIDTH;

export const useCanvasUi = create<CanvasUiState>()(() => ({
  multi: [],
  clip: EMPTY_CLIP,
  pastes: 0,
  minimap: wideWindow(),
  menu: null,
}));

const set = useCanvasUi.setState;

/** The canvas node a selection stands for, if any (a task or a provider has none). */
export function nodeIdOf(selection: Selection): string | undefined {
  if (selection?.kind === 'instance') return instanceKey(selection.id);
  if (selection?.kind === 'service') return serviceKey(selection.name);
  if (selection?.kind === 'loadBalancer') return loadBalancerKey(selection.name);
  if (selection?.kind === 'autoScalingGroup') return `asg:${selection.name}`;
  return undefined;
}

/** The selected node ids: the several, else the session's one. */
export function selectedNodeIds(): readonly string[] {
  const { multi } = useCanvasUi.getState();
  if (multi.length > 0) return multi;
  const one = nodeIdOf(useSessionStore.getState().selection);
  return one === undefined ? [] : [one];
}

export function setMulti(ids: readonly string[]): void {
  const next = ids.length >= 2 ? ids : [];
  const { multi } = useCanvasUi.getState();
  if (next.length === multi.length && next.every((id, i) => multi[i] === id)) return;
  set({ multi: next });
}

export function setClip(clip: Clip): void {
  set({ clip, pastes: 0 });
}

export function notePaste(): number {
  const pastes = useCanvasUi.getState().pastes + 1;
  set({ pastes });
  return pastes;
}

export function toggleMinimap(): void {
  set((s) => ({ minimap: !s.minimap }));
}

export function openMenu(menu: ContextMenuAt): void {
  set({ menu });
}

export function closeMenu(): void {
  if (useCanvasUi.getState().menu) set({ menu: null });
}

// Anything else choosing (the inspector, a drop, a task chip, Escape) ends a multi-selection.
useSessionStore.subscribe((state, previous) => {
  if (state.selection === previous.selection) return;
  const { multi } = useCanvasUi.getState();
  const id = nodeIdOf(state.selection);
  if (multi.length > 0 && (id === undefined || !multi.includes(id))) set({ multi: [] });
});
