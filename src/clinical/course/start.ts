/**
 * Start of the current opioid course: walk back from the latest opioid analgesic order while the gaps between
 * order dates are ≤ COURSE_GAP_DAYS. When the orders were read only from a date on (`since`) and the walk reaches
 * within a gap of that date, the course may have begun earlier: the start is then "at or before" the earliest
 * order read, and nothing that depends on it (the PEG baseline) is computed as if it were known.
 *
 * @example
 *   courseStart(mme, '2026-11-22', '2024-11-22') // { date: '2024-12-01', known: false } — orders before 11/22/2024 not read
 */
import { daysBetween } from '../dates.ts';
import { currentAnalgesics } from '../risk/facts.ts';
import type { IsoDate, MmeResult } from '../types.ts';

/** A new opioid course starts after a gap of more than this many days between opioid analgesic orders. */
export const COURSE_GAP_DAYS = 180;

export interface CourseStart {
  /** The earliest order of the current course that was read. */
  date: IsoDate;
  /** False when earlier orders were not read and could belong to the same course ("at or before" date). */
  known: boolean;
}

export function courseStart(mme: MmeResult, asOf: IsoDate, since?: IsoDate | null): CourseStart | null {
  if (currentAnalgesics(mme).length === 0) return null;
  const dates = mme.orders
    .filter((o) => !o.flags.includes('moud') && o.authoredOn && o.authoredOn <= asOf)
    .map((o) => o.authoredOn as IsoDate)
    .sort()
    .reverse();
  if (dates.length === 0) return null;
  let start = dates[0];
  for (const d of dates.slice(1)) {
    if (daysBetween(d, start) > COURSE_GAP_DAYS) break;
    start = d;
  }
  const known = !since || daysBetween(since, start) > COURSE_GAP_DAYS;
  return { date: start, known };
}
