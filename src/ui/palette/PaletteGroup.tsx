import { memo, type ReactNode, useId, useState } from 'react';

/** A group of the palette under a heading that folds it away: the palette stays short. */
export const PaletteGroup = memo(function PaletteGroup({
  id,
  title,
  summary,
  children,
}: {
  id: string;
  title: string;
  /** What the group holds, shown beside the heading while it is folded. */
  summary: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(true);
  const body = useId();
  return (
    <section className="palette-group" data-testid={`palette.group.${id}`} aria-label={title}>
      <h3 className="palette-group-title">
        <button
          type="button"
          className="palette-group-toggle"
          aria-expanded={open}
          aria-controls={body}
          data-testid={`palette.group.${id}.toggle`}
          onClick={() => setOpen(!open)}
        >
          <span className="palette-group-chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          <span>{title}</span>
          {!open && <span className="palette-group-summary">{summary}</span>}
        </button>
      </h3>
      <div id={body} className="palette-group-body" hidden={!open}>
        {children}
      </div>
    </section>
  );
});
