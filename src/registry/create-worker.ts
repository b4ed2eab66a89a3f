/**
 * The registry Web Worker (bundled by Vite as a separate module chunk).
 */
export function createRegistryWorker(): Worker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
}
