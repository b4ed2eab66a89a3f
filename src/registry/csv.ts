/**
 * CSV writing: RFC 4180 (CRLF line ends, fields with comma, quote, CR or LF are quoted, quotes
 * doubled) plus a spreadsheet formula-injection guard: a text cell starting with = + - @ TAB or CR
 * is prefixed with an apostrophe so Excel/Sheets show it as text. Plain numbers ("-12.5") are left
 * as numbers: they cannot run a formula.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(csvField).join(',') + '\r\n';
}
