import { type ChangeEvent, type DragEvent, memo, useEffect, useState } from 'react';
import type { DesignIssue } from '../../design';
import type { ImportedDocument, ImportSource } from '../../design/import';
import { importSources } from '../../store/design-actions';
import { cancelImport, type ImportProgress } from '../../store/import-actions';
import { progressText, sizeIssues } from '../../store/import-actions-limit';
import { setImportOpen, useSessionStore } from '../../store/session';
import { readyForAppSpecs } from '../../store/yaml-loader';

interface Done {
  read: readonly ImportedDocument[];
  warnings: readonly DesignIssue[];
}

function IssueList({ issues, testId }: { issues: readonly DesignIssue[]; testId: string }) {
  return (
    <ul data-testid={testId}>
      {issues.map((issue) => (
        <li key={`${issue.path}:${issue.message}`}>
          <code>{issue.path}</code> {issue.message}
        </li>
      ))}
    </ul>
  );
}

async function sourcesOf(files: readonly File[]): Promise<ImportSource[]> {
  return Promise.all(files.map(async (f) => ({ name: f.name, text: await f.text() })));
}

/**
 * From this size an import runs in the background: the dialog folds into a progress panel
 * and the page stays usable. Below it, the dialog waits in place (well under a second).
 */
const BACKGROUND_CHARS = 1024 * 1024;
/** A dropped file's text shows in the box only below this: a 10 MB text box is slow to lay out. */
const SHOWN_CHARS = 256 * 1024;

interface Busy {
  text: string;
  fraction: number;
  background: boolean;
}

function Progress({ busy }: { busy: Busy }) {
  return (
    <div className="import-progress" role="status" data-testid="import.progress">
      <p data-testid="import.progress.text">{busy.text}</p>
      <div className="import-progress-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(busy.fraction * 100)}%` }} />
      </div>
    </div>
  );
}

/**
 * Paste or drop what you have: Berth designs, task definitions, services, container
 * instances, CloudFormation templates, Copilot manifests, one or several. What the
 * pipeline refuses is listed by path and nothing changes; what it kept but will not
 * export is listed after the import.
 */
export const ImportDialog = memo(function ImportDialog() {
  const open = useSessionStore((s) => s.importOpen);
  const [text, setText] = useState('');
  const [issues, setIssues] = useState<readonly DesignIssue[]>([]);
  const [mode, setMode] = useState<'add' | 'new'>('add');
  const [done, setDone] = useState<Done | null>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState<Busy | null>(null);
  const background = busy?.background ?? false;

  useEffect(() => {
    // In the background the page is the person's again: Escape is theirs, Cancel is a button.
    if (!open || background) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      cancelImport();
      setIssues([]);
      setDone(null);
      setImportOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open, background]);

  if (!open) return null;

  const close = () => {
    cancelImport();
    setIssues([]);
    setDone(null);
    setImportOpen(false);
  };
  const submit = async (sources: readonly ImportSource[]) => {
    const chars = sources.reduce((sum, s) => sum + s.text.length, 0);
    const onProgress = (p: ImportProgress) =>
      setBusy({
        text: progressText(p),
        fraction: p.fraction,
        background: chars >= BACKGROUND_CHARS,
      });
    setIssues([]);
    await readyForAppSpecs(sources.map((s) => s.text));
    const result = await importSources(sources, mode, onProgress).finally(() => setBusy(null));
    if ('cancelled' in result) return;
    if (!result.ok) return setIssues(result.issues);
    setText('');
    setIssues([]);
    // The notice says what became of the run; kept-but-not-exported fields are shown here.
    if (result.warnings.length > 0) setDone({ read: result.read, warnings: result.warnings });
    else close();
  };
  const onFiles = async (list: FileList | null | undefined) => {
    const files = [...(list ?? [])];
    if (files.length === 0) return;
    // Refused by its size before it is read: a 1 GB file never reaches memory.
    const tooLarge = sizeIssues(files.map((f) => ({ name: f.name, bytes: f.size })));
    if (tooLarge.length > 0) return setIssues(tooLarge);
    const sources = await sourcesOf(files);
    const only = sources.length === 1 ? sources[0] : undefined;
    if (only && only.text.length < SHOWN_CHARS) setText(only.text);
    await submit(sources);
  };
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = event.target.files;
    await onFiles(files);
    event.target.value = '';
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void onFiles(event.dataTransfer?.files);
  };

  if (busy?.background)
    return (
      <div className="import-background" data-testid="import">
        <h2>Importing</h2>
        <Progress busy={busy} />
        <p className="field-hint">Keep working: the design opens when it has been checked.</p>
        <div className="modal-actions">
          <span className="toolbar-gap" />
          <button
            type="button"
            className="button"
            data-testid="import.cancel"
            onClick={cancelImport}
          >
            Cancel import
          </button>
        </div>
      </div>
    );

  if (done)
    return (
      <div className="modal-backdrop">
        <div className="modal" role="dialog" aria-modal="true" data-testid="import">
          <h2>Imported</h2>
          <p className="modal-lead" data-testid="import.read">
            {done.read.map((r) => (r.name ? `${r.name}: ${r.label}` : r.label)).join('; ')}
          </p>
          <div className="import-warnings" role="status">
            <p>
              {done.warnings.length === 1 ? 'One note' : `${done.warnings.length} notes`} on what
              was kept:
            </p>
            <IssueList issues={done.warnings} testId="import.warnings" />
          </div>
          <div className="modal-actions">
            <span className="toolbar-gap" />
            <button
              type="button"
              className="button primary"
              data-testid="import.done"
              onClick={close}
            >
              Done
            </button>
          </div>
        </div>
      </div>
    );

  return (
    <div className="modal-backdrop">
      <div
        className={`modal${dragging ? ' dropping' : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        data-testid="import"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <h2 id="import-title">Import</h2>
        <p className="modal-lead">
          Paste or drop what you have: a Berth design, <code>register-task-definition</code> input,{' '}
          <code>describe-task-definition</code>, <code>describe-services</code> or{' '}
          <code>describe-container-instances</code> output, a CloudFormation template (JSON or YAML)
          or a Copilot manifest. Several files merge into one design. Nothing changes unless the
          import is valid.
        </p>
        <textarea
          data-testid="import.text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder='{ "family": "web", "containerDefinitions": [ … ] }'
          spellCheck={false}
          rows={12}
        />
        <fieldset className="import-mode">
          <label>
            <input
              type="radio"
              name="import-mode"
              checked={mode === 'add'}
              onChange={() => setMode('add')}
              data-testid="import.mode.add"
            />{' '}
            Add to this design
          </label>
          <label>
            <input
              type="radio"
              name="import-mode"
              checked={mode === 'new'}
              onChange={() => setMode('new')}
              data-testid="import.mode.new"
            />{' '}
            Start a new design
          </label>
          <span className="field-hint">A Berth design opens as itself.</span>
        </fieldset>
        {busy && <Progress busy={busy} />}
        {issues.length > 0 && (
          <div className="import-errors" role="alert">
            <p>This cannot be imported:</p>
            <IssueList issues={issues} testId="import.errors" />
          </div>
        )}
        <div className="modal-actions">
          <label className="button file-button">
            Choose files…
            <input
              type="file"
              multiple
              accept=".json,.yaml,.yml,.template,application/json,application/yaml"
              data-testid="import.file"
              onChange={onFile}
            />
          </label>
          <span className="toolbar-gap" />
          <button
            type="button"
            className="button"
            data-testid="import.cancel"
            onClick={busy ? cancelImport : close}
          >
            Cancel
          </button>
          <button
            type="button"
            className="button primary"
            data-testid="import.submit"
            onClick={() => void submit([{ text }])}
            disabled={text.trim() === '' || busy !== null}
          >
            {busy ? 'Importing…' : 'Import'}
          </button>
        </div>
      </div>
    </div>
  );
});
