/**
 * A panel left open past midnight moves to the new day: once a minute (and when the tab becomes visible again)
 * the store compares its clock's day with asOf and, when it changed, the summary is recomputed for the new day.
 */
import { useEffect } from 'react';
import { usePanelStore } from '../store/index.ts';

const CHECK_EVERY_MS = 60_000;

export function useDayRollover(): void {
  const launched = usePanelStore((s) => s.asOf !== null);
  useEffect(() => {
    if (!launched) return undefined;
    const sync = () => void usePanelStore.getState().syncDay();
    const timer = setInterval(sync, CHECK_EVERY_MS);
    document.addEventListener('visibilitychange', sync);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', sync);
    };
  }, [launched]);
}
