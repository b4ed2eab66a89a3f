/**
 * Calendar-date helpers. Pure and time-zone independent: every computation works on the literal
 * YYYY-MM-DD part of a FHIR date/dateTime and on UTC day numbers, never on local time or the clock.
 * (A FHIR dateTime "2024-03-01T23:30:00-08:00" is the calendar date 2024-03-01 where it was written.)
 */
import type { IsoDate } from './types.ts';

const DATE_PART = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/**
 * The literal calendar-date part of a FHIR date or dateTime, or null when absent/unparsable.
 * Partial dates ("2024", "2024-03") resolve to the first day of the year/month.
 */
export function datePart(value: string | undefined | null): IsoDate | null {
  if (!value) return null;
  // Fast path for the common full form "YYYY-MM-DD…" (hot in the MME engine); validated like the slow path.
  if (value.length >= 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    const month = Number(value.slice(5, 7));
    const day = Number(value.slice(8, 10));
    const year = Number(value.slice(0, 4));
    if (Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= 31 && value.charCodeAt(0) !== 32) return value.slice(0, 10);
    return null;
  }
  const m = DATE_PART.exec(value.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01'] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${mo}-${d}`;
}

/** Days since 1970-01-01 of a calendar date (UTC arithmetic, so no DST or zone effects). */
export function dayNumber(date: IsoDate): number {
  // Proleptic Gregorian day count (H. Hinnant's days_from_civil): pure integer arithmetic, no Date object.
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number. */
export function fromDayNumber(n: number): IsoDate {
  // Integer civil-from-days (H. Hinnant), same result as Date#toISOString for years 0–9999 and several
  // times faster: the registry converts millions of dates (bench:registry).
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 0 || y > 9999) return new Date(n * 86_400_000).toISOString().slice(0, 10);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** date + days (days may be negative or fractional: fractions are floored). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + Math.floor(days));
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** True when the string is a valid calendar date YYYY-MM-DD (e.g. a CLI --as-of value). */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return fromDayNumber(dayNumber(value)) === value;
}

/** Compare two calendar dates: negative, 0 or positive (string order is date order for YYYY-MM-DD). */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
