/**
 * Epic appends the order's dates and class to Dosage.text: "..., Starting Thu 7/11/2024, Until Tue 8/20/2024,
 * Print" (see shared/fhir-samples/ehr-shapes, epic-ynhh-*). That tail is cut off and its dates become
 * timing.repeat.boundsPeriod (ISO dates, read from the text only: no clock). Only this exact shape is cut
 * (", Starting <day> M/D/YYYY[, Until <day> M/D/YYYY][, <order class>]" at the very end); any other date
 * text stays in the sig, where the reader does not understand it and refuses the sig. An impossible date
 * (2/30/2024) or an until-date before the start is a refusal too.
 *
 * @example
 *   splitEpicTail('Place 1 patch onto the skin every third day., Starting Thu 7/11/2024, Until Tue 8/20/2024, Print')
 *   // { sig: 'Place 1 patch onto the skin every third day.', bounds: { start: '2024-07-11', end: '2024-08-20' } }
 */
import type { Period } from 'fhir/r4';

const DAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]* )?`;
const DATE = String.raw`(\d{1,2})\/(\d{1,2})\/(\d{4})`;
const ORDER_CLASS = String.raw`(?:,\s*(?:print|normal|e-prescribe|no print|fax|phone in|historical med|external))?`;
const TAIL = new RegExp(String.raw`,\s*starting ${DAY}${DATE}(?:,\s*until ${DAY}${DATE})?${ORDER_CLASS}\s*\.?\s*$`, 'i');

function iso(m: string | undefined, d: string | undefined, y: string | undefined): string | null | undefined {
  if (m === undefined || d === undefined || y === undefined) return undefined;
  const month = Number(m);
  const day = Number(d);
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (!days || day < 1 || day > days) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type Tail = { sig: string; bounds?: Period } | { error: string };

export function splitEpicTail(text: string): Tail {
  const m = TAIL.exec(text);
  if (!m) return { sig: text };
  const start = iso(m[1], m[2], m[3]);
  const end = iso(m[4], m[5], m[6]);
  if (start === null || end === null) return { error: 'a starting/until date is not a calendar date' };
  if (start && end && end < start) return { error: 'the until date is before the starting date' };
  const bounds: Period = { start: start ?? undefined };
  if (end) bounds.end = end;
  return { sig: text.slice(0, m.index), bounds };
}
