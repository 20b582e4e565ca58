import { memo, useId, useMemo, useRef, useState } from 'react';
import {
  instanceCatalog,
  instanceTypeSpec,
  instanceTypeSummary,
  searchInstanceTypes,
} from '../../design';

interface Props {
  id: string;
  testId: string;
  value: string;
  onChange: (instanceType: string) => void;
}

/**
 * A searchable combobox over every EC2 type of the catalog: type `m5`, `gpu`,
 * `arm64 4 vcpu` or `16 GiB` and pick with the arrows and Enter, or the mouse.
 * Escape or leaving the field keeps the type it had.
 */
export const InstanceTypePicker = memo(function InstanceTypePicker({
  id,
  testId,
  value,
  onChange,
}: Props) {
  const [query, setQuery] = useState<string | null>(null);
  const [active, setActive] = useState(0);
  const listId = useId();
  const list = useRef<HTMLDivElement>(null);
  const open = query !== null;
  const found = useMemo(() => (open ? searchInstanceTypes(query, 60) : undefined), [open, query]);
  const spec = instanceTypeSpec(value);

  const choose = (name: string) => {
    setQuery(null);
    if (name !== value) onChange(name);
  };
  const move = (by: number) => {
    const count = found?.matches.length ?? 0;
    if (count === 0) return;
    const next = (active + by + count) % count;
    setActive(next);
    list.current?.children[next]?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <div className="type-picker">
      <input
        id={id}
        data-testid={testId}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && found?.matches[active] ? `${listId}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={query ?? value}
        placeholder="m5, gpu, arm64 4 vcpu, 16 GiB"
        onFocus={(e) => {
          e.currentTarget.select();
          setQuery('');
          setActive(0);
        }}
        onBlur={() => setQuery(null)}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            if (!open) setQuery('');
            else move(1);
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            move(-1);
          } else if (e.key === 'Enter' && open) {
            e.preventDefault();
            const pick = found?.matches[active];
            if (pick) {
              choose(pick.name);
              e.currentTarget.blur();
            }
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            setQuery(null);
            e.currentTarget.blur();
          }
        }}
      />
      {!open && spec && <small className="type-picker-facts">{instanceTypeSummary(spec)}</small>}
      {open && found && (
        <div className="type-picker-pop">
          <div
            id={listId}
            ref={list}
            role="listbox"
            aria-label="EC2 instance types"
            className="type-picker-list"
          >
            {found.matches.map((s, i) => (
              <div
                key={s.name}
                id={`${listId}-${i}`}
                role="option"
                // Focus stays in the input (aria-activedescendant); -1 keeps options out of the tab order.
                tabIndex={-1}
                aria-selected={i === active}
                className={i === active ? 'active' : undefined}
                data-testid={`type-option.${s.name}`}
                // mousedown, not click: the input's blur would close the list first.
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(s.name);
                  (document.activeElement as HTMLElement | null)?.blur();
                }}
                onMouseEnter={() => setActive(i)}
              >
                <strong>{s.name}</strong>
                <span className="type-picker-summary">{instanceTypeSummary(s)}</span>
                <span className="type-picker-price">
                  {s.currentGeneration ? '' : 'prev. gen · '}
                  {s.onDemandUsdPerHour === null ? 'no price' : `$${s.onDemandUsdPerHour}/h`}
                </span>
              </div>
            ))}
          </div>
          <p className="type-picker-foot">
            {found.matches.length === 0
              ? 'No type matches. Try a family (m5), a size (4 vcpu, 16 GiB), gpu or arm64.'
              : found.more > 0
                ? `${found.more} more match: type to narrow.`
                : `${found.matches.length} match.`}{' '}
            On-demand prices: {instanceCatalog().region}, list prices of{' '}
            {instanceCatalog().priceDate.slice(0, 10)}.
          </p>
        </div>
      )}
    </div>
  );
});
