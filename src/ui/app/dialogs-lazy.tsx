import { lazy, memo, Suspense, useState } from 'react';
import { useLibraryStore } from '../../store/design-library';
import { useSessionStore } from '../../store/session';

// The dialogs load when first opened, not with the page (B8): each first opening waits a
// moment for its code, every later one is as before.
const ImportDialog = lazy(() =>
  import('./ImportDialog').then((m) => ({ default: m.ImportDialog })),
);
const DesignsDialog = lazy(() =>
  import('./DesignsDialog').then((m) => ({ default: m.DesignsDialog })),
);
const ShortcutHelp = lazy(() =>
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
    <Suspense fallback={null}>
      <ImportDialog />
    </Suspense>
  ) : null;
});

export const LazyDesignsDialog = memo(function LazyDesignsDialog() {
  const opened = useOpenedOnce(useLibraryStore((s) => s.open));
  return opened ? (
    <Suspense fallback={null}>
      <DesignsDialog />
    </Suspense>
  ) : null;
});

export const LazyShortcutHelp = memo(function LazyShortcutHelp() {
  const opened = useOpenedOnce(useSessionStore((s) => s.helpOpen));
  return opened ? (
    <Suspense fallback={null}>
      <ShortcutHelp />
    </Suspense>
  ) : null;
});
