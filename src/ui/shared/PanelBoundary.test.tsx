// @vitest-environment happy-dom
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lazyWithRetry } from './lazy-retry';
import { PanelBoundary } from './PanelBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLElement;
let root: Root;

beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  // React reports each caught error on the console; the tests read the page instead.
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.restoreAllMocks();
});

async function render(node: ReactNode): Promise<void> {
  await act(async () => root.render(node));
}

const text = (testId: string) =>
  host.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null;

async function click(testId: string): Promise<void> {
  const button = host.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`);
  if (!button) throw new Error(`no ${testId}`);
  await act(async () => button.click());
}

let broken = true;
let mounts = 0;
function Flaky() {
  mounts += 1;
  if (broken) throw new Error('cannot read properties of undefined (reading "cpu")');
  return <p data-testid="flaky">drawn</p>;
}

describe('PanelBoundary', () => {
  beforeEach(() => {
    broken = true;
    mounts = 0;
  });

  it('says in the panel’s place what failed, and leaves its neighbours drawn', async () => {
    await render(
      <>
        <PanelBoundary name="inspector" className="panel">
          <Flaky />
        </PanelBoundary>
        <p data-testid="canvas">canvas</p>
      </>,
    );
    expect(text('panel-failed.text')).toBe(
      'The inspector failed to draw: cannot read properties of undefined (reading "cpu").',
    );
    expect(host.querySelector('[data-testid="panel-failed"]')?.className).toBe(
      'panel-failed panel',
    );
    expect(text('panel-failed.reload')).toBe('Reload panel');
    expect(text('panel-failed.stack')).toMatch(/^Error: cannot read .*\n.*Flaky/s);
    expect(text('canvas')).toBe('canvas');
  });

  it('mounts the panel again on Reload panel', async () => {
    await render(
      <PanelBoundary name="chart">
        <Flaky />
      </PanelBoundary>,
    );
    const before = mounts;
    broken = false;
    await click('panel-failed.reload');
    expect(text('flaky')).toBe('drawn');
    expect(mounts).toBeGreaterThan(before);
    expect(host.querySelector('[data-testid="panel-failed"]')).toBeNull();
  });

  it('fails again, and says so again, while the fault stays', async () => {
    await render(
      <PanelBoundary name="chart">
        <Flaky />
      </PanelBoundary>,
    );
    await click('panel-failed.reload');
    expect(text('panel-failed.text')).toMatch(/^The chart failed to draw/);
  });

  it('keeps a message’s own full stop single, and names a thrown non-error', async () => {
    function Throws(): ReactNode {
      throw 'Out of cheese.';
    }
    await render(
      <PanelBoundary name="event log">
        <Throws />
      </PanelBoundary>,
    );
    expect(text('panel-failed.text')).toBe('The event log failed to draw: Out of cheese.');
  });

  it('shows a dialog’s failure as a dialog that closes', async () => {
    const onClose = vi.fn();
    await render(
      <PanelBoundary name="import dialog" onClose={onClose}>
        <Flaky />
      </PanelBoundary>,
    );
    expect(host.querySelector('.modal-backdrop [data-testid="panel-failed"]')).not.toBeNull();
    broken = false;
    const close = [...host.querySelectorAll('button')].find((b) => b.textContent === 'Close');
    await act(async () => close?.click());
    expect(onClose).toHaveBeenCalledOnce();
    expect(text('flaky')).toBe('drawn');
  });
});

describe('a lazy panel whose code does not arrive', () => {
  it('says to check the connection, and Retry imports again', async () => {
    let fetches = 0;
    let online = false;
    const Lazy = lazyWithRetry(() => {
      fetches += 1;
      return online
        ? Promise.resolve({ default: () => <p data-testid="loaded">loaded</p> })
        : Promise.reject(
            new TypeError('Failed to fetch dynamically imported module: /assets/I.js'),
          );
    });
    await render(
      <PanelBoundary name="inspector">
        <Lazy />
      </PanelBoundary>,
    );
    expect(text('panel-failed.text')).toBe('The inspector could not load; check the connection.');
    expect(text('panel-failed.reload')).toBe('Retry');
    expect(fetches).toBe(1);
    online = true;
    await click('panel-failed.reload');
    expect(fetches).toBe(2);
    expect(text('loaded')).toBe('loaded');
  });

  it('a lazy chart gets its props, after a Retry as before it', async () => {
    let online = false;
    const Chart = ({ title }: { title: string }) => <p data-testid="chart">{title}</p>;
    const Lazy = lazyWithRetry<{ title: string }>(() =>
      online
        ? Promise.resolve({ default: Chart })
        : Promise.reject(new TypeError('Failed to fetch dynamically imported module: /P.js')),
    );
    await render(
      <PanelBoundary name="chart">
        <Lazy title="tasks by status" />
      </PanelBoundary>,
    );
    expect(text('panel-failed.reload')).toBe('Retry');
    online = true;
    await click('panel-failed.reload');
    expect(text('chart')).toBe('tasks by status');
  });

  it('reports a module that throws as it runs as a failure to draw', async () => {
    const Lazy = lazyWithRetry(() => Promise.reject(new RangeError('bad table')));
    await render(
      <PanelBoundary name="inspector">
        <Lazy />
      </PanelBoundary>,
    );
    expect(text('panel-failed.text')).toBe('The inspector failed to draw: bad table.');
  });
});
