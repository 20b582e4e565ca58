// Styles of the placement views; the shell's own are imported in main.tsx.
import '../styles/placement-canvas.css';
import '../styles/why.css';
import '../styles/editors.css';
import '../styles/timeline.css';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from '../canvas/Canvas';
import { CanvasBar } from '../canvas/CanvasBar';
import { Dock } from '../dock/Dock';
import { Inspector } from '../inspector/Inspector';
import { Palette } from '../palette/Palette';
import { ImportDialog } from './ImportDialog';
import { LoadIssueBanner } from './LoadIssueBanner';
import { NoticeToast } from './NoticeToast';
import { ShortcutHelp } from './ShortcutHelp';
import { TopBar } from './TopBar';
import { useSharedLink } from './use-shared-link';
import { useShortcuts } from './use-shortcuts';

/** Palette left, canvas centre, inspector right, dock below. */
export function App() {
  useShortcuts();
  useSharedLink();
  return (
    // One provider for palette and canvas: a palette click places nodes using the canvas's view.
    <ReactFlowProvider>
      <div className="app">
        <TopBar />
        <LoadIssueBanner />
        <main className="workspace">
          <Palette />
          <div className="stage">
            <CanvasBar />
            <div className="stage-canvas">
              <Canvas />
              <NoticeToast />
            </div>
          </div>
          <Inspector />
        </main>
        <Dock />
        <ImportDialog />
        <ShortcutHelp />
      </div>
    </ReactFlowProvider>
  );
}
