import { type ReactNode, useEffect, useId, useRef } from 'react';
import { createPortal } from 'react-dom';

/**
 * The one dialog shell: a portal out of the top bar (whose white-on-blue styles would
 * otherwise reach it), a backdrop, Escape to close, `aria-modal` with its title, and focus
 * taken on open and given back on close, so a keyboard user lands where they were.
 */
export function Modal({
  title,
  testId,
  className,
  onClose,
  closeOnBackdrop = true,
  children,
}: {
  title: string;
  testId: string;
  className?: string;
  onClose: () => void;
  /** A dialog holding something to copy keeps open on a stray click outside. */
  closeOnBackdrop?: boolean;
  children: ReactNode;
}) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    // A field the dialog focuses itself (the share link) keeps it.
    if (!box.current?.contains(document.activeElement)) box.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close.current();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      if (before?.isConnected) before.focus();
    };
  }, []);

  return createPortal(
    <div
      className="modal-backdrop"
      onPointerDown={closeOnBackdrop ? () => close.current() : undefined}
    >
      <div
        ref={box}
        className={className ? `modal ${className}` : 'modal'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        tabIndex={-1}
        onPointerDown={(e) => e.stopPropagation()}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
