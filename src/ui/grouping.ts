/**
 * Long records stay short: repeated orders of one product become one line (the latest order, how many, from
 * when to when), and the records of one diagnosis code become one line with their latest status. Pure.
 */
import type { ConditionEntry, IsoDate } from '../clinical/types.ts';

export interface Group<T> {
  key: string;
  /** Newest first (undated last). */
  items: T[];
  latest: T;
  first: IsoDate | null;
  last: IsoDate | null;
}

const newestFirst = <T>(date: (t: T) => IsoDate | null) => (a: T, b: T) => (date(b) ?? '').localeCompare(date(a) ?? '');

/** Groups by key, newest group first; within a group newest first. Groups keep the first-seen order on ties. */
export function groupBy<T>(list: readonly T[], key: (t: T) => string, date: (t: T) => IsoDate | null): Group<T>[] {
  const map = new Map<string, T[]>();
  for (const t of list) {
    const k = key(t);
    const g = map.get(k);
    if (g) g.push(t);
    else map.set(k, [t]);
  }
  const groups = [...map.entries()].map(([k, items]) => {
    const sorted = [...items].sort(newestFirst(date));
    const dates = sorted.map(date).filter((d): d is IsoDate => !!d);
    return { key: k, items: sorted, latest: sorted[0], first: dates.at(-1) ?? null, last: dates[0] ?? null };
  });
  return groups.sort((a, b) => (b.last ?? '').localeCompare(a.last ?? ''));
}

/** The product name with case and spacing folded, so "OxyCODONE 5 mg" and "oxycodone 5 MG" are one product. */
export const productKey = (display: string) => display.toLowerCase().replace(/\s+/g, ' ').trim();

export interface ConditionGroup extends Group<ConditionEntry> {
  /** Some record of the code is active (or has no status, which the engine reads as active), as the tier reads it. */
  active: boolean;
  /** The record the line shows: the latest active one, else the latest. */
  shown: ConditionEntry;
}

const INACTIVE = new Set(['resolved', 'inactive', 'remission']);
const isActive = (c: ConditionEntry) => !INACTIVE.has((c.clinicalStatus ?? 'active').toLowerCase());

/** One line per diagnosis code; a code none of whose records is active is listed as resolved or inactive. */
export function groupConditions(conditions: readonly ConditionEntry[]): ConditionGroup[] {
  return groupBy(conditions, (c) => c.code, (c) => c.onsetOrRecorded).map((g) => {
    const active = g.items.find(isActive);
    return { ...g, active: !!active, shown: active ?? g.latest };
  });
}
