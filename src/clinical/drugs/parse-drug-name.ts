/**
 * Reads opioid ingredients and strengths from a drug name when its RxCUI is not in the embedded table:
 * RxNorm clinical-drug names ("Acetaminophen 325 MG / HYDROcodone Bitartrate 7.5 MG Oral Tablet",
 * "72 HR fentanyl 0.05 MG/HR Transdermal System", "oxycodone hydrochloride 5 MG/5ML Oral Solution") and
 * similar EHR texts. Ambiguous strengths ("5-325 mg") are not guessed: the ingredient is then
 * reported without strength, and the order becomes "unknown".
 */
import { classifyForm, isLongActing, wearHoursOf } from './dose-form.ts';
import { expandBrandNames, findOpioidNames, OPIOID_INGREDIENT_RXCUI } from './opioid-ingredients.ts';
import type { OpioidIngredient, OpioidProduct, StrengthKind } from './product.ts';

// value, unit, optional "/ [n] ML|HR|ACTUAT" denominator. The look-behind rejects "5-325 MG" style pairs.
const STRENGTH =
  /(?<![\d.\-/])(\d+(?:\.\d+)?)\s*(mg|mcg|ug|µg)\b(?:\s*\/\s*(\d+(?:\.\d+)?)?\s*(ml|hr|h|hour|actuat|actuation|spray)\b)?/i;

function toStrength(value: number, unit: string, perValue: number, per: string | undefined): { value: number; kind: StrengthKind } {
  const mg = /^mg$/i.test(unit) ? value : value / 1000;
  const p = per?.toLowerCase();
  if (p === 'ml') return { value: mg / perValue, kind: 'per-mL' };
  if (p === 'hr' || p === 'h' || p === 'hour') return { value: (mg * 1000) / perValue, kind: 'per-hour' };
  return { value: mg / perValue, kind: 'per-unit' };
}

/** Opioid ingredients with strengths read from one name; names found without a readable strength are listed too. */
export function parseIngredients(text: string): { ingredients: OpioidIngredient[]; names: string[] } {
  const clean = text.replace(/\[[^\]]*\]/g, ' ');
  const components = clean.split(/\s+\/\s+|\s*,\s*/); // RxNorm joins components with " / "
  const ingredients: OpioidIngredient[] = [];
  const names: string[] = [];
  for (const component of components) {
    for (const { name, index } of findOpioidNames(component)) {
      if (!names.includes(name)) names.push(name);
      const m = STRENGTH.exec(component.slice(index));
      if (!m) continue;
      const strength = toStrength(Number(m[1]), m[2], m[3] ? Number(m[3]) : 1, m[4]);
      if (!(strength.value > 0) || ingredients.some((i) => i.name === name)) continue;
      ingredients.push({ name, rxcui: OPIOID_INGREDIENT_RXCUI[name], ...strength });
    }
  }
  return { ingredients, names };
}

/**
 * A product parsed from a drug name, or undefined when the name mentions no opioid.
 * A patch strength written in mg/hr or mcg/hr is per hour; "MG" alone on a patch name is not guessed.
 */
const CACHE = new Map<string, OpioidProduct | undefined>();
const CACHE_LIMIT = 5000;

export function parseDrugName(text: string): OpioidProduct | undefined {
  if (CACHE.has(text)) return CACHE.get(text);
  const product = parseUncached(text);
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(text, product);
  return product;
}

function parseUncached(written: string): OpioidProduct | undefined {
  const text = expandBrandNames(written);
  const { ingredients, names } = parseIngredients(text);
  if (names.length === 0) return undefined;
  const formClass = classifyForm(text);
  const usable = formClass === 'transdermal' ? ingredients.filter((i) => i.kind === 'per-hour') : ingredients;
  return {
    rxcui: null,
    name: written.trim(),
    doseForm: text.trim(),
    formClass,
    ingredients: usable.length === names.length ? usable : [],
    opioidNames: names,
    longActing: isLongActing(text, formClass, names),
    hasNaloxone: /naloxone/i.test(text),
    source: 'parsed-name',
    wearHours: formClass === 'transdermal' ? wearHoursOf(text) : undefined,
  };
}
