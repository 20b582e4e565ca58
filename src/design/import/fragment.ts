import type { DesignDocument } from '../document';
import type { DesignIssue } from '../issues';

/**
 * What one imported document adds to a design: the design's own fields, each holding
 * only what the document had. The import pipeline (import/index.ts) merges fragments
 * into one design (or into the current one) and puts the result through the gate.
 */
export type DesignFragment = Partial<DesignDocument>;

/** What a pasted or dropped document was recognised as. */
export type ImportKind =
  | 'berth-design'
  | 'register-task-definition'
  | 'describe-task-definition'
  | 'create-service'
  | 'describe-services'
  | 'describe-container-instances'
  | 'cloudformation'
  | 'copilot';

export type ImportResult =
  | {
      ok: true;
      kind: ImportKind;
      /** For the person: "describe-task-definition output (family web, revision 7)". */
      label: string;
      fragment: DesignFragment;
      /** Kept but not exported, or not simulated: each with the JSON path it concerns. */
      warnings: DesignIssue[];
    }
  | { ok: false; kind?: ImportKind; issues: DesignIssue[] };

/** One importer: whether it reads a parsed document, and the reading. */
export interface Importer {
  kind: ImportKind | readonly ImportKind[];
  /** Cheap, structural: the document's shape, never its values. */
  recognises(doc: unknown): boolean;
  read(doc: unknown): ImportResult;
}
