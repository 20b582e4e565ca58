import { memo } from 'react';
import { useStore } from 'zustand';
import { useDesignStore } from '../../store/design';
import { loadSample, newDesign, redo, undo } from '../../store/design-actions';
import { setLibraryOpen } from '../../store/design-library';
import { setImportOpen } from '../../store/session';
import { PanelBoundary } from '../shared/PanelBoundary';
import { LazyDesignsDialog } from './dialogs-lazy';
import { ExportMenu } from './ExportMenu';
import { PresenterToggle } from './PresenterToggle';
import { ShareButton } from './ShareButton';
import { ThemeToggle } from './ThemeToggle';

/** Brand, the design's name, and the document actions that are always one click away. */
export const TopBar = memo(function TopBar() {
  const name = useDesignStore((s) => s.design.name);
  const canUndo = useStore(useDesignStore.temporal, (s) => s.pastStates.length > 0);
  const canRedo = useStore(useDesignStore.temporal, (s) => s.futureStates.length > 0);
  return (
    <header className="topbar">
      <div className="brand">
        <img src="/favicon.svg" alt="" width={26} height={26} />
        <span>Berth</span>
      </div>
      <div className="design-name" data-testid="toolbar.designName" title={name}>
        {name}
      </div>
      <nav className="toolbar" aria-label="Design">
        <button
          type="button"
          className="button"
          data-testid="toolbar.new"
          onClick={newDesign}
          title="Start an empty design"
        >
          New
        </button>
        <button
          type="button"
          className="button"
          data-testid="toolbar.sample"
          onClick={loadSample}
          title="Open the sample design"
        >
          Sample
        </button>
        <button
          type="button"
          className="button"
          data-testid="toolbar.designs"
          onClick={() => setLibraryOpen(true)}
          title="The designs saved in this browser: save as, open, rename, delete"
        >
          Designs
        </button>
        <span className="toolbar-gap" />
        <button
          type="button"
          className="button"
          data-testid="toolbar.undo"
          onClick={undo}
          disabled={!canUndo}
          title="Undo (Ctrl+Z)"
        >
          ↶ Undo
        </button>
        <button
          type="button"
          className="button"
          data-testid="toolbar.redo"
          onClick={redo}
          disabled={!canRedo}
          title="Redo (Ctrl+Shift+Z)"
        >
          ↷ Redo
        </button>
        <span className="toolbar-gap" />
        <button
          type="button"
          className="button"
          data-testid="toolbar.import"
          onClick={() => setImportOpen(true)}
        >
          Import
        </button>
        <PanelBoundary name="export menu" className="row">
          <ExportMenu />
        </PanelBoundary>
        <PanelBoundary name="share dialog" className="row">
          <ShareButton />
        </PanelBoundary>
        <ThemeToggle />
        <PresenterToggle />
      </nav>
      <LazyDesignsDialog />
    </header>
  );
});
