/**
 * Daily opioid amount of one order, per opioid ingredient: mg/day (oral and other non-patch forms) or mcg/hr
 * worn at once (transdermal). Never 0 by default: when nothing usable is present the result says why.
 *
 * 1. Structured dosage (all lines in effect, summed):
 *    amount per dose — count of units × strength per unit; mL × mg/mL for liquids (a unit-less dose of a liquid
 *    is read as mL); a dose in mg/mcg is the opioid amount itself and is NOT multiplied by strength;
 *    × administrations per day at the maximum (timing.ts) — PRN orders are thus "counted at max";
 *    capped by maxDosePerPeriod when that is lower; with no frequency, maxDosePerPeriod alone gives the max.
 *    Transdermal: strength × patches per application = patches worn at once, whatever the change schedule
 *    ("1 patch every 72 h" is 1 patch worn, not 1/3 a day).
 * 2. Otherwise, the dispense fallback of dispense-estimate.ts ("estimated from dispense").
 */
import type { MedicationRequest, Ratio } from 'fhir/r4';
import type { OpioidIngredient, OpioidProduct } from '../drugs/product.ts';
import { unitNoun } from '../drugs/product.ts';
import type { IsoDate } from '../types.ts';
import { readDoseLines, type DoseLine } from './dosage-lines.ts';
import { fromDispense } from './dispense-estimate.ts';
import { count, fmt } from './format.ts';
import { readAmount, type DoseAmount } from './quantity.ts';
import { administrationsPerDay, unitToDays } from './timing.ts';
import { IMPLAUSIBLE, implausibleDose, implausibleFrequency, PLAUSIBILITY } from './plausibility.ts';
import type { PlausibilityBounds } from '../types.ts';

export interface IngredientAmount {
  ingredient: OpioidIngredient;
  /** mg/day, or mcg/hr worn at once for transdermal products. */
  amount: number;
  unit: 'mg/day' | 'mcg/hr';
  /** Arithmetic up to the daily amount: "5 mg × 1 tab × 4/day". */
  expr: string;
}

export type DailyAmount =
  | { ok: true; amounts: IngredientAmount[]; flags: string[]; notes: string[] }
  | { ok: false; reason: string; implausible?: boolean };

type Per = { mg: number; expr: string } | { error: string; implausible?: boolean };

/** Opioid amount (mg, or mcg/hr for patches) in one dose amount of the product, for one ingredient. */
function amountIn(dose: DoseAmount, ing: OpioidIngredient, product: OpioidProduct, noun: string): Per {
  const s = ing.value;
  switch (dose.kind) {
    case 'count':
      if (ing.kind === 'per-unit' || ing.kind === 'per-hour') {
        const unit = ing.kind === 'per-hour' ? 'mcg/hr' : 'mg';
        return { mg: dose.value * s, expr: `${fmt(s)} ${unit} × ${count(dose.value, noun)}` };
      }
      if (dose.unitless) return { mg: dose.value * s, expr: `${fmt(s)} mg/mL × ${fmt(dose.value)} mL` };
      return { error: `dose in ${dose.label} but the product is a liquid (mg/mL)` };
    case 'mass':
      if (product.ingredients.length > 1) return { error: 'dose in mg is ambiguous for a product with several opioids' };
      if (ing.kind === 'per-hour') return { mg: dose.mg * 1000, expr: `${fmt(dose.mg * 1000)} mcg/hr (dose read as the hourly rate)` };
      return { mg: dose.mg, expr: `${fmt(dose.mg)} mg` };
    case 'volume':
      if (ing.kind === 'per-mL') return { mg: dose.mL * s, expr: `${fmt(s)} mg/mL × ${fmt(dose.mL)} mL` };
      return { error: 'dose in mL but the product is not a liquid' };
    case 'rate':
      if (ing.kind === 'per-hour') return { mg: dose.mcgPerHr, expr: `${fmt(dose.mcgPerHr)} mcg/hr` };
      return { error: 'dose in mcg/hr but the product is not a patch' };
    case 'unsupported':
      return { error: `dose unit "${dose.unit}" not understood` };
  }
}

/** maxDosePerPeriod as an opioid amount per day for one ingredient. */
function capPerDay(max: Ratio | undefined, ing: OpioidIngredient, product: OpioidProduct, noun: string): { mg: number; expr: string } | undefined {
  if (max === undefined) return undefined; // the usual case
  const num = readAmount(max?.numerator);
  const den = max?.denominator;
  const days = (den?.value ?? 1) * (unitToDays(den?.code ?? den?.unit) ?? NaN);
  if (!num || !(days > 0)) return undefined;
  const per = amountIn(num, ing, product, noun);
  if ('error' in per) return undefined;
  return { mg: per.mg / days, expr: `maxDosePerPeriod ${per.expr} per ${fmt(den?.value ?? 1)} ${den?.code ?? den?.unit}` };
}

function fromLine(line: DoseLine, ing: OpioidIngredient, product: OpioidProduct, noun: string, flags: string[], bounds: PlausibilityBounds): Per {
  const badDose = implausibleDose(line.dose, bounds);
  if (badDose) return { error: `${IMPLAUSIBLE}: ${badDose}`, implausible: true };
  if (product.formClass === 'transdermal') {
    if (!line.dose) return { error: 'patch order without a dose (number of patches)' };
    return amountIn(line.dose, ing, product, noun);
  }
  const perDay = administrationsPerDay(line.dosage.timing);
  const badFrequency = perDay ? implausibleFrequency(perDay.perDay, bounds) : null;
  if (badFrequency) return { error: `${IMPLAUSIBLE}: ${badFrequency}`, implausible: true };
  const cap = capPerDay(line.dosage.maxDosePerPeriod, ing, product, noun);
  let daily: { mg: number; expr: string } | undefined;
  if (line.dose && perDay) {
    const per = amountIn(line.dose, ing, product, noun);
    if ('error' in per) return per;
    daily = { mg: per.mg * perDay.perDay, expr: `${per.expr} × ${fmt(perDay.perDay)}/day` };
  } else if (line.dose && line.dose.kind === 'unsupported') {
    return { error: `dose unit "${line.dose.unit}" not understood` };
  }
  if (cap && (!daily || cap.mg < daily.mg)) {
    if (!flags.includes('max-dose-per-period')) flags.push('max-dose-per-period');
    return { mg: cap.mg, expr: daily ? `(${daily.expr}, capped by ${cap.expr})` : cap.expr };
  }
  if (daily) return daily;
  if (line.doseIssue) return { error: line.doseIssue };
  return { error: !line.dose ? 'dosage has no structured dose' : 'dosage has no frequency (timing)' };
}

/** The daily amount of one ingredient over all dosage lines (summed), or the first line's error. */
function ingredientAmount(lines: readonly DoseLine[], ing: OpioidIngredient, product: OpioidProduct, noun: string, flags: string[], bounds: PlausibilityBounds): IngredientAmount | { error: string; implausible?: boolean } {
  // Every line is evaluated before the first error is reported (a line may add a flag), as before.
  const parts: Per[] = [];
  for (const line of lines) parts.push(fromLine(line, ing, product, noun, flags, bounds));
  let mg = 0;
  let expr = '';
  for (const p of parts) {
    if ('error' in p) return p;
    mg += p.mg;
    expr = parts.length === 1 ? p.expr : `${expr}${expr ? ' + ' : ''}(${p.expr})`;
  }
  const patch = product.formClass === 'transdermal';
  return { ingredient: ing, amount: mg, unit: patch ? 'mcg/hr' : 'mg/day', expr: patch ? `${expr} worn at once` : expr };
}

function fromDosage(mr: MedicationRequest, product: OpioidProduct, asOf: IsoDate, bounds: PlausibilityBounds): DailyAmount {
  const lines = readDoseLines(mr.dosageInstruction, asOf);
  if (lines.length === 0) return { ok: false, reason: 'no dosage instructions' };
  const noun = unitNoun(product);
  const flags: string[] = []; // in the order first raised, without repeats
  const amounts: IngredientAmount[] = [];
  for (const ing of product.ingredients) {
    const amount = ingredientAmount(lines, ing, product, noun, flags, bounds);
    if ('error' in amount) return { ok: false, reason: amount.error, implausible: amount.implausible };
    amounts.push(amount);
  }
  let prn = false;
  let range = false;
  for (const l of lines) {
    prn ||= l.prn;
    range ||= l.fromRange;
  }
  if (prn) flags.push('prn-max');
  if (range) flags.push('dose-range-high');
  if (lines.length > 1) flags.push('several-dosage-lines');
  const notes = lines.length > 1 ? [`${lines.length} dosage lines summed`] : [];
  return { ok: true, amounts, flags, notes };
}

export function dailyAmount(mr: MedicationRequest, product: OpioidProduct, asOf: IsoDate, bounds: PlausibilityBounds = PLAUSIBILITY): DailyAmount {
  const structured = fromDosage(mr, product, asOf, bounds);
  if (structured.ok) return structured;
  if (structured.implausible) return structured; // a stated dose that is an entry error is not replaced by an estimate
  const estimate = fromDispense(mr, product);
  if (estimate.ok) return { ok: true, amounts: estimate.amounts, flags: estimate.flags, notes: [`estimated from dispense (${structured.reason})`] };
  return { ok: false, reason: `${structured.reason}; ${estimate.reason}` };
}
