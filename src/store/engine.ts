/**
 * Loads the clinical engine chunk once and lets React read it: null until the chunk has arrived, then the module,
 * synchronously. index.html preloads the file; launch.ts evaluates it once the searches are on their way.
 */
import { useSyncExternalStore } from 'react';
import { reportAppLoadFailure } from './app-load-failure.ts';

export type Engine = typeof import('../clinical/engine.ts');

let engine: Engine | null = null;
const listeners = new Set<() => void>();

let pending: Promise<Engine | null> | null = null;

/** The engine, or null when its chunk could not be downloaded (then the panel's session error says so). */
export function loadEngine(): Promise<Engine | null> {
  pending ??= import('../clinical/engine.ts').then(
    (m) => {
      engine = m;
      for (const l of listeners) l();
      return m;
    },
    (e: unknown) => {
      reportAppLoadFailure(e);
      return null;
    },
  );
  return pending;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  void loadEngine();
  return () => listeners.delete(listener);
}

/** The engine, or null while its chunk is still on the way (the panel shows its loading state meanwhile). */
export function useEngine(): Engine | null {
  return useSyncExternalStore(subscribe, () => engine, () => engine);
}
