import type { TestFault } from '../worker/protocol';

/** What the e2e suite finds on `window` (only when it opened the page: see test-faults.ts). */
export interface BerthTestHook {
  /** Arm a fault in the live worker; false when no worker honours it. */
  fault(kind: TestFault): Promise<boolean>;
}

declare global {
  interface Window {
    __berthTest?: BerthTestHook;
  }
}

/** Called only when testHooksEnabled(): a production page opened by a person has no hook. */
export function installTestHook(fault: (kind: TestFault) => Promise<boolean>): void {
  if (typeof window === 'undefined') return;
  window.__berthTest = { fault };
}
