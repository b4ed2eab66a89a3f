/**
 * Monthly run chart: for each of the last 12 months, the measures computed as of the month's last
 * day from the same resources. The months are the 12 most recent month-ends on or before asOf
 * (asOf itself is a point only when it is a month's last day).
 */
import type { IsoDate } from '../clinical/types.ts';
import { measureFlags } from './measure-flags.ts';
import type { PanelSummary } from '../clinical/types.ts';
import { createTally, tallyAdd, toMeasureCounts, type MeasureTally } from './tally.ts';
import type { MeasureCount, Prescriber } from './types.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** Last day of month `m` (1-12) of year `y`. */
export function monthEnd(y: number, m: number): IsoDate {
  return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
}

/** The `count` most recent month-ends ≤ asOf, oldest first. */
export function monthEnds(asOf: IsoDate, count = 12): IsoDate[] {
  let [y, m] = asOf.split('-').map(Number);
  if (monthEnd(y, m) > asOf) [y, m] = m === 1 ? [y - 1, 12] : [y, m - 1];
  const out: IsoDate[] = [];
  for (let i = 0; i < count; i++) {
    out.unshift(monthEnd(y, m));
    [y, m] = m === 1 ? [y - 1, 12] : [y, m - 1];
  }
  return out;
}

export interface RunChartPoint {
  monthEnd: IsoDate;
  patients: number;
  measures: MeasureCount[];
}

/** Accumulates one tally per month-end; feed it each patient's summary computed as of that month-end. */
export class RunChartTally {
  readonly dates: IsoDate[];
  private readonly tallies: Map<IsoDate, MeasureTally>;

  constructor(asOf: IsoDate, months = 12) {
    this.dates = monthEnds(asOf, months);
    this.tallies = new Map(this.dates.map((d) => [d, createTally()]));
  }

  add(summaryAsOfMonthEnd: PanelSummary, prescriber: Prescriber): void {
    const t = this.tallies.get(summaryAsOfMonthEnd.asOf);
    if (!t) throw new Error(`summary as of ${summaryAsOfMonthEnd.asOf} is not a run-chart month-end`);
    tallyAdd(t, measureFlags(summaryAsOfMonthEnd), prescriber);
  }

  points(): RunChartPoint[] {
    return this.dates.map((d) => {
      const t = this.tallies.get(d)!;
      return { monthEnd: d, patients: t.patients, measures: toMeasureCounts(t.overall) };
    });
  }
}
