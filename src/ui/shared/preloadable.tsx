/**
 * A component in its own chunk: its placeholder until the chunk is in, then the component — synchronously on the
 * first render once preloaded (tests preload; React.lazy would suspend once even then). The chunk is asked for
 * when the slot mounts, or earlier through preload().
 */
import { useSyncExternalStore, type ComponentType, type ReactNode } from 'react';

export interface Preloadable<P> {
  Component: (props: P & { fallback?: ReactNode }) => ReactNode;
  preload: () => Promise<ComponentType<P>>;
}

export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let failed: string | null = null;
  let pending: Promise<ComponentType<P>> | null = null;
  const listeners = new Set<() => void>();
  const settle = () => {
    for (const l of listeners) l();
  };
  const preload = () =>
    (pending ??= load().then(
      (c) => {
        loaded = c;
        settle();
        return c;
      },
      (e: unknown) => {
        // Said where the part would be, never left as a placeholder that looks like "still loading".
        failed = e instanceof Error ? e.message : 'unknown error';
        settle();
        throw e;
      },
    ));
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    preload().catch(() => undefined);
    return () => listeners.delete(listener);
  };
  const current = () => loaded ?? failed;
  function Component({ fallback = null, ...props }: P & { fallback?: ReactNode }) {
    const C = useSyncExternalStore(subscribe, current, current);
    if (typeof C === 'string') return <p role="alert">This part of the panel could not be loaded ({C}): reload the page or relaunch from the chart.</p>;
    return C ? <C {...(props as P)} /> : fallback;
  }
  return { Component, preload };
}
