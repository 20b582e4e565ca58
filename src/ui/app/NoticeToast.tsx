import { memo, useEffect } from 'react';
import { dismissNotice, useSessionStore } from '../../store/session';

const SHOW_MS = 5000;

/** One short message at a time, e.g. that an edit restarted the simulation. */
export const NoticeToast = memo(function NoticeToast() {
  const notice = useSessionStore((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => dismissNotice(notice.id), SHOW_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  if (!notice) return null;
  return (
    <div className={`toast ${notice.tone}`} role="status" data-testid="notice">
      <span>{notice.text}</span>
      <button type="button" aria-label="Dismiss" onClick={() => dismissNotice(notice.id)}>
        ×
      </button>
    </div>
  );
});
