/**
 * Opioid product from a FHIR Medication resource's own data (used when none of its RxNorm codes is in the
 * embedded table): opioid ingredients are recognised by ingredient RxCUI or name, strengths come from
 * `ingredient.strength` (a Ratio):
 *   mass / count-or-nothing      → mg per unit          (e.g. 5 mg / 1 {tbl})
 *   mass / volume                → mg per mL            (e.g. 100 mg / 5 mL = 20 mg/mL)
 *   rate (ug/h, mg/h) / count    → mcg/hr per patch
 *   mass / time (ug / 1 h)       → mcg/hr per patch
 *   numerator equal to denominator (same value and unit) → the numerator per unit. Epic sends e.g.
 *   80 mg / 80 mg for an 80 mg tablet and 12 ug/h / 12 ug/h for a 12 mcg/hr patch: read literally the ratio
 *   would be 1, so the identical pair is taken as "numerator per dose unit" (documented decision).
 */
import type { Medication, MedicationIngredient, Ratio } from 'fhir/r4';
import { classifyForm, isLongActing, wearHoursOf } from '../drugs/dose-form.ts';
import { findOpioidNames, OPIOID_INGREDIENT_RXCUI, opioidNameOfRxcui } from '../drugs/opioid-ingredients.ts';
import type { OpioidIngredient, OpioidProduct } from '../drugs/product.ts';
import { readAmount } from './quantity.ts';
import { unitToDays } from './timing.ts';

function ingredientName(ing: MedicationIngredient, fallbackText: string): string | undefined {
  const cc = ing.itemCodeableConcept;
  for (const c of cc?.coding ?? []) {
    const byCode = c.code ? opioidNameOfRxcui(c.code) : undefined;
    if (byCode) return byCode;
  }
  const texts = [cc?.text, ...(cc?.coding ?? []).map((c) => c.display), ing.itemReference?.display];
  for (const t of texts) {
    const found = t ? findOpioidNames(t) : [];
    if (found.length) return found[0].name;
  }
  return fallbackText ? findOpioidNames(fallbackText)[0]?.name : undefined;
}

function sameQuantity(r: Ratio): boolean {
  const n = r.numerator;
  const d = r.denominator;
  return !!n && !!d && n.value === d.value && (n.code ?? n.unit) === (d.code ?? d.unit);
}

/** Strength of one ingredient, or undefined when the Ratio cannot be read safely. */
export function readStrength(r: Ratio | undefined): Pick<OpioidIngredient, 'value' | 'kind'> | undefined {
  const n = readAmount(r?.numerator);
  if (!r || !n) return undefined;
  const d = sameQuantity(r) ? undefined : r.denominator;
  const den = d ? readAmount(d) : undefined;
  const perOne = !d || (den?.kind === 'count' && den.value > 0);
  const denValue = den?.kind === 'count' ? den.value : 1;
  if (n.kind === 'mass') {
    if (perOne) return { value: n.mg / denValue, kind: 'per-unit' };
    if (den?.kind === 'volume' && den.mL > 0) return { value: n.mg / den.mL, kind: 'per-mL' };
    const hours = (d?.value ?? 0) * (unitToDays(d?.code ?? d?.unit) ?? 0) * 24;
    if (hours > 0) return { value: (n.mg * 1000) / hours, kind: 'per-hour' };
  }
  if (n.kind === 'rate' && perOne) return { value: n.mcgPerHr / denValue, kind: 'per-hour' };
  return undefined;
}

/** Product from Medication.ingredient strengths, or undefined when the Medication names no opioid. */
const CACHE = new WeakMap<Medication, OpioidProduct | null>();

export function productFromMedication(med: Medication, fallbackName: string): OpioidProduct | undefined {
  const cached = CACHE.get(med);
  if (cached !== undefined) return cached ?? undefined;
  const product = readProduct(med, fallbackName);
  CACHE.set(med, product ?? null);
  return product;
}

function readProduct(med: Medication, fallbackName: string): OpioidProduct | undefined {
  const codeText = [med.code?.text, ...(med.code?.coding ?? []).map((c) => c.display), fallbackName].filter(Boolean).join(' | ');
  const formText = [med.form?.text, ...(med.form?.coding ?? []).map((c) => c.display)].filter(Boolean).join(' ');
  const ingredients: OpioidIngredient[] = [];
  const names: string[] = [];
  const single = (med.ingredient ?? []).length === 1;
  for (const ing of med.ingredient ?? []) {
    const name = ingredientName(ing, single ? codeText : '');
    if (!name) continue;
    if (!names.includes(name)) names.push(name);
    const strength = readStrength(ing.strength);
    if (strength && strength.value > 0) ingredients.push({ name, rxcui: OPIOID_INGREDIENT_RXCUI[name], ...strength });
  }
  if (names.length === 0) return undefined;
  const text = `${formText} ${codeText}`;
  const formClass = classifyForm(formText || codeText);
  return {
    rxcui: null,
    name: med.code?.text ?? fallbackName,
    doseForm: formText || codeText,
    formClass,
    ingredients: ingredients.length === names.length ? ingredients : [],
    opioidNames: names,
    longActing: isLongActing(text, formClass, names),
    hasNaloxone: /naloxone/i.test(text) || (med.ingredient ?? []).some((i) => /naloxone/i.test(JSON.stringify(i.itemCodeableConcept ?? {}))),
    source: 'medication-ingredient',
    wearHours: formClass === 'transdermal' ? wearHoursOf(text) : undefined,
  };
}
