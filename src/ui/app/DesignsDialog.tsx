import { memo, useEffect, useState } from 'react';
import { designStorage, useDesignStore } from '../../store/design';
import {
  deleteSavedDesign,
  type LibraryRow,
  openSavedDesign,
  readLibrary,
  renameSavedDesign,
  saveDesign,
  saveDesignAs,
  setLibraryOpen,
  useLibraryStore,
} from '../../store/design-library';
import { whenAppSpecsReadable } from '../../store/yaml-loader';
import { Modal } from '../shared/Modal';
import './designs.css';

/** Opens a saved design; one with a YAML AppSpec once the YAML reader has loaded. */
function openRow(id: string): void {
  const text = readLibrary(designStorage).find((e) => e.id === id)?.text ?? null;
  whenAppSpecsReadable([text], () => openSavedDesign(id));
}

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

function savedText(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime())
    ? iso
    : at.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

const Row = memo(function Row({ row, current }: { row: LibraryRow; current: boolean }) {
  const [renaming, setRenaming] = useState<string | null>(null);
  const commit = () => {
    if (renaming !== null && renaming.trim() !== row.name) renameSavedDesign(row.id, renaming);
    setRenaming(null);
  };
  return (
    <tr data-testid="designs.row" data-name={row.name}>
      <td className="designs-name">
        {renaming === null ? (
          <>
            {row.name}
            {current && <span className="designs-current">open</span>}
          </>
        ) : (
          <input
            aria-label={`New name for ${row.name}`}
            data-testid="designs.renameInput"
            value={renaming}
            // biome-ignore lint/a11y/noAutofocus: the field appears because the person asked to rename
            autoFocus
            onChange={(e) => setRenaming(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commit();
              if (e.key === 'Escape') {
                e.stopPropagation();
                setRenaming(null);
              }
            }}
          />
        )}
      </td>
      <td>{savedText(row.savedAt)}</td>
      <td className="designs-size">{sizeText(row.bytes)}</td>
      <td className="designs-actions">
        <button
          type="button"
          className="button small primary"
          data-testid="designs.open"
          onClick={() => openRow(row.id)}
        >
          Open
        </button>
        <button
          type="button"
          className="button small"
          data-testid="designs.rename"
          onClick={() => setRenaming(row.name)}
        >
          Rename
        </button>
        <button
          type="button"
          className="button small danger"
          data-testid="designs.delete"
          onClick={() => deleteSavedDesign(row.id)}
        >
          Delete
        </button>
      </td>
    </tr>
  );
});

/** "Designs": the named designs kept in this browser, and Save as. */
export const DesignsDialog = memo(function DesignsDialog() {
  const open = useLibraryStore((s) => s.open);
  const rows = useLibraryStore((s) => s.rows);
  const currentId = useLibraryStore((s) => s.currentId);
  const error = useLibraryStore((s) => s.error);
  const name = useDesignStore((s) => s.design.name);
  const [draft, setDraft] = useState(name);

  useEffect(() => {
    if (open) setDraft(name);
  }, [open, name]);

  if (!open) return null;
  const current = rows.find((r) => r.id === currentId);
  return (
    <Modal
      title="Designs in this browser"
      testId="designs"
      className="designs"
      onClose={() => setLibraryOpen(false)}
    >
      <p className="modal-lead">
        The design on screen is always saved as you work. Save it under a name to keep a version for
        a workshop or a review, and open it again later.
      </p>
      <form
        className="designs-save"
        onSubmit={(e) => {
          e.preventDefault();
          saveDesignAs(draft);
        }}
      >
        <label htmlFor="designs-save-name">Name</label>
        <input
          id="designs-save-name"
          data-testid="designs.saveName"
          value={draft}
          maxLength={200}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit" className="button primary" data-testid="designs.saveAs">
          Save as
        </button>
        {current && (
          <button
            type="button"
            className="button"
            data-testid="designs.save"
            title={`Save the design on screen over “${current.name}”`}
            onClick={() => saveDesign()}
          >
            Save over “{current.name}”
          </button>
        )}
      </form>
      {error && (
        <p className="field-error" role="alert" data-testid="designs.error">
          {error}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="designs-empty" data-testid="designs.empty">
          No designs saved yet.
        </p>
      ) : (
        <table className="designs-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Last saved</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <Row key={row.id} row={row} current={row.id === currentId} />
            ))}
          </tbody>
        </table>
      )}
      <div className="modal-actions">
        <span className="toolbar-gap" />
        <button
          type="button"
          className="button"
          data-testid="designs.close"
          onClick={() => setLibraryOpen(false)}
        >
          Done
        </button>
      </div>
    </Modal>
  );
});
