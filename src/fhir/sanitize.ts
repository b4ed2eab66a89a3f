/**
 * What the data layer refuses before the store: only what is not a resource at all, or not what was searched for
 * (a server's stray Patient in an Observation search). Everything else goes to the one normaliser
 * (src/clinical/record), which knows FHIR and vendor shapes and records what it cannot read — so the panel, the
 * registry and `summarize` see the same resources and give the same answer.
 */
import type { Resource } from 'fhir/r4';
import type { SourceQuery } from './queries.ts';

export interface SkipCount {
  resourceType: string;
  reason: string;
  count: number;
  /** True when the skipped item might have been a record the rules use (the source is then partly read). */
  mayHideRecords: boolean;
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Returns the resources to keep and the per-reason skip counts. */
export function sanitize(items: unknown[], query: Pick<SourceQuery, 'expect'>): { kept: Resource[]; skipped: SkipCount[] } {
  const kept: Resource[] = [];
  const counts = new Map<string, SkipCount>();
  const skip = (resourceType: string, reason: string, mayHideRecords: boolean) => {
    const key = `${resourceType}\u0000${reason}`;
    const c = counts.get(key) ?? { resourceType, reason, count: 0, mayHideRecords };
    c.count += 1;
    counts.set(key, c);
  };
  for (const item of items) {
    if (!isObj(item)) { skip('entry', 'not a resource object', true); continue; }
    if (typeof item.resourceType !== 'string' || item.resourceType === '') { skip('entry', 'missing resourceType', true); continue; }
    const type = item.resourceType;
    if (!query.expect.includes(type)) { skip(type, 'not the type that was searched for', false); continue; }
    kept.push(item as unknown as Resource);
  }
  return { kept, skipped: [...counts.values()] };
}

/** "2 Observation resources skipped: …", "1 Bundle entry skipped: not a resource object" */
export function describeSkip(s: SkipCount): string {
  const noun = s.resourceType === 'entry' ? (s.count === 1 ? 'Bundle entry' : 'Bundle entries') : `${s.resourceType} ${s.count === 1 ? 'resource' : 'resources'}`;
  return `${s.count} ${noun} skipped: ${s.reason}`;
}
