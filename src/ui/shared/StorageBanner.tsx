import { memo, useState } from 'react';
import { exportAction, failureSentence, useStorageHealth } from '../../store/storage-health';

/**
 * While the autosave fails (storage full, or none: private mode, blocked site data), say
 * so above the canvas until it works again: the notice that first said it fades, and a
 * person who missed it must still learn that a reload would lose the design.
 */
export const StorageBanner = memo(function StorageBanner() {
  const failure = useStorageHealth((s) => s.design ?? s.run);
  const area = useStorageHealth((s) => (s.design ? 'design' : 'run'));
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (!failure) return null;
  const text = failureSentence(area, failure);
  if (dismissed === text) return null;
  return (
    <div className="banner error" role="alert" data-testid="storage-banner">
      <div className="banner-text">
        <strong>{text}</strong>
      </div>
      <button
        type="button"
        className="button"
        data-testid="storage-banner.export"
        onClick={exportAction.run}
      >
        Export
      </button>
      <button
        type="button"
        className="button"
        data-testid="storage-banner.dismiss"
        onClick={() => setDismissed(text)}
      >
        Dismiss
      </button>
    </div>
  );
});
