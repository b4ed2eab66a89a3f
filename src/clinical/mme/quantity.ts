/**
 * Classifies a dose or dispense Quantity by its unit (UCUM `code`, else `unit` text):
 * mass (mg, ug/mcg, g → mg), volume (mL, L → mL), rate (ug/h, mcg/hr, mg/h → mcg/hr) or a count of dose units
 * (no unit — Synthea's convention for "N units of the product" —, UCUM annotations such as {tbl}, {Capsule},
 * {patch}, {actuat}, and orderable-form words TAB, CAP, PATCH, film, spray, suppository...).
 */
import type { Quantity } from 'fhir/r4';

export type DoseAmount =
  | { kind: 'count'; value: number; unitless: boolean; label: string }
  | { kind: 'mass'; mg: number; label: string }
  | { kind: 'volume'; mL: number; label: string }
  | { kind: 'rate'; mcgPerHr: number; label: string }
  | { kind: 'unsupported'; unit: string };

const COUNT_WORDS =
  /^(tab|tabs|tablet|tablets|tbl|cap|caps|capsule|capsules|patch|patches|film|films|strip|actuat|actuation|actuations|spray|sprays|puff|puffs|supp|suppository|suppositories|lozenge|lozenges|troche|each|ea|unit|units|dose|doses|application|applications|pill|pills|1)$/i;

const MASS: Record<string, number> = { mg: 1, milligram: 1, milligrams: 1, ug: 0.001, mcg: 0.001, 'µg': 0.001, microgram: 0.001, micrograms: 0.001, g: 1000, gram: 1000, grams: 1000 };
const VOLUME: Record<string, number> = { ml: 1, milliliter: 1, milliliters: 1, millilitre: 1, l: 1000 };
const RATE: Record<string, number> = { 'ug/h': 1, 'ug/hr': 1, 'mcg/h': 1, 'mcg/hr': 1, 'µg/h': 1, 'mg/h': 1000, 'mg/hr': 1000 };

/** What a unit string means, independent of the value: read once per distinct unit (see UNIT_CACHE). */
type UnitMeaning =
  | { kind: 'count'; unitless: boolean; label: string }
  | { kind: 'mass' | 'volume' | 'rate'; factor: number; label: string }
  | undefined;

function meaningOf(unit: string): UnitMeaning {
  const u = unit.trim().toLowerCase();
  if (u === '') return { kind: 'count', unitless: true, label: '' };
  if (u in MASS) return { kind: 'mass', factor: MASS[u], label: unit };
  if (u in VOLUME) return { kind: 'volume', factor: VOLUME[u], label: 'mL' };
  if (u in RATE) return { kind: 'rate', factor: RATE[u], label: 'mcg/hr' };
  const bare = u.replace(/^\{(.*)\}$/, '$1');
  if (COUNT_WORDS.test(bare) || u.startsWith('{')) return { kind: 'count', unitless: false, label: bare };
  return undefined;
}

// Dose units repeat endlessly across orders ("mg", "{tbl}", "mL"...): the trim/lower-case/regex work is done
// once per distinct string. Bounded so that arbitrary free-text units cannot grow it without limit.
const UNIT_CACHE = new Map<string, UnitMeaning>();
const UNIT_CACHE_LIMIT = 1000;

function classifyUnit(unit: string, value: number): DoseAmount | undefined {
  let meaning = UNIT_CACHE.get(unit);
  if (meaning === undefined && !UNIT_CACHE.has(unit)) {
    meaning = meaningOf(unit);
    if (UNIT_CACHE.size >= UNIT_CACHE_LIMIT) UNIT_CACHE.clear();
    UNIT_CACHE.set(unit, meaning);
  }
  if (!meaning) return undefined;
  switch (meaning.kind) {
    case 'count':
      return { kind: 'count', value, unitless: meaning.unitless, label: meaning.label };
    case 'mass':
      return { kind: 'mass', mg: value * meaning.factor, label: meaning.label };
    case 'volume':
      return { kind: 'volume', mL: value * meaning.factor, label: meaning.label };
    case 'rate':
      return { kind: 'rate', mcgPerHr: value * meaning.factor, label: meaning.label };
  }
}

/** The amount of a Quantity, or undefined when it has no positive numeric value (a 0 dose is not a dose). */
export function readAmount(q: Quantity | undefined): DoseAmount | undefined {
  if (!q || typeof q.value !== 'number' || !(q.value > 0) || !Number.isFinite(q.value)) return undefined;
  const code = typeof q.code === 'string' ? q.code : undefined;
  const unit = typeof q.unit === 'string' ? q.unit : undefined;
  // The code is tried first, then the unit text (without building a candidate list per dose).
  if (code === undefined && unit === undefined) return classifyUnit('', q.value);
  const amount = (code !== undefined ? classifyUnit(code, q.value) : undefined) ?? (unit !== undefined ? classifyUnit(unit, q.value) : undefined);
  if (amount) return amount;
  return { kind: 'unsupported', unit: [code, unit].filter((u) => u !== undefined).join(' / ') };
}
