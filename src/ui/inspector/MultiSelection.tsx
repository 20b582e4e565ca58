import { useNodesData, useReactFlow } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { isPristine, useRunStore } from '../../store/run';
import { select } from '../../store/session';
import {
  copySelection,
  deleteSelection,
  duplicateSelection,
  selectedNodes,
  selectionOf,
} from '../canvas/canvas-commands';
import { setMulti, useCanvasUi } from '../canvas/canvas-ui';
import type { BerthNode } from '../canvas/flow-nodes';
import { type MenuAction, menuItems } from '../canvas/menu-items';
import { selectionRows, totalsText } from './multi-selection';
import './multi-selection.css';

const ACTIONS: readonly MenuAction[] = ['duplicate', 'copy', 'delete'];

function run(action: MenuAction, nodes: readonly BerthNode[]): void {
  if (action === 'duplicate') duplicateSelection(nodes);
  else if (action === 'copy') copySelection(nodes);
  else if (action === 'delete') deleteSelection(nodes);
}

/**
 * Two or more nodes selected: what they are and add up to, the actions that apply to
 * them all, and a row per node that narrows the selection to it.
 */
export const MultiSelection = memo(function MultiSelection({ ids }: { ids: readonly string[] }) {
  const { getNodes } = useReactFlow<BerthNode>();
  // Re-renders when a selected node's data changes (a rename, a new desired count).
  const data = useNodesData<BerthNode>(ids as string[]);
  const live = useRunStore((s) => !isPristine(s));
  const clip = useCanvasUi((s) => s.clip);
  const nodes = useMemo(() => {
    const byId = new Map(getNodes().map((n) => [n.id, n]));
    return data.flatMap((d) => {
      const n = byId.get(d.id);
      return n ? [n] : [];
    });
  }, [data, getNodes]);
  const { rows, totals } = useMemo(() => selectionRows(nodes), [nodes]);
  const items = menuItems({ selected: nodes, onPane: false, live, clip }).filter((i) =>
    ACTIONS.includes(i.action),
  );

  return (
    <div className="inspector-body" data-testid="inspector.multi">
      <header className="inspector-head">
        <h2>{rows.length} selected</h2>
      </header>
      <ul className="multi-totals" data-testid="inspector.multi.totals">
        {totalsText(totals).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div className="multi-actions">
        {items.map((item) => (
          <button
            key={item.action}
            type="button"
            className={`button small${item.action === 'delete' ? ' danger' : ''}`}
            data-testid={`inspector.multi.${item.action}`}
            disabled={item.disabled !== undefined}
            title={item.disabled ?? item.note}
            onClick={() => run(item.action, selectedNodes(getNodes()))}
          >
            {item.label}
            {item.keys && <kbd>{item.keys}</kbd>}
          </button>
        ))}
      </div>
      {items.some((i) => i.disabled ?? i.note) && (
        <p className="inspector-note" data-testid="inspector.multi.why">
          {items.map((i) => i.disabled ?? i.note).find((why) => why !== undefined)}
        </p>
      )}
      <h3 className="inspector-section">Selected</h3>
      <ul className="multi-rows">
        {rows.map((row) => (
          <li key={row.nodeId}>
            <button
              type="button"
              className="multi-row"
              data-testid={`inspector.multi.row.${row.nodeId}`}
              title={`Inspect ${row.name} alone`}
              onClick={() => {
                const node = nodes.find((n) => n.id === row.nodeId);
                setMulti([]);
                select(selectionOf(node));
              }}
            >
              <span className="node-kind">{row.kind}</span>
              <span className="multi-row-name">{row.name}</span>
              {row.detail && <span className="multi-row-detail">{row.detail}</span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
});
