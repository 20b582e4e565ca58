import { type ComponentType, createElement, lazy } from 'react';

/**
 * A lazy chunk that did not arrive (offline, a dropped connection, a deploy that removed
 * it). React.lazy keeps a failed import for good, so `retry` makes the next render import
 * again; PanelBoundary calls it from its Retry button.
 */
export class ChunkLoadError extends Error {
  override readonly name = 'ChunkLoadError';
  constructor(
    message: string,
    readonly retry: () => void,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

// What Chromium, Firefox, Safari and Vite's preload say when a chunk's fetch fails; any
// other rejection (a throw while the module runs) is a bug, not the connection.
const NETWORK =
  /dynamically imported module|Importing a module script failed|error loading dynamically imported|Unable to preload CSS|Failed to fetch/i;

function isLoadFailure(error: unknown): boolean {
  return error instanceof TypeError || (error instanceof Error && NETWORK.test(error.message));
}

/** React.lazy for a panel, but a failed fetch is a ChunkLoadError whose `retry` imports again. */
export function lazyWithRetry(load: () => Promise<{ default: ComponentType }>): ComponentType;
export function lazyWithRetry<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): ComponentType<P>;
export function lazyWithRetry<P extends object>(
  load: () => Promise<{ default: ComponentType<P> }>,
): ComponentType<P> {
  const make = () =>
    lazy(() =>
      load().catch((cause: unknown) => {
        if (!isLoadFailure(cause)) throw cause;
        throw new ChunkLoadError(cause instanceof Error ? cause.message : String(cause), retry, {
          cause,
        });
      }),
    );
  let current = make();
  function retry(): void {
    current = make();
  }
  // A panel takes no props (it reads the stores); a lazy chart takes its plan.
  function Retrying(props: P) {
    return createElement(current as ComponentType<P>, props);
  }
  return Retrying;
}
