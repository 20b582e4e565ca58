import { useEffect } from 'react';
import { openSharedLink } from '../../store/design-actions';
import { isShareHash, sharedText } from '../../store/share-link';
import { whenAppSpecsReadable } from '../../store/yaml-loader';

/** Take the design out of the address, so a reload shows the autosave rather than the link again. */
function openFromAddress(): void {
  if (!isShareHash(location.hash)) return;
  const hash = location.hash;
  history.replaceState(null, '', `${location.pathname}${location.search}`);
  const shared = sharedText(hash);
  whenAppSpecsReadable([shared.kind === 'text' ? shared.text : null], () => openSharedLink(hash));
}

/** Open a share link on page load, and when one is pasted into this tab's address bar. */
export function useSharedLink(): void {
  useEffect(() => {
    openFromAddress();
    window.addEventListener('hashchange', openFromAddress);
    return () => window.removeEventListener('hashchange', openFromAddress);
  }, []);
}
