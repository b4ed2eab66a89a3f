/**
 * Administrations per day from a FHIR Timing, at the MAXIMUM the order allows (PRN and ranges count at max):
 *   1. timing.repeat: (frequencyMax ?? frequency ?? 1) ÷ (period in days). periodMax is the LONGEST interval,
 *      so the maximum uses `period` (FHIR Timing semantics). Units s/min/h/d/wk/mo/a (mo = 30 d, a = 365 d,
 *      OMTKLogic ToDaily).
 *   2. else the number of `timeOfDay` or `when` entries (per day; × dayOfWeek count ÷ 7 when days are listed).
 *   3. else timing.code (FHIR R4 timing-abbreviation / v3 GTSAbbreviation: QD, BID, TID, QID, QOD, Q4H …, and
 *      "every N hours" / "N times daily" in the code text).
 * Returns null when none gives a number: the caller then tries maxDosePerPeriod or the dispense fallback.
 */
import type { Timing } from 'fhir/r4';

const UNIT_DAYS: Record<string, number> = {
  s: 1 / 86400, sec: 1 / 86400, second: 1 / 86400, min: 1 / 1440, minute: 1 / 1440,
  h: 1 / 24, hr: 1 / 24, hour: 1 / 24, d: 1, day: 1, wk: 7, week: 7, mo: 30, month: 30, a: 365, year: 365,
};

/** Days in one `unit` (UCUM or spelled out, singular or plural), or undefined. */
export function unitToDays(unit: string | undefined): number | undefined {
  if (!unit) return undefined;
  // Most units arrive exactly as a key ("h", "d"): no trimming or lower-casing needed then.
  if (Object.hasOwn(UNIT_DAYS, unit)) return UNIT_DAYS[unit];
  const u = unit.trim().toLowerCase();
  return UNIT_DAYS[u] ?? UNIT_DAYS[u.replace(/s$/, '')];
}

const CODE_PER_DAY: Record<string, number> = {
  QD: 1, DAILY: 1, AM: 1, PM: 1, BED: 1, HS: 1, QHS: 1, QAM: 1, QPM: 1, BID: 2, TID: 3, QID: 4, QOD: 0.5,
  WK: 1 / 7, MO: 1 / 30, Q1H: 24, Q2H: 12, Q3H: 8, Q4H: 6, Q6H: 4, Q8H: 3, Q12H: 2, Q24H: 1, Q48H: 0.5, Q72H: 1 / 3,
};

const WORD_NUMBERS: Record<string, number> = { once: 1, one: 1, twice: 2, two: 2, three: 3, four: 4, five: 5, six: 6 };

// Patterns are module constants: a regex literal inside a function is a new RegExp object on every call.
const Q_HOURS = /^Q(\d+(?:\.\d+)?)H$/;
const EVERY_HOURS = /every\s+(\d+(?:\.\d+)?)\s*(?:\([a-z ]+\)\s*)?(?:hours?|hrs?|h)\b/;
const TIMES_DAILY = /\b(\d+|once|twice|one|two|three|four|five|six)(?:\s+times)?\s+(?:a\s+|per\s+)?(?:daily|day)\b/;
const ONCE_DAILY = /^(daily|every day|once a day|at bedtime|nightly|every morning|every evening)$/;

function perDayFromCode(code: string): number | undefined {
  // Codes usually arrive as an exact key ("BID", "Q6H"): looked up before any normalising.
  if (Object.hasOwn(CODE_PER_DAY, code)) return CODE_PER_DAY[code];
  const c = code.trim().toUpperCase().replace(/\s+/g, '');
  if (c in CODE_PER_DAY) return CODE_PER_DAY[c];
  const qh = Q_HOURS.exec(c);
  return qh && Number(qh[1]) > 0 ? 24 / Number(qh[1]) : undefined;
}

function perDayFromText(text: string): number | undefined {
  const t = text.toLowerCase();
  const everyHours = EVERY_HOURS.exec(t);
  if (everyHours && Number(everyHours[1]) > 0) return 24 / Number(everyHours[1]);
  const timesDaily = TIMES_DAILY.exec(t);
  if (timesDaily) return WORD_NUMBERS[timesDaily[1]] ?? Number(timesDaily[1]);
  if (ONCE_DAILY.test(t.trim())) return 1;
  return perDayFromCode(t);
}

export interface PerDay {
  perDay: number;
}

export function administrationsPerDay(timing: Timing | undefined): PerDay | null {
  if (!timing) return null;
  const r = timing.repeat;
  if (r) {
    // A periodUnit without a period value is read as "per 1 unit" (e.g. frequency 3, periodUnit d).
    const period = r.period ?? (r.periodUnit ? 1 : undefined);
    const periodDays = period !== undefined ? unitToDays(r.periodUnit) : undefined;
    if (period !== undefined && period > 0 && periodDays !== undefined) {
      const freq = r.frequencyMax ?? r.frequency ?? 1;
      if (!(freq > 0)) return null; // "0 times" is not a usable frequency
      return { perDay: freq / (period * periodDays) };
    }
    const slots = (r.timeOfDay?.length ?? 0) || (r.when?.length ?? 0);
    if (slots > 0) {
      const days = r.dayOfWeek?.length ? r.dayOfWeek.length / 7 : 1;
      return { perDay: slots * days };
    }
  }
  for (const coding of timing.code?.coding ?? []) {
    const perDay = coding.code ? perDayFromCode(coding.code) : undefined;
    if (perDay !== undefined) return { perDay };
  }
  const text = timing.code?.text;
  const perDay = text ? perDayFromText(text) : undefined;
  return perDay !== undefined ? { perDay } : null;
}
