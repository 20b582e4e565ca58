import { type DragEvent, memo, type ReactNode } from 'react';

interface PaletteCardProps {
  testId: string;
  /** Two to four letters in the coloured square. */
  icon: string;
  /** A modifier of the icon's colour: `asg`, `external`, `fargate`, `task`, `tg`, `ns`. */
  tone: string;
  title: ReactNode;
  detail: ReactNode;
  onDragStart: (event: DragEvent) => void;
  /** A click or Enter: add at the centre of the canvas. */
  onAdd: () => void;
  hint: string;
}

/** One draggable card: drag it onto the canvas, or focus it and press Enter to add it at the centre. */
export const PaletteCard = memo(function PaletteCard(props: PaletteCardProps) {
  return (
    <button
      type="button"
      className={`palette-item palette-card ${props.tone}`}
      data-testid={props.testId}
      draggable
      onDragStart={props.onDragStart}
      onClick={props.onAdd}
      title={props.hint}
    >
      <span className={`palette-icon ${props.tone}`}>{props.icon}</span>
      <span className="palette-text">
        <strong>{props.title}</strong>
        <small>{props.detail}</small>
      </span>
      <span className="palette-grip" aria-hidden="true">
        ⠿
      </span>
    </button>
  );
});
