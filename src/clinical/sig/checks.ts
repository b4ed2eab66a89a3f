/**
 * Plausibility checks: a wrong dose is worse than none, so 0, negative, absurd or inconsistent numbers are
 * refused with a reason instead of being passed to the MME arithmetic.
 * Bounds: a count of units 0 < n ≤ 30; mg ≤ 5000; mcg ≤ 5000; g ≤ 30; mL ≤ 100 (per dose);
 * at most 24 administrations a day; intervals up to 90 days / 52 weeks / 12 months.
 *
 * @example
 *   checkAmount({ low: 0, unit: tablet }, 'dose')              // 'dose of 0 ...'
 *   checkFrequency({ frequency: 1, period: 0, periodUnit: 'h' }) // 'an interval of 0 ...'
 *   perDayRange({ frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' }) // [4, 6]
 */
import type { UnitInfo } from './lexicon.ts';
import type { Amount, FreqSpec, Piece } from './pieces.ts';

export interface Max {
  value: number;
  unit: UnitInfo;
  per: { value: number; unit: 'd' | 'h' };
  /** When written as a number of doses ("max 4 doses a day"): value = doses × the highest dose. */
  doses?: number;
  /** When written in the unit of the restated amount ("1 tablet (5 mg total) ... max daily dose 10 mg"):
   *  the maximum as written; value is then converted into the dose unit by the sig's own ratio. */
  written?: { value: number; unit: UnitInfo };
}

const MAX_PER_DOSE: Record<string, number> = { '{tbl}': 30, mg: 5000, ug: 5000, g: 30, mL: 100 };
const DAYS: Record<FreqSpec['periodUnit'], number> = { h: 1 / 24, d: 1, wk: 7, mo: 30 };
const LONGEST: Record<FreqSpec['periodUnit'], number> = { h: 24 * 90, d: 90, wk: 52, mo: 12 };

const round = (n: number) => Math.round(n * 1e9) / 1e9;

/** Milligrams or millilitres or units of one amount, for comparisons. */
const base = (value: number, u: UnitInfo) => value * u.factor * (u.code === 'g' ? 1000 : u.code === 'ug' ? 0.001 : 1);

export function checkAmount(a: Amount, what: string): string | undefined {
  const values = a.high === undefined ? [a.low] : [a.low, a.high];
  if (values.some((v) => !Number.isFinite(v) || v < 0)) return `${what} is not a positive number`;
  if (values.some((v) => v === 0)) return `${what} of 0 is not a dose`;
  const limit = MAX_PER_DOSE[a.unit.code] ?? MAX_PER_DOSE['{tbl}'];
  const top = (a.high ?? a.low) * a.unit.factor;
  if (top > limit) return `implausible ${what}: ${a.high ?? a.low} ${a.unit.many} (more than ${limit} ${a.unit.kind === 'count' ? 'units' : a.unit.code})`;
  return undefined;
}

/** Administrations per day at the least and at the most. */
export function perDayRange(f: FreqSpec): [number, number] {
  const d = DAYS[f.periodUnit];
  return [round(f.frequency / ((f.periodMax ?? f.period) * d)), round((f.frequencyMax ?? f.frequency) / (f.period * d))];
}

export function checkFrequency(f: FreqSpec): string | undefined {
  if (!(f.period > 0)) return `an interval of ${f.period} ${f.periodUnit} is not a schedule`;
  if (!(f.frequency >= 1) || !Number.isInteger(f.frequency)) return `a frequency of ${f.frequency} is not a schedule`;
  if (f.period > LONGEST[f.periodUnit] || (f.periodMax ?? 0) > LONGEST[f.periodUnit]) return `implausible interval: every ${f.periodMax ?? f.period} ${f.periodUnit}`;
  const [, most] = perDayRange(f);
  if (most > 24) return `implausible frequency: ${most} administrations a day`;
  return undefined;
}

/** A scheduled (not as-needed) order whose maximum a day is below its least daily amount contradicts itself. */
export function belowSchedule(max: Max, dose: Amount, f: FreqSpec): boolean {
  const perDay = base(max.value, max.unit) / (max.per.unit === 'h' ? max.per.value / 24 : max.per.value);
  return perDay < base(dose.low, dose.unit) * perDayRange(f)[0] - 1e-9;
}

type MaxPiece = Extract<Piece, { kind: 'max' }>;
const countLike = (u: UnitInfo) => u.code === '{each}' || u.code === '{pill}';

/** Dose units per unit of the restated amount when the sig states one consistently ("1-2 tablets (5-10 mg total)"). */
function statedRatio(dose: Amount, stated: Amount | undefined): number | undefined {
  if (!stated || (stated.high === undefined) !== (dose.high === undefined)) return undefined;
  const r = dose.low / base(stated.low, stated.unit);
  if (dose.high !== undefined && round(dose.high / base(stated.high ?? NaN, stated.unit)) !== round(r)) return undefined;
  return r;
}

/** The maximum in the dose's terms, or a reason it cannot be used. */
export function checkMax(m: MaxPiece, dose: Amount, stated?: Amount): Max | { reason: string } {
  if (!(m.value > 0)) return { reason: `a maximum of ${m.value} is not usable` };
  const high = dose.high ?? dose.low;
  let max: Max;
  if (m.unit === 'doses') max = { value: round(m.value * high), unit: dose.unit, per: m.per, doses: m.value };
  else if (m.unit === undefined) {
    if (dose.unit.kind !== 'count') return { reason: `maximum "${m.value}" has no unit while the dose is in ${dose.unit.many}` };
    max = { value: m.value, unit: dose.unit, per: m.per };
  } else {
    const u = m.unit;
    const ratio = u.kind !== dose.unit.kind && stated?.unit.kind === u.kind ? statedRatio(dose, stated) : undefined;
    if (ratio !== undefined) max = { value: round(base(m.value, u) * ratio), unit: dose.unit, per: m.per, written: { value: m.value, unit: u } };
    else if (u.kind !== dose.unit.kind) return { reason: `maximum in ${u.many} while the dose is in ${dose.unit.many} (which ingredient?)` };
    else if (u.kind === 'count' && u.code !== dose.unit.code && !countLike(u) && !countLike(dose.unit)) return { reason: `maximum in ${u.many} while the dose is in ${dose.unit.many}` };
    else max = { value: m.value, unit: u, per: m.per };
  }
  if (base(max.value, max.unit) < base(high, dose.unit)) return { reason: `the maximum (${m.value}) is less than one dose (${high})` };
  const perDay = (max.value * max.unit.factor) / (max.per.unit === 'h' ? max.per.value / 24 : max.per.value);
  if (perDay > (MAX_PER_DOSE[max.unit.code] ?? MAX_PER_DOSE['{tbl}']) * 24) return { reason: `implausible maximum: ${m.value} ${max.unit.many} a day` };
  return max;
}
