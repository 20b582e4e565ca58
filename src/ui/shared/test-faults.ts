import { useSyncExternalStore } from 'react';

/**
 * A panel the e2e suite makes throw while it renders, to prove its PanelBoundary; nothing
 * else can. As with the worker's faults (src/worker/test-faults.ts), the suite runs against
 * the production build, so a build mode cannot gate this: the page reads
 * `__BERTH_TEST__ === true` on the global object, which only Playwright's addInitScript
 * defines before the app's scripts run. A design, a share link or a URL cannot define a
 * global, so `window.__berthPanelTest` does not exist for them and no panel is ever armed.
 * (The ui may not import the worker layer, hence this check of its own.)
 */
export interface PanelTestHook {
  /** The named panel (PanelBoundary's `name`) throws on its next render, and every one after. */
  throwIn(panel: string): void;
  /** Disarm one panel, or all of them: a Reload panel then draws it again. */
  clear(panel?: string): void;
}

declare global {
  interface Window {
    __berthPanelTest?: PanelTestHook;
  }
}

const armed = new Set<string>();
const listeners = new Set<() => void>();

function changed(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether the e2e suite opened this page. */
export function panelTestHooksEnabled(): boolean {
  return (globalThis as { __BERTH_TEST__?: unknown }).__BERTH_TEST__ === true;
}

/** The message a test fault throws with: the suite looks for it in the console too. */
export function testFaultMessage(panel: string): string {
  return `Test fault: the ${panel} was made to throw`;
}

if (panelTestHooksEnabled() && typeof window !== 'undefined') {
  window.__berthPanelTest = {
    throwIn(panel) {
      armed.add(panel);
      changed();
    },
    clear(panel) {
      if (panel === undefined) armed.clear();
      else armed.delete(panel);
      changed();
    },
  };
}

/** Throws during render while the suite has armed `panel`; a person's page never arms one. */
export function useTestFault(panel: string): void {
  const on = useSyncExternalStore(
    subscribe,
    () => armed.has(panel),
    () => false,
  );
  if (on) throw new Error(testFaultMessage(panel));
}
