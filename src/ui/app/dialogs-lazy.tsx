import { memo, Suspense, useState } from 'react';
import { setLibraryOpen, useLibraryStore } from '../../store/design-library';
import { setHelpOpen, setImportOpen, useSessionStore } from '../../store/session';
import { lazyWithRetry } from '../shared/lazy-retry';
import { PanelBoundary } from '../shared/PanelBoundary';

// The dialogs load when first opened, not with the page (B8): each first opening waits a
// moment for its code, every later one is as before. Each has a PanelBoundary: one that fails
// to draw (or whose code does not arrive) says so in a small dialog that can reload or close it.
const ImportDialog = lazyWithRetry(() =>
  import('./ImportDialog').then((m) => ({ default: m.ImportDialog })),
);
const DesignsDialog = lazyWithRetry(() =>
  import('./DesignsDialog').then((m) => ({ default: m.DesignsDialog })),
);
const ShortcutHelp = lazyWithRetry(() =>
  import('./ShortcutHelp').then((m) => ({ default: m.ShortcutHelp })),
);

/** True from the first time `open` is: the dialog then stays mounted, its state with it. */
function useOpenedOnce(open: boolean): boolean {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  return opened || open;
}

export const LazyImportDialog = memo(function LazyImportDialog() {
  const opened = useOpenedOnce(useSessionStore((s) => s.importOpen));
  return opened ? (
    <PanelBoundary name="import dialog" onClose={() => setImportOpen(false)}>
      <Suspense fallback={null}>
        <ImportDialog />
      </Suspense>
    </PanelBoundary>
  ) : null;
});

export const LazyDesignsDialog = memo(function LazyDesignsDialog() {
  const opened = useOpenedOnce(useLibraryStore((s) => s.open));
  return opened ? (
    <PanelBoundary name="designs dialog" onClose={() => setLibraryOpen(false)}>
      <Suspense fallback={null}>
        <DesignsDialog />
      </Suspense>
    </PanelBoundary>
  ) : null;
});

export const LazyShortcutHelp = memo(function LazyShortcutHelp() {
  const opened = useOpenedOnce(useSessionStore((s) => s.helpOpen));
  return opened ? (
    <PanelBoundary name="shortcuts dialog" onClose={() => setHelpOpen(false)}>
      <Suspense fallback={null}>
        <ShortcutHelp />
      </Suspense>
    </PanelBoundary>
  ) : null;
});
