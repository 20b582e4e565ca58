import './panel-boundary.css';
import { Component, type ErrorInfo, Fragment, type ReactNode } from 'react';
import { ChunkLoadError } from './lazy-retry';
import { useTestFault } from './test-faults';

interface Props {
  /** The panel as a person calls it, lower case: "inspector", "event log". */
  name: string;
  children: ReactNode;
  /** The failed box takes the panel's own place: the classes that give it that place. */
  className?: string;
  /** A dialog's failure shows as a dialog, closed here (the dialog's own close). */
  onClose?: () => void;
}

interface State {
  error: unknown;
  componentStack: string;
  /** Bumped by Reload panel: the children mount again from nothing. */
  generation: number;
}

/** The first line of a stack that names code ("at X (file:line)", "X@file:line"). */
function firstFrame(stack: string | undefined): string {
  const lines = (stack ?? '').split('\n').map((l) => l.trim());
  return lines.find((l) => l.startsWith('at ') || l.includes('@')) ?? lines[0] ?? '';
}

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim().replace(/[.!?]$/, '') || 'no message';
}

/** The thrower the e2e suite arms (test-faults.ts); inert on a person's page. */
function FaultProbe({ name }: { name: string }) {
  useTestFault(name);
  return null;
}

function FailedPanel({
  name,
  error,
  componentStack,
  className,
  onReload,
  onClose,
}: {
  name: string;
  error: unknown;
  componentStack: string;
  className: string;
  onReload: () => void;
  onClose: (() => void) | undefined;
}) {
  const load = error instanceof ChunkLoadError;
  const sentence = load
    ? `The ${name} could not load; check the connection.`
    : `The ${name} failed to draw: ${messageOf(error)}.`;
  const report = [
    `${error instanceof Error ? error.name : 'Thrown'}: ${messageOf(error)}`,
    firstFrame(error instanceof Error ? error.stack : undefined),
    firstFrame(componentStack),
  ]
    .filter(Boolean)
    .join('\n');
  const box = (
    <section
      className={`panel-failed ${className}`}
      role="alert"
      aria-label={`The ${name} failed`}
      data-testid="panel-failed"
      data-panel={name}
      data-kind={load ? 'load' : 'render'}
    >
      <p className="panel-failed-text" data-testid="panel-failed.text">
        {sentence}
      </p>
      <div className="panel-failed-actions">
        <button
          type="button"
          className="button primary"
          data-testid="panel-failed.reload"
          onClick={onReload}
        >
          {load ? 'Retry' : 'Reload panel'}
        </button>
        {onClose && (
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        )}
      </div>
      {!load && (
        <details className="panel-failed-details">
          <summary>For a bug report</summary>
          <pre data-testid="panel-failed.stack">{report}</pre>
        </details>
      )}
    </section>
  );
  return onClose ? <div className="modal-backdrop">{box}</div> : box;
}

/**
 * Around each panel: an error while it renders (or its lazy code failing to arrive) shows,
 * in the panel's own space, what failed and a button that mounts it again; the rest of the
 * app keeps drawing. The panel's data lives in the stores, so a reload finds it as it was.
 */
export class PanelBoundary extends Component<Props, State> {
  override state: State = { error: null, componentStack: '', generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    // Caught errors reach the console through React's own report (onCaughtError).
    return { error: error ?? new Error('unknown error'), componentStack: '' };
  }

  override componentDidCatch(_error: unknown, info: ErrorInfo): void {
    this.setState({ componentStack: info.componentStack ?? '' });
  }

  private readonly reload = (): void => {
    const { error } = this.state;
    if (error instanceof ChunkLoadError) error.retry();
    this.setState((s) => ({ error: null, componentStack: '', generation: s.generation + 1 }));
  };

  private readonly close = (): void => {
    this.props.onClose?.();
    this.reload();
  };

  override render(): ReactNode {
    const { name, children, className = '', onClose } = this.props;
    const { error, componentStack, generation } = this.state;
    if (error !== null) {
      return (
        <FailedPanel
          name={name}
          error={error}
          componentStack={componentStack}
          className={className}
          onReload={this.reload}
          onClose={onClose ? this.close : undefined}
        />
      );
    }
    return (
      <Fragment key={generation}>
        <FaultProbe name={name} />
        {children}
      </Fragment>
    );
  }
}
