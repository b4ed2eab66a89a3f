/**
 * Sig reader: US outpatient free-text dosing instructions → a FHIR R4 Dosage the MME arithmetic reads
 * (mme/dosage-lines.ts, quantity.ts, timing.ts, daily-amount.ts), plus the reading in plain words.
 * Never guesses: anything ambiguous (as directed, then-steps, tapers, sliding scales, "or" alternatives,
 * several doses, unknown words or units, conflicting frequencies, no frequency) is not read, with the reason.
 * Pure: no clock, no I/O; never throws.
 *
 * @example
 *   parseSig('1-2 tabs po q4-6h prn pain, max 8/day')
 *   // { ok: true, reading: { reading: '1–2 tablets by mouth every 4–6 hours as needed for pain, at most 8 tablets a day',
 *   //   dosage: { text, doseAndRate: [{ doseRange: { low: {value: 1, unit: '{tbl}'}, high: {value: 2, ...} } }],
 *   //     timing: { repeat: { frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' } }, asNeededBoolean: true,
 *   //     maxDosePerPeriod: { numerator: {value: 8, unit: '{tbl}'}, denominator: {value: 1, unit: 'd'} }, route: { text: 'oral' } } } }
 *   parseSig('take as directed')  // { ok: false, reason: '"as directed": the directions are not in the text' }
 */
import type { Dosage, Period, Quantity, TimingRepeat } from 'fhir/r4';
import { combine, type Combined } from './combine.ts';
import type { UnitInfo } from './lexicon.ts';
import { normalizeSig } from './normalize.ts';
import type { Amount } from './pieces.ts';
import { readingOf } from './reading.ts';
import { scanSig } from './scan.ts';
import { splitEpicTail } from './tails.ts';

export interface SigReading {
  /** A FHIR R4 Dosage carrying what was read: doseAndRate[0].doseQuantity or doseRange, timing.repeat
   *  (frequency, frequencyMax, period, periodUnit, periodMax, when), asNeededBoolean, maxDosePerPeriod, route (text),
   *  and `text` = the original sig. */
  dosage: Dosage;
  /** The parsed reading in plain words a clinician checks against the original, e.g.
   *  "1–2 tablets every 4–6 hours as needed, at most 8 tablets a day". */
  reading: string;
  /** The as-needed (or "for ...") indication, e.g. "pain" (not put in the Dosage: asNeeded[x] holds the boolean). */
  indication?: string;
  /** An amount written beside the dose ("1 tablet (80 mg total)", "650 mg = 2 cap"): shown, never used. */
  statedAmount?: Quantity | { low: Quantity; high: Quantity };
}

export type SigResult = { ok: true; reading: SigReading } | { ok: false; reason: string };

const UCUM = 'http://unitsofmeasure.org';
const round = (n: number) => Math.round(n * 1e9) / 1e9;
const quantity = (value: number, u: UnitInfo): Quantity => ({ value: round(value * u.factor), unit: u.code, system: UCUM, code: u.code });
const amountQ = (a: Amount) => (a.high === undefined ? quantity(a.low, a.unit) : { low: quantity(a.low, a.unit), high: quantity(a.high, a.unit) });
const DURATION_UNITS = { d: 'days', wk: 'weeks', mo: 'months' } as const;

function dosageOf(text: string, c: Combined, bounds: Period | undefined): Dosage {
  const repeat: TimingRepeat = { ...c.freq };
  if (bounds) repeat.boundsPeriod = bounds;
  else if (c.duration) repeat.boundsDuration = { value: c.duration.value, unit: DURATION_UNITS[c.duration.unit], system: UCUM, code: c.duration.unit };
  if (c.count !== undefined) repeat.count = c.count;
  const dose = amountQ(c.dose);
  const dosage: Dosage = { text, timing: { repeat }, doseAndRate: ['value' in dose ? { doseQuantity: dose } : { doseRange: dose }] };
  if (c.prn) dosage.asNeededBoolean = true;
  if (c.route) dosage.route = { text: c.route };
  if (c.max) {
    dosage.maxDosePerPeriod = {
      numerator: quantity(c.max.value, c.max.unit),
      denominator: { value: c.max.per.value, unit: c.max.per.unit, system: UCUM, code: c.max.per.unit },
    };
  }
  return dosage;
}

function parse(text: string): SigResult {
  if (typeof text !== 'string') return { ok: false, reason: 'sig is not text' };
  const tail = splitEpicTail(text.trim());
  if ('error' in tail) return { ok: false, reason: tail.error };
  const normalized = normalizeSig(tail.sig);
  if (!normalized.ok) return normalized;
  const scanned = scanSig(normalized.text);
  if ('reason' in scanned) return { ok: false, reason: scanned.reason };
  const combined = combine(scanned.pieces);
  if (!combined.ok) return combined;
  const c = combined.sig;
  const reading: SigReading = { dosage: dosageOf(text, c, tail.bounds), reading: readingOf(c, tail.bounds) };
  if (c.indication) reading.indication = c.indication;
  if (c.stated) reading.statedAmount = amountQ(c.stated);
  return { ok: true, reading };
}

/** Reads one sig; never throws (an unexpected error is returned as a reason). */
export function parseSig(text: string): SigResult {
  try {
    return parse(text);
  } catch (e) {
    return { ok: false, reason: `sig reader error: ${e instanceof Error ? e.message : String(e)}` };
  }
}
