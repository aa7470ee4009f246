// A part of the screen loaded on demand (React.lazy in Suspense): a placeholder while its chunk loads, and
// a message in its place when the chunk cannot be loaded or the part fails, while the other panes keep working.

import { Component, lazy, Suspense, useState, type ComponentType, type ErrorInfo, type ReactNode } from 'react';

interface Options {
  /** Class of the placeholder and the error message, so they take the part's place (e.g. the help dialog's). */
  className?: string;
}

interface BoundaryProps {
  what: string;
  className: string;
  onRetry(): void;
  children: ReactNode;
}

class PartBoundary extends Component<BoundaryProps, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`The ${this.props.what} failed:`, error, info.componentStack);
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className={`${this.props.className} part-error`} role="alert">
        <p className="warn">
          The {this.props.what} could not be shown ({error.message || String(error)}). The rest of the page works; retry, or reload the page (your texts are kept).
        </p>
        <button
          type="button"
          onClick={() => {
            this.props.onRetry();
            this.setState({ error: null });
          }}
        >
          Retry
        </button>
      </div>
    );
  }
}

/** A deferred part: a component, and a way to load its code before it is first shown. */
export type DeferredPart<P extends object> = ComponentType<P> & {
  /** Loads the code now (once); the part is then drawn at once when shown, without a placeholder. True once it is in. */
  preload(): Promise<boolean>;
};

/**
 * The address of the module a failed dynamic import names ("Failed to fetch dynamically imported module:
 * URL" in Chromium, "error loading dynamically imported module: URL" in Firefox), or null.
 */
export function failedModuleUrl(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  const urls = message.match(/\bhttps?:\/\/[^\s'"]+/g);
  return urls ? urls[urls.length - 1].replace(/[.,;:)]+$/, '') : null;
}

/** `url` with a query that makes it another module for the browser (`n`: the attempt). */
export function retryUrl(url: string, n: number): string {
  const u = new URL(url);
  u.searchParams.set('retry', String(n));
  return u.href;
}

/**
 * A component whose code is loaded the first time it is shown (or preloaded); `what` names it in the
 * placeholder and errors. `load` imports its module, `pick` takes the component from it.
 */
export function deferred<M, P extends object>(what: string, load: () => Promise<M>, pick: (module: M) => ComponentType<P>, options: Options = {}): DeferredPart<P> {
  /** The component, once its code is in: rendered directly, as lazy() would suspend once more to find it. */
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  // A browser keeps a failed import of a module as failed for the page's life (Chromium 150 does, as the
  // HTML standard says): an attempt after a failure imports the module the failure named under another
  // address. (When what failed was a module it imports, only a reload helps; the message says so.)
  let failed: string | null = null;
  let attempts = 0;
  const fetchPart = () => {
    const again = failed;
    loading ??= (again ? (import(/* @vite-ignore */ retryUrl(again, ++attempts)) as Promise<M>) : load()).then(
      (m) => (loaded = pick(m)),
      (e: unknown) => {
        // A failed load is tried again by the next attempt.
        loading = null;
        failed = failedModuleUrl(e) ?? again;
        throw e;
      },
    );
    return loading;
  };
  const make = () => lazy(async () => ({ default: await fetchPart() }));
  // A failed lazy() stays failed; Retry makes a new one, which imports again.
  let Part = make();
  const className = options.className ?? 'part-placeholder';
  function Deferred(props: P) {
    const [, setAttempt] = useState(0);
    // Drawn directly when the code was in as this instance mounted; an instance keeps its choice, as a
    // change of component type would mount the part afresh (a new canvas, its state lost).
    const [direct] = useState(() => loaded);
    const Inner = direct ?? Part;
    return (
      <PartBoundary
        what={what}
        className={className}
        onRetry={() => {
          Part = make();
          setAttempt((n) => n + 1);
        }}
      >
        <Suspense
          fallback={
            <div className={className} aria-busy="true">
              <p className="muted">Loading the {what}…</p>
            </div>
          }
        >
          <Inner {...props} />
        </Suspense>
      </PartBoundary>
    );
  }
  Deferred.displayName = `Deferred(${what})`;
  Deferred.preload = () => fetchPart().then(
    () => true,
    () => false,
  );
  return Deferred;
}
