/**
 * MME of one opioid MedicationRequest: status (counted / excluded / unknown), per-ingredient arithmetic and a
 * hand-checkable derivation. An order is never counted as 0: missing strength, dose or factor makes it
 * "unknown" with the reason. (The result object is created once per order and filled in: this runs for every
 * order of every patient in the registry.)
 */
import type { MedicationRequest } from 'fhir/r4';
import type { OpioidProductClass } from '../drugs/classify.ts';
import type { OpioidProduct } from '../drugs/product.ts';
import { strengthUnitLabel } from '../drugs/product.ts';
import { datePart } from '../dates.ts';
import type { IsoDate, MmeEdition, MmeIngredientLine, MmeOrderResult, MmeOptions } from '../types.ts';
import { findFactor } from './conversion-factors.ts';
import type { Currency } from './currency.ts';
import { dailyAmount, type IngredientAmount } from './daily-amount.ts';
import { clean, fmt } from './format.ts';
import { IMPLAUSIBLE, PLAUSIBILITY } from './plausibility.ts';

const EDITION_LABEL: Record<MmeEdition, string> = { 'cdc-2022': 'CDC 2022', 'cdc-2016': 'CDC 2016' };

function base(mr: MedicationRequest, display: string, product: OpioidProduct, status: MmeOrderResult['status'], reason: string, derivation: string, flags: string[], authored: IsoDate | null): MmeOrderResult {
  const result: MmeOrderResult = {
    medicationRequestId: mr.id ?? '(no id)',
    medication: display,
    status,
    mmePerDay: null,
    dailyAmount: null,
    amountUnit: null,
    factor: null,
    reason,
    derivation,
    flags,
    ingredients: [],
    authoredOn: authored,
  };
  const requester = mr.requester?.display ?? mr.requester?.reference;
  if (requester) result.requester = requester;
  result.longActing = product.longActing;
  return result;
}

function strengthText(product: OpioidProduct): string {
  return product.ingredients.map((i) => `${i.name} ${fmt(i.value)} ${strengthUnitLabel(i.kind)}`).join(' + ');
}

function noFactorReason(name: string, edition: MmeEdition, research: boolean): string {
  const label = EDITION_LABEL[edition];
  if (name === 'buprenorphine') return `buprenorphine for pain: no ${label} factor (partial agonist, not in the CDC table) — not converted`;
  return `no conversion factor for ${name} in ${label}${research ? ' or the research file' : ''} — not converted`;
}

interface ConvertedIngredient {
  line: MmeIngredientLine;
  derivation: string;
  research: boolean;
  tier: boolean;
}

function convertIngredient(a: IngredientAmount, product: OpioidProduct, edition: MmeEdition, research: boolean): ConvertedIngredient {
  const hit = findFactor(a.ingredient.name, product.formClass, `${product.doseForm} ${product.name}`, edition, research, a.unit === 'mg/day' ? a.amount : null);
  const daily = `${a.expr} = ${fmt(a.amount)} ${a.unit}`;
  const line: MmeIngredientLine = {
    ingredient: a.ingredient.name,
    strength: a.ingredient.value,
    strengthUnit: strengthUnitLabel(a.ingredient.kind),
    dailyAmount: clean(a.amount),
    amountUnit: a.unit,
    factor: hit ? hit.factor : null,
    mmePerDay: null,
  };
  if (a.ingredient.rxcui) line.ingredientRxcui = a.ingredient.rxcui;
  if (!hit) return { line, derivation: `${daily} × no factor`, research: false, tier: false };
  line.factorSource = hit.source;
  // Transmucosal fentanyl research factors are per mcg: mg/day × 1000 first.
  const input = hit.inputUnit === 'mcg/day' ? a.amount * 1000 : a.amount;
  const mme = input * hit.factor;
  line.mmePerDay = clean(mme);
  const scaled = hit.inputUnit === 'mcg/day' ? ` = ${fmt(input)} mcg/day` : '';
  return {
    line,
    derivation: `${daily}${scaled} × ${fmt(hit.factor)} = ${fmt(mme)} MME/day`,
    research: hit.research,
    tier: a.ingredient.name === 'methadone' && edition === 'cdc-2016' && !hit.research,
  };
}

/** Fills in `result` for an order that is current and not excluded by product class. */
function convert(mr: MedicationRequest, product: OpioidProduct, result: MmeOrderResult, currency: Currency & { current: true }, options: MmeOptions): MmeOrderResult {
  const edition = options.edition ?? 'cdc-2022';
  const research = options.useResearchFactors === true;
  const flags = result.flags;
  if (product.ingredients.length === 0) {
    result.status = 'unknown';
    flags.push('unknown-strength');
    result.reason = `opioid (${product.opioidNames.join(', ')}) with unknown strength: RxCUI not in the drug table and no strength in the name or Medication`;
    result.derivation = 'strength unknown';
    return result;
  }
  const bounds = options.plausibility ?? PLAUSIBILITY;
  const daily = dailyAmount(mr, product, options.asOf, bounds);
  if (!daily.ok) {
    result.status = 'unknown';
    flags.push(daily.implausible ? 'implausible' : 'unknown-dose');
    result.reason = daily.implausible ? daily.reason : `daily amount unknown: ${daily.reason}`;
    result.derivation = `${strengthText(product)}; daily amount ${daily.implausible ? 'not credible' : 'unknown'}`;
    return result;
  }
  for (const f of daily.flags) flags.push(f);
  const notes = daily.notes.slice();
  const derivations: string[] = [];
  const missing: string[] = [];
  let mme = 0;
  for (const a of daily.amounts) {
    const c = convertIngredient(a, product, edition, research);
    result.ingredients.push(c.line);
    derivations.push(c.derivation);
    if (c.line.mmePerDay === null) missing.push(noFactorReason(a.ingredient.name, edition, research));
    else mme += c.line.mmePerDay;
    if (c.research) {
      flags.push('research-factor');
      notes.push(`research factor for ${a.ingredient.name} (CDC data file 2018), not a clinical factor`);
    }
    if (c.tier) notes.push(`methadone ${EDITION_LABEL[edition]} tier for ${fmt(a.amount)} mg/day`);
  }
  const lines = result.ingredients;
  const one = lines.length === 1 ? lines[0] : undefined;
  result.dailyAmount = one ? one.dailyAmount : null;
  result.amountUnit = lines[0]?.amountUnit ?? null;
  if (missing.length > 0) {
    result.status = 'unknown';
    flags.push('no-factor');
    result.reason = missing.join('; ');
    result.derivation = derivations.join('; ');
    return result;
  }
  if (mme > bounds.maxMmePerOrder) {
    result.status = 'unknown';
    flags.push('implausible');
    result.reason = `${IMPLAUSIBLE}: ${fmt(mme)} MME/day from one order (more than ${fmt(bounds.maxMmePerOrder)})`;
    result.derivation = derivations.join('; ');
    return result;
  }
  if (flags.includes('prn-max')) notes.unshift('PRN, counted at max');
  if (flags.includes('on-hold')) notes.push('on hold — counted');
  if (currency.note) notes.push(currency.note);
  result.status = 'counted';
  result.mmePerDay = clean(mme);
  result.factor = one ? one.factor : null;
  result.reason = notes.length ? notes.join('; ') : 'current order';
  result.derivation = lines.length === 1 ? derivations[0] : `${derivations.join('; ')}; total ${fmt(mme)} MME/day`;
  return result;
}

const EXCLUDED_CLASS: Partial<Record<OpioidProductClass, [flag: string, reason: string]>> = {
  moud: ['moud', 'MOUD — not counted (buprenorphine for opioid use disorder; CDC: MME factors do not apply)'],
  injectable: ['injectable', 'injectable — not counted (outpatient MME covers non-parenteral forms)'],
  'inpatient-only': ['inpatient-only', 'inpatient-only product — not counted'],
  'non-systemic': ['non-systemic', 'topical product — not counted'],
};

/**
 * The full per-order result: excluded (not current, MOUD, injectable), unknown, or counted.
 * `authored` is datePart(mr.authoredOn), which the caller has already read.
 */
export function orderMme(
  mr: MedicationRequest,
  display: string,
  product: OpioidProduct,
  currency: Currency,
  productClass: OpioidProductClass,
  options: MmeOptions,
  authored: IsoDate | null = datePart(mr.authoredOn),
): MmeOrderResult {
  if (!currency.current) {
    const flags = productClass === 'moud' ? ['not-current', 'moud'] : ['not-current'];
    return base(mr, display, product, 'excluded', currency.reason, 'not current — not counted', flags, authored);
  }
  const excluded = EXCLUDED_CLASS[productClass];
  if (excluded) return base(mr, display, product, 'excluded', excluded[1], 'not converted', [...currency.flags, excluded[0]], authored);
  return convert(mr, product, base(mr, display, product, 'excluded', '', '', currency.flags.slice(), authored), currency, options);
}
