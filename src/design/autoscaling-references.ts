import type { DesignDocument } from './document';

type Push = (path: string, message: string) => void;

/** Cross-references of the autoscaling fields: what the gate refuses, with the JSON path. */
export function checkAutoscaling(_design: DesignDocument, _push: Push): void {}
