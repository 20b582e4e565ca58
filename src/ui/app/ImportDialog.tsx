import { type ChangeEvent, memo, useEffect, useState } from 'react';
import type { DesignIssue } from '../../design';
import { importDesign } from '../../store/design-actions';
import { setImportOpen, useSessionStore } from '../../store/session';

/** Paste or pick a file; the gate's objections are listed by path and nothing changes. */
export const ImportDialog = memo(function ImportDialog() {
  const open = useSessionStore((s) => s.importOpen);
  const [text, setText] = useState('');
  const [issues, setIssues] = useState<readonly DesignIssue[]>([]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setIssues([]);
        setImportOpen(false);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  if (!open) return null;

  const close = () => {
    setIssues([]);
    setImportOpen(false);
  };
  const submit = (source: string) => {
    const result = importDesign(source);
    if (!result.ok) return setIssues(result.issues);
    // importDesign's notice says what became of the run.
    setText('');
    close();
  };
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const content = await file.text();
    setText(content);
    submit(content);
  };

  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        data-testid="import"
      >
        <h2 id="import-title">Import a design</h2>
        <p className="modal-lead">
          Paste a Berth design document (JSON) or choose a file. The current design stays as it is
          unless the import is valid.
        </p>
        <textarea
          data-testid="import.text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder='{ "formatVersion": 1, … }'
          spellCheck={false}
          rows={12}
        />
        {issues.length > 0 && (
          <div className="import-errors" role="alert">
            <p>This design cannot be imported:</p>
            <ul data-testid="import.errors">
              {issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  <code>{issue.path}</code> {issue.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="modal-actions">
          <label className="button file-button">
            Choose file…
            <input
              type="file"
              accept=".json,application/json"
              data-testid="import.file"
              onChange={onFile}
            />
          </label>
          <span className="toolbar-gap" />
          <button type="button" className="button" data-testid="import.cancel" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            data-testid="import.submit"
            onClick={() => submit(text)}
            disabled={text.trim() === ''}
          >
            Import
          </button>
        </div>
      </div>
    </div>
  );
});
