/**
 * The load status the rules read: what the data layer reported per source, with every source that holds a record
 * the engine could not read downgraded to "partly read" (what is present is true; absence proves nothing).
 * A command-line file is complete (no key = loaded), so the same record gives the same answer everywhere.
 */
import type { LoadStatus, SourceKey } from '../types.ts';
import type { UnreadableRecord } from './types.ts';

export function withUnreadable(loadStatus: LoadStatus, unreadable: readonly UnreadableRecord[]): LoadStatus {
  if (unreadable.length === 0) return loadStatus;
  const counts = new Map<SourceKey, number>();
  for (const u of unreadable) for (const s of u.sources) counts.set(s, (counts.get(s) ?? 0) + 1);
  const out: LoadStatus = { ...loadStatus };
  for (const [source, n] of counts) {
    const current = out[source];
    if (current && (current.state === 'unavailable' || current.state === 'not-requested' || current.state === 'loading')) continue;
    const why = `${n} record${n === 1 ? '' : 's'} could not be read`;
    out[source] = { state: 'partial', reason: current?.reason ? `${current.reason}; ${why}` : why };
  }
  return out;
}
