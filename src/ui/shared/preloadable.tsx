/**
 * A component in its own chunk that renders synchronously once the chunk is in (unlike React.lazy, which
 * suspends on first render even when preloaded): the first screen does not wait for it, and tests that preload
 * it render it in one pass.
 */
import { Suspense, use, type ComponentType, type ReactNode } from 'react';

export interface Preloadable<P> {
  Component: (props: P & { fallback?: ReactNode }) => ReactNode;
  preload: () => Promise<ComponentType<P>>;
}

export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const preload = () => (pending ??= load().then((c) => (loaded = c)));
  function Loaded(props: P) {
    const C = loaded ?? use(preload());
    return <C {...props} />;
  }
  function Component({ fallback = null, ...props }: P & { fallback?: ReactNode }) {
    if (loaded) return <Loaded {...(props as P)} />;
    return (
      <Suspense fallback={fallback}>
        <Loaded {...(props as P)} />
      </Suspense>
    );
  }
  return { Component, preload };
}
