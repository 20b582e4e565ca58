import type { DesignDocument, ScriptAction } from '../../design';

/** A run as a value: what a reload, a share link or an exported file carries. */
export interface RunSpec {
  design: DesignDocument;
  seed: number;
  journal: readonly ScriptAction[];
  /** The moment shown. */
  atMs: number;
  /** How far the run had been played (its recorded future); at least `atMs`. */
  endMs: number;
}

export type MarkKind = 'command' | 'placement-failure' | 'steady-state' | 'instance-terminated';

/** Something worth a tick on the timeline. */
export interface TimelineMark {
  atMs: number;
  kind: MarkKind;
  text: string;
}

export interface BranchInfo {
  id: number;
  /** "main", or "from 4:30" for a fork. */
  label: string;
  parentId: number | null;
  forkedAtMs: number;
  endMs: number;
  commands: number;
}

/** What the timeline draws: the branches, and the marks of the one shown. */
export interface TimelineView {
  branchId: number;
  branches: BranchInfo[];
  endMs: number;
  marks: TimelineMark[];
  /** The shown branch's commands, each at its time: what the page overlays on the design. */
  journal: readonly ScriptAction[];
}

/** What the run keeps in memory, for the README and the bench. */
export interface RunMemory {
  checkpoints: number;
  checkpointChars: number;
  checkpointEveryMs: number;
  historyPoints: number;
  serviceEvents: number;
}
