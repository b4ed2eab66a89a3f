/**
 * A part of the app itself could not be downloaded (network, a new deployment): the panel must say so in every
 * section rather than keep "loading" or show nothing as if nothing were due.
 */
import { usePanelStore } from './index.ts';

export function appLoadFailureMessage(e: unknown): string {
  const why = e instanceof Error ? e.message : 'unknown error';
  return `Part of the app could not be loaded (${why}), so nothing could be read: reload the page or relaunch from the chart.`;
}

export function reportAppLoadFailure(e: unknown): void {
  const store = usePanelStore.getState();
  if (!store.sessionError) store.setSessionError({ kind: 'app-load-failed', message: appLoadFailureMessage(e) });
}
