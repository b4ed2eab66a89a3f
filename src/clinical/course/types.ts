/** The opioid course over time (the `course` object of `summarize`; field names are a public contract). */
import type { IsoDate } from '../types.ts';

export interface DoseSegment {
  from: IsoDate;
  to: IsoDate;
  /** MME/day over the segment (its lower bound when incomplete); 0 = no current opioid; null = could not compute. */
  mmePerDay: number | null;
  complete: boolean;
  /** The products counted, e.g. ["oxycodone hydrochloride 5 MG Oral Tablet"]. */
  products: string[];
}

export type ChangeKind = 'start' | 'increase' | 'decrease' | 'switch' | 'stop';

export interface DoseChange {
  date: IsoDate;
  fromMme: number | null;
  toMme: number | null;
  kind: ChangeKind;
  /** For a decrease: the reduction relative to the dose before, per month (per week for a short course, ×30/7). */
  pctPerMonth: number | null;
  /** What changed, in words (the orders or fills behind it). */
  detail: string;
}

export type CourseFlagCode = 'taper-faster-than-policy' | 'abrupt-stop' | 'dose-escalation' | 'early-refill' | 'overlapping-supply' | 'multiple-prescribers';

export interface CourseFlag {
  code: CourseFlagCode;
  date: IsoDate;
  /** In review language that blames nobody. */
  detail: string;
}

export interface CourseResult {
  /** Start of the current (or last) opioid course; null with no opioid in the orders read. */
  start: IsoDate | null;
  /** False when the course began before the orders read ("at or before" start). */
  startKnown: boolean;
  days: number | null;
  /** More than the policy's long-term days (CDC 2022: most days for more than 3 months). */
  longTerm: boolean;
  history: DoseSegment[];
  changes: DoseChange[];
  flags: CourseFlag[];
  /** The day the current supply runs out (last fill's days' supply, else the order's supply duration). */
  supplyEnds: IsoDate | null;
  /** The latest opioid pharmacy fill on or before asOf, with its days' supply. */
  lastFill: { date: IsoDate; daysSupply: number | null; display: string } | null;
  /** Days from asOf to supplyEnds (negative: ran out that many days ago). */
  daysLeft: number | null;
  prescribers: { count: number; pharmacies: number; windowDays: number; names: string[] };
  /** The prescriber of the newest current opioid order. */
  responsible: string | null;
}
