// Styles of the placement views; the shell's own are imported in main.tsx.
import '../styles/placement-canvas.css';
import '../styles/why.css';
import '../styles/editors.css';
import '../styles/timeline.css';
import '../styles/presenter.css';
import { ReactFlowProvider } from '@xyflow/react';
import { type ReactNode, useState } from 'react';
import { Canvas } from '../canvas/Canvas';
import { CanvasBar } from '../canvas/CanvasBar';
import { ZoneSummaries } from '../canvas/ZoneSummaries';
import { Dock } from '../dock/Dock';
import { Palette } from '../palette/Palette';
import { PanelBoundary } from '../shared/PanelBoundary';
import { StorageBanner } from '../shared/StorageBanner';
import { LazyImportDialog, LazyShortcutHelp } from './dialogs-lazy';
import { LoadIssueBanner } from './LoadIssueBanner';
import { NoticeToast } from './NoticeToast';
import { LazyInspector } from './panels-lazy';
import { usePresenter, usePresenterKey } from './presenter';
import { TopBar } from './TopBar';
import { useThemeRoot } from './theme';
import { useSharedLink } from './use-shared-link';
import { useShortcuts } from './use-shortcuts';

/**
 * A side panel. Outside presenter mode it is the panel itself (the wrapper takes no box);
 * in presenter mode it is a slim rail whose button opens the panel over the canvas, so
 * the canvas keeps the screen.
 */
function Side({
  side,
  label,
  children,
}: {
  side: 'left' | 'right';
  label: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <div
      className={`side side-${side}${open ? ' open' : ''}`}
      data-testid={`side.${side}`}
      data-open={open}
    >
      <button
        type="button"
        className="side-rail"
        data-testid={`side.${side}.toggle`}
        aria-expanded={open}
        title={open ? `Close the ${label.toLowerCase()}` : `Open the ${label.toLowerCase()}`}
        onClick={() => setOpen(!open)}
      >
        <span className="side-rail-label">{label}</span>
      </button>
      {children}
    </div>
  );
}

/** Palette left, canvas centre, inspector right, dock below. */
export function App() {
  useShortcuts();
  useSharedLink();
  useThemeRoot();
  usePresenterKey();
  const presenter = usePresenter();
  return (
    // One provider for palette and canvas: a palette click places nodes using the canvas's view.
    <ReactFlowProvider>
      {/* Each panel in a boundary of its own: one that fails to draw says so in its place. */}
      <div className={`app${presenter ? ' presenter' : ''}`} data-testid="app">
        <PanelBoundary name="top bar" className="topbar row">
          <TopBar />
        </PanelBoundary>
        <PanelBoundary name="notice about the loaded design" className="banner row">
          <LoadIssueBanner />
        </PanelBoundary>
        <PanelBoundary name="storage notice" className="banner row">
          <StorageBanner />
        </PanelBoundary>
        <main className="workspace">
          <Side side="left" label="Palette">
            <PanelBoundary name="palette" className="panel">
              <Palette />
            </PanelBoundary>
          </Side>
          <div className="stage">
            <PanelBoundary name="canvas legend" className="canvas-bar row">
              <CanvasBar />
            </PanelBoundary>
            <div className="stage-canvas">
              <PanelBoundary name="canvas" className="panel canvas-failed">
                <Canvas />
                <ZoneSummaries />
              </PanelBoundary>
              <PanelBoundary name="notice" className="toast">
                <NoticeToast />
              </PanelBoundary>
              {/* Until the top bar renders them after <ShareButton />: the canvas's corner. */}
            </div>
          </div>
          <Side side="right" label="Inspector">
            <PanelBoundary name="inspector" className="panel">
              <LazyInspector />
            </PanelBoundary>
          </Side>
        </main>
        {/* The dock's parts have boundaries of their own (Dock.tsx); this one is its frame. */}
        <PanelBoundary name="dock" className="dock-failed">
          <Dock />
        </PanelBoundary>
        <LazyImportDialog />
        <LazyShortcutHelp />
      </div>
    </ReactFlowProvider>
  );
}
