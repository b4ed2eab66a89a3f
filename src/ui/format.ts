/**
 * US clinic formatting for the panel. Dates are calendar dates (YYYY-MM-DD) and are rearranged as text,
 * never passed through `Date`, so the display cannot shift with the browser's time zone.
 * @example formatDate('2025-03-07') // "03/07/2025"
 */
import type { IsoDate } from '../clinical/types.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})/;

/** MM/DD/YYYY, or the given fallback ("—" by default) when the date is missing or malformed. */
export function formatDate(date: IsoDate | null | undefined, fallback = '—'): string {
  if (!date) return fallback;
  const m = ISO.exec(date);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : fallback;
}

const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** en-US number with at most one decimal ("1,234.5", "30"). */
export function formatNumber(value: number): string {
  return oneDecimal.format(value);
}

/** en-US number with up to two decimals, for conversion factors (0.15, 2.4). */
export function formatFactor(value: number): string {
  return twoDecimals.format(value);
}

/** A PEG mean: always one decimal ("4.0", "4.3"); the stored value keeps its decimals. */
export function formatPeg(value: number): string {
  return value.toFixed(1);
}

/** "1 order" / "2 orders". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

const ISO_IN_TEXT = /\b(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?\b/g;

/** Engine wording with its ISO dates shown the US way: "due 2026-02-14" → "due 02/14/2026". */
export function usDates(text: string): string {
  return text.replace(ISO_IN_TEXT, (_, y: string, m: string, d: string) => `${m}/${d}/${y}`);
}
