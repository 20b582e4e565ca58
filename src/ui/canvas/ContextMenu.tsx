import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { isPristine } from '../../store/run';
import { requestFit, select } from '../../store/session';
import {
  copySelection,
  deleteSelection,
  duplicateSelection,
  pasteClipboard,
  selectedNodes,
  selectionOf,
} from './canvas-commands';
import { closeMenu, setMulti, useCanvasUi } from './canvas-ui';
import './context-menu.css';
import type { BerthNode } from './flow-nodes';
import { type MenuAction, menuItems } from './menu-items';

function run(action: MenuAction, nodes: readonly BerthNode[], onPane: boolean): void {
  if (action === 'inspect') {
    const [one] = onPane ? [] : selectedNodes(nodes);
    setMulti([]);
    select(one ? selectionOf(one) : null);
  } else if (action === 'duplicate') duplicateSelection(nodes);
  else if (action === 'copy') copySelection(nodes);
  else if (action === 'paste') pasteClipboard();
  else if (action === 'delete') deleteSelection(nodes);
  else requestFit();
}

/** Right-click on a node or the canvas: the editing actions, each saying when it cannot apply. */
export const ContextMenu = memo(function ContextMenu({ nodes }: { nodes: readonly BerthNode[] }) {
  const menu = useCanvasUi((s) => s.menu);
  const clip = useCanvasUi((s) => s.clip);
  const ref = useRef<HTMLDivElement>(null);
  const [at, setAt] = useState<{ left: number; top: number } | null>(null);

  // Kept inside the window: a right-click near an edge opens the menu the other way.
  useLayoutEffect(() => {
    if (!menu || !ref.current) return setAt(null);
    const { width, height } = ref.current.getBoundingClientRect();
    setAt({
      left: Math.max(4, Math.min(menu.x, window.innerWidth - width - 4)),
      top: Math.max(4, Math.min(menu.y, window.innerHeight - height - 4)),
    });
    ref.current.querySelector<HTMLButtonElement>('button:not([disabled])')?.focus();
  }, [menu]);

  useEffect(() => {
    if (!menu) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        closeMenu();
      } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const buttons = [
          ...(ref.current?.querySelectorAll<HTMLButtonElement>('button:not([disabled])') ?? []),
        ];
        const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
        const next = event.key === 'ArrowDown' ? i + 1 : i - 1;
        buttons[(next + buttons.length) % buttons.length]?.focus();
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!(event.target instanceof Node) || !ref.current?.contains(event.target)) closeMenu();
    };
    window.addEventListener('keydown', onKey, true);
    window.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('blur', closeMenu);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      window.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('blur', closeMenu);
    };
  }, [menu]);

  if (!menu) return null;
  const onPane = menu.nodeId === undefined;
  const items = menuItems({ selected: selectedNodes(nodes), onPane, live: !isPristine(), clip });
  return createPortal(
    <div
      ref={ref}
      className="context-menu"
      role="menu"
      aria-label={onPane ? 'Canvas' : 'Selection'}
      data-testid="canvas.menu"
      style={
        at ? { left: at.left, top: at.top } : { left: menu.x, top: menu.y, visibility: 'hidden' }
      }
      onContextMenu={(e) => e.preventDefault()}
    >
      {items.map((item) => (
        <button
          key={item.action}
          type="button"
          role="menuitem"
          className="context-menu-item"
          data-testid={`canvas.menu.${item.action}`}
          disabled={item.disabled !== undefined}
          title={item.disabled ?? item.note}
          onClick={() => {
            closeMenu();
            run(item.action, nodes, onPane);
          }}
        >
          <span className="context-menu-label">{item.label}</span>
          {item.keys && <kbd>{item.keys}</kbd>}
          {(item.disabled ?? item.note) && (
            <span className={`context-menu-why${item.note && !item.disabled ? ' note' : ''}`}>
              {item.disabled ?? item.note}
            </span>
          )}
        </button>
      ))}
    </div>,
    document.body,
  );
});
