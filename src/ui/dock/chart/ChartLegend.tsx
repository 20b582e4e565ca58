import { memo } from 'react';
import { useRunStore } from '../../../store/run';
import { formatValue } from './axis';
import type { LegendEntry, Row } from './series';

/** The last row at or before `atS` (virtual seconds), or -1: a binary search, cheap per frame. */
export function rowAt(rows: readonly Row[], atS: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid]?.t ?? 0) <= atS + 1e-9) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function valueText(entry: LegendEntry, row: Row | undefined): string | undefined {
  if (entry.valueKey === undefined) return undefined;
  const format = entry.format ?? 'count';
  const v = formatValue(row?.[entry.valueKey] ?? 0, format);
  const text =
    entry.upperKey === undefined ? v : `${v}–${formatValue(row?.[entry.upperKey] ?? 0, format)}`;
  if (!entry.unit) return text;
  return entry.unit.startsWith('/') ? `${text}${entry.unit}` : `${text} ${entry.unit}`;
}

function Entry({ entry, row }: { entry: LegendEntry; row: Row | undefined }) {
  const text = valueText(entry, row);
  const raw = entry.valueKey === undefined ? undefined : (row?.[entry.valueKey] ?? 0);
  return (
    <span
      className="chart-legend-entry"
      title={entry.title}
      data-testid={`chart.legend.${entry.id}`}
      data-value={raw ?? ''}
    >
      <span className={`chart-legend-swatch ${entry.swatch}`} style={{ color: entry.color }} />
      <span className="chart-legend-label">{entry.label}</span>
      {text !== undefined && <strong className="chart-legend-value">{text}</strong>}
    </span>
  );
}

/** Neighbours of one group together, in order: one line of the key each. */
function grouped(entries: readonly LegendEntry[]): { group?: string; entries: LegendEntry[] }[] {
  const out: { group?: string; entries: LegendEntry[] }[] = [];
  for (const entry of entries) {
    const last = out[out.length - 1];
    if (last && entry.group !== undefined && last.group === entry.group) last.entries.push(entry);
    else
      out.push(
        entry.group === undefined ? { entries: [entry] } : { group: entry.group, entries: [entry] },
      );
  }
  return out;
}

/**
 * The chart's key, large enough to read across a room, each entry with its value at the
 * playhead. Only the row index is selected from the store: a frame re-renders this when
 * the playhead crosses a column, never the plot.
 */
export const ChartLegend = memo(function ChartLegend({
  entries,
  rows,
}: {
  entries: readonly LegendEntry[];
  rows: readonly Row[];
}) {
  const at = useRunStore((s) => rowAt(rows, s.nowMs / 1000));
  const row = at >= 0 ? rows[at] : undefined;
  if (entries.length === 0) return null;
  return (
    <ul className="chart-legend" data-testid="dock.chart.legend">
      {grouped(entries).map((g) => (
        <li
          key={g.entries[0]?.id}
          className={g.group === undefined ? undefined : 'chart-legend-group'}
        >
          {g.group !== undefined && <span className="chart-legend-group-name">{g.group}</span>}
          {g.entries.map((entry) => (
            <Entry key={entry.id} entry={entry} row={row} />
          ))}
        </li>
      ))}
    </ul>
  );
});
