import { memo } from 'react';
import { issueText } from '../../design';
import { designStorage, useDesignStore } from '../../store/design';
import { dismissLoadIssue } from '../../store/design-actions';
import { rejectedText } from '../../store/design-storage';
import { downloadText } from './download';

/** A saved design the gate refused: say which field, keep the text downloadable. */
export const LoadIssueBanner = memo(function LoadIssueBanner() {
  const issue = useDesignStore((s) => s.loadIssue);
  if (!issue) return null;
  const saved = issue.text ?? rejectedText(designStorage);
  return (
    <div className="banner error" role="alert" data-testid="load-issue">
      <div className="banner-text">
        <strong>{issue.message}</strong>
        <ul>
          {issue.issues.slice(0, 5).map((i) => (
            <li key={issueText(i)}>
              <code>{i.path}</code> {i.message}
            </li>
          ))}
        </ul>
      </div>
      {saved !== null && (
        <button
          type="button"
          className="button"
          onClick={() =>
            downloadText(
              issue.text === undefined ? 'berth-saved-design.json' : 'berth-shared-design.json',
              saved,
            )
          }
        >
          {issue.text === undefined ? 'Download saved text' : 'Download the link’s text'}
        </button>
      )}
      <button
        type="button"
        className="button"
        data-testid="load-issue.dismiss"
        onClick={dismissLoadIssue}
      >
        Dismiss
      </button>
    </div>
  );
});
