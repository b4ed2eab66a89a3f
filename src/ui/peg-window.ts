/**
 * Which PEG scores the tracker shows by default: the current opioid course (from its baseline) or the last
 * 2 years, whichever is shorter (the course only once it has two scores) — never less than the latest score. "Show all" shows the whole record. Pure.
 */
import { addDays } from '../clinical/dates.ts';
import type { IsoDate, PegHistory } from '../clinical/types.ts';

export const PEG_WINDOW_DAYS = 730;

export interface PegWindow {
  /** Earliest date shown by default. */
  from: IsoDate;
  /** True when the window starts at the baseline of the current course (else: the last 2 years). */
  course: boolean;
  /** Scores left out by default. */
  hidden: number;
}

export function pegWindow(peg: PegHistory, asOf: IsoDate): PegWindow {
  const twoYears = addDays(asOf, -PEG_WINDOW_DAYS);
  const base = peg.baseline && !peg.baselineUnknown ? peg.baseline.date : null;
  // The course alone when it is the shorter view and has a trend to show (two scores or more).
  const courseScores = base ? peg.entries.filter((e) => e.date >= base).length : 0;
  let from = base && base > twoYears && courseScores >= 2 ? base : twoYears;
  const last = peg.entries.at(-1);
  if (last && last.date < from) from = last.date;
  return { from, course: from === base, hidden: peg.entries.filter((e) => e.date < from).length };
}

/** The history with only the entries from `from` on (the baseline value is kept for the lines). */
export function windowed(peg: PegHistory, from: IsoDate | null): PegHistory {
  return from ? { ...peg, entries: peg.entries.filter((e) => e.date >= from) } : peg;
}
