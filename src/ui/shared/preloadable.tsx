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
  let pending: Promise<ComponentType<P>> | null = null;
  const listeners = new Set<() => void>();
  const preload = () =>
    (pending ??= load().then((c) => {
      loaded = c;
      for (const l of listeners) l();
      return c;
    }));
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    void preload();
    return () => listeners.delete(listener);
  };
  const current = () => loaded;
  function Component({ fallback = null, ...props }: P & { fallback?: ReactNode }) {
    const C = useSyncExternalStore(subscribe, current, current);
    return C ? <C {...(props as P)} /> : fallback;
  }
  return { Component, preload };
}
