import { memo, useEffect } from 'react';
import { dismissNotice, useSessionStore } from '../../store/session';

const SHOW_MS = 5000;
/** Long enough to reach for Undo. */
const SHOW_WITH_ACTION_MS = 10_000;

/** One short message at a time, e.g. that an edit restarted the simulation. */
export const NoticeToast = memo(function NoticeToast() {
  const notice = useSessionStore((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(
      () => dismissNotice(notice.id),
      notice.action ? SHOW_WITH_ACTION_MS : SHOW_MS,
    );
    return () => clearTimeout(timer);
  }, [notice]);
  if (!notice) return null;
  return (
    <div className={`toast ${notice.tone}`} role="status" data-testid="notice">
      <span>{notice.text}</span>
      {notice.action && (
        <button
          type="button"
          className="button"
          data-testid="notice.action"
          onClick={() => {
            notice.action?.run();
            dismissNotice(notice.id);
          }}
        >
          {notice.action.label}
        </button>
      )}
      <button type="button" aria-label="Dismiss" onClick={() => dismissNotice(notice.id)}>
        ×
      </button>
    </div>
  );
});
