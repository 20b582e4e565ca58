import { memo } from 'react';
import { setHelpOpen, useSessionStore } from '../../store/session';
import { Modal } from '../shared/Modal';

export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['Space', 'Play or pause'],
  ['← / →', 'One second back or on (past the played end, the run plays on)'],
  ['Shift + ← / →', 'Ten seconds back or on'],
  ['Home / End', 'To 0:00, or to the furthest moment played'],
  ['Ctrl + Z / Ctrl + Shift + Z', 'Undo or redo a design change'],
  ['Shift + click', 'Add a node to the selection, or take it out'],
  ['Shift + drag', 'Select the nodes in a box (a plain drag pans)'],
  ['Delete / Backspace', 'Delete the selected instances, services or load balancers'],
  ['Ctrl + C / Ctrl + V', 'Copy the selected instances and services; paste copies with new names'],
  ['Ctrl + D', 'Duplicate the selected instances and services'],
  ['F / Shift + 1', 'Zoom to fit the whole design'],
  ['M', 'Show or hide the minimap'],
  ['Right-click', 'The menu of what applies to a node or the canvas'],
  ['Esc', 'Close “Why here?” or a dialog'],
  ['?', 'This list'],
];

/** `?`: every key the app answers to, in one place. */
export const ShortcutHelp = memo(function ShortcutHelp() {
  const open = useSessionStore((s) => s.helpOpen);
  if (!open) return null;
  return (
    <Modal
      title="Keyboard shortcuts"
      testId="shortcuts"
      className="shortcut-help"
      onClose={() => setHelpOpen(false)}
    >
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} style={{ display: 'contents' }}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <div className="modal-actions">
        <span className="toolbar-gap" />
        <button type="button" className="button primary" onClick={() => setHelpOpen(false)}>
          Done
        </button>
      </div>
    </Modal>
  );
});
