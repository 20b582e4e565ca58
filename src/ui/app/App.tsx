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
      <div className={`app${presenter ? ' presenter' : ''}`} data-testid="app">
        <TopBar />
        <LoadIssueBanner />
        <StorageBanner />
        <main className="workspace">
          <Side side="left" label="Palette">
            <Palette />
          </Side>
          <div className="stage">
            <CanvasBar />
            <div className="stage-canvas">
              <Canvas />
              <ZoneSummaries />
              <NoticeToast />
              {/* Until the top bar renders them after <ShareButton />: the canvas's corner. */}
            </div>
          </div>
          <Side side="right" label="Inspector">
            <LazyInspector />
          </Side>
        </main>
        <Dock />
        <LazyImportDialog />
        <LazyShortcutHelp />
      </div>
    </ReactFlowProvider>
  );
}
