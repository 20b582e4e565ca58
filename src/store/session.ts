import { create } from 'zustand';
import type { NewService } from './edits/services';

/** What is selected: typed by resource, named the way the design (or, for a task, the run) names it. */
export type Selection =
  | { kind: 'instance'; id: string }
  | { kind: 'service'; name: string }
  | { kind: 'task'; arn: string }
  | { kind: 'loadBalancer'; name: string }
  | { kind: 'autoScalingGroup'; name: string }
  | { kind: 'capacityProvider'; name: string }
  | null;

/** A button on a notice, e.g. Undo on "the run restarted at 0:00". */
export interface NoticeAction {
  label: string;
  run: () => void;
}

export interface Notice {
  id: number;
  text: string;
  tone: 'info' | 'error';
  action?: NoticeAction;
}

/** This tab's UI state: never saved, never undone. */
export interface SessionState {
  selection: Selection;
  notice: Notice | null;
  importOpen: boolean;
  /** The list of keyboard shortcuts (`?`). */
  helpOpen: boolean;
  /** Bumped when a whole new design arrives, so the canvas fits it into view. */
  fitRequest: number;
  paletteInstanceType: string;
  newService: NewService;
  /**
   * The palette service fields that show an error, by label: `newService`
   * keeps the last valid values, so without this a drop would add a service
   * the form on screen does not describe.
   */
  newServiceErrors: Readonly<Record<string, string>>;
}

export const DEFAULT_NEW_SERVICE: NewService = {
  family: 'web',
  image: 'public.ecr.aws/nginx/nginx:1.27',
  cpu: 256,
  memoryMiB: 512,
  desiredCount: 2,
  networkMode: 'bridge',
  hostPort: 0,
  schedulingStrategy: 'REPLICA',
};

export const useSessionStore = create<SessionState>()(() => ({
  selection: null,
  notice: null,
  importOpen: false,
  helpOpen: false,
  fitRequest: 0,
  paletteInstanceType: 'm5.large',
  newService: DEFAULT_NEW_SERVICE,
  newServiceErrors: {},
}));

const set = useSessionStore.setState;
let noticeId = 0;

function sameSelection(a: Selection, b: Selection): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'instance' && b.kind === 'instance') return a.id === b.id;
  if (a.kind === 'service' && b.kind === 'service') return a.name === b.name;
  if (a.kind === 'task' && b.kind === 'task') return a.arn === b.arn;
  if (a.kind === 'loadBalancer' && b.kind === 'loadBalancer') return a.name === b.name;
  if (a.kind === 'autoScalingGroup' && b.kind === 'autoScalingGroup') return a.name === b.name;
  if (a.kind === 'capacityProvider' && b.kind === 'capacityProvider') return a.name === b.name;
  return false;
}

/** A no-op when nothing changes: React Flow reports selection often, and the canvas re-derives on it. */
export function select(selection: Selection): void {
  if (!sameSelection(useSessionStore.getState().selection, selection)) set({ selection });
}

export function showNotice(
  text: string,
  tone: Notice['tone'] = 'info',
  action?: NoticeAction,
): void {
  noticeId += 1;
  set({ notice: action ? { id: noticeId, text, tone, action } : { id: noticeId, text, tone } });
}

export function dismissNotice(id?: number): void {
  const current = useSessionStore.getState().notice;
  if (current && (id === undefined || current.id === id)) set({ notice: null });
}

export function setHelpOpen(helpOpen: boolean): void {
  set({ helpOpen });
}

export function setImportOpen(importOpen: boolean): void {
  set({ importOpen });
}

export function requestFit(): void {
  set((s) => ({ fitRequest: s.fitRequest + 1 }));
}

export function setPaletteInstanceType(paletteInstanceType: string): void {
  set({ paletteInstanceType });
}

export function setNewService(patch: Partial<NewService>): void {
  set((s) => ({ newService: { ...s.newService, ...patch } }));
}

export function setNewServiceError(field: string, error: string | undefined): void {
  const current = useSessionStore.getState().newServiceErrors;
  if (current[field] === error) return;
  const { [field]: _old, ...rest } = current;
  set({ newServiceErrors: error === undefined ? rest : { ...rest, [field]: error } });
}

/** The first field that keeps the palette's service from being added, and why; undefined when none. */
export function newServiceBlocker(
  errors: Readonly<Record<string, string>>,
): { field: string; error: string } | undefined {
  const [entry] = Object.entries(errors);
  return entry ? { field: entry[0], error: entry[1] } : undefined;
}
