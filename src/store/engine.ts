/**
 * Loads the clinical engine chunk once and lets React read it: null until the chunk has arrived, then the module,
 * synchronously. index.html preloads the file; launch.ts evaluates it once the searches are on their way.
 */
import { useSyncExternalStore } from 'react';

export type Engine = typeof import('../clinical/engine.ts');

let engine: Engine | null = null;
let pending: Promise<Engine> | null = null;
const listeners = new Set<() => void>();

export function loadEngine(): Promise<Engine> {
  pending ??= import('../clinical/engine.ts').then((m) => {
    engine = m;
    for (const l of listeners) l();
    return m;
  });
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
