/**
 * The panel's one clock. Everything that needs "now" — the as-of date the rules use, a save's timestamp, the
 * "loaded at" line — asks the store's clock, which the launch sets once; tests set a fixed one. This file is the
 * only place in src that reads the wall clock.
 *
 * @example
 *   const clock = fixedClock('2026-11-22T15:00:00Z');
 *   clinicDay(clock) // '2026-11-22' (the browser's local calendar day)
 */
import { localDateTime, localToday } from '../fhir/smart.ts';
import type { IsoDate } from '../clinical/types.ts';

export type Clock = () => Date;

/** The real wall clock (production only). */
export const systemClock: Clock = () => new Date();

/** A clock stopped at one instant (tests, benchmarks). */
export function fixedClock(instant: string | Date): Clock {
  const t = new Date(instant).getTime();
  return () => new Date(t);
}

/** Today's calendar date where the clinic is (the panel's as-of date). */
export function clinicDay(clock: Clock): IsoDate {
  return localToday(clock());
}

/** The current instant as a FHIR dateTime in the clinic's local time with its offset. */
export function clinicInstant(clock: Clock): string {
  return localDateTime(clock());
}
