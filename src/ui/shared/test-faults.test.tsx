// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import { panelTestHooksEnabled } from './test-faults';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

describe('panel test faults', () => {
  it('are not there on a page the e2e suite did not open', () => {
    expect(panelTestHooksEnabled()).toBe(false);
    expect(window.__berthPanelTest).toBeUndefined();
  });

  it('make the named panel throw, and only it, on a page opened with __BERTH_TEST__', async () => {
    (globalThis as { __BERTH_TEST__?: boolean }).__BERTH_TEST__ = true;
    vi.resetModules();
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { PanelBoundary } = await import('./PanelBoundary');
    const hook = window.__berthPanelTest;
    if (!hook) throw new Error('no hook');
    const host = document.createElement('div');
    const root = createRoot(host);
    await act(async () =>
      root.render(
        <>
          <PanelBoundary name="inspector">
            <p>inspector</p>
          </PanelBoundary>
          <PanelBoundary name="palette">
            <p>palette</p>
          </PanelBoundary>
        </>,
      ),
    );
    await act(async () => hook.throwIn('inspector'));
    expect(host.textContent).toMatch(
      /^The inspector failed to draw: Test fault: the inspector was made to throw\.Reload panel/,
    );
    expect(host.textContent).toContain('palette');
    await act(async () => hook.clear());
    await act(async () => host.querySelector('button')?.click());
    expect(host.textContent).toBe('inspectorpalette');
    act(() => root.unmount());
    delete (globalThis as { __BERTH_TEST__?: boolean }).__BERTH_TEST__;
    delete window.__berthPanelTest;
    vi.restoreAllMocks();
  });
});
