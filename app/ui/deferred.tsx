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

/** A component whose code is loaded the first time it is shown; `what` names it in the placeholder and errors. */
export function deferred<P extends object>(what: string, load: () => Promise<ComponentType<P>>, options: Options = {}): ComponentType<P> {
  const make = () => lazy(async () => ({ default: await load() }));
  // A failed lazy() stays failed; Retry makes a new one, which imports again.
  let Part = make();
  const className = options.className ?? 'part-placeholder';
  function Deferred(props: P) {
    const [, setAttempt] = useState(0);
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
          <Part {...props} />
        </Suspense>
      </PartBoundary>
    );
  }
  Deferred.displayName = `Deferred(${what})`;
  return Deferred;
}
