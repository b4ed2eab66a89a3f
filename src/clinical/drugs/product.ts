/**
 * The opioid product model the MME engine works on, whatever the source: the embedded RxNorm table,
 * a FHIR Medication's ingredient strengths, or a parsed RxNorm clinical-drug name.
 */

/** How an ingredient strength is expressed: per dose unit (tablet, capsule, film, actuation,
 * suppository), per mL of liquid, or per hour of transdermal delivery. */
export type StrengthKind = 'per-unit' | 'per-mL' | 'per-hour';

export interface OpioidIngredient {
  /** Canonical lower-case opioid name, e.g. "oxycodone" (salt dropped). */
  name: string;
  rxcui?: string;
  /** mg per unit (per-unit), mg per mL (per-mL) or mcg per hour (per-hour). */
  value: number;
  kind: StrengthKind;
}

export type FormClass =
  | 'oral-solid'
  | 'oral-liquid'
  | 'transdermal'
  | 'transmucosal' // sublingual/buccal tablet or film, lozenge, oral (mucosal) spray
  | 'nasal'
  | 'rectal'
  | 'injectable'
  | 'implant'
  | 'topical'
  | 'other';

export type ProductSource = 'omtk-2020-10-20' | 'omtk-2020-01-13' | 'medication-ingredient' | 'parsed-name';

export interface OpioidProduct {
  /** Drug-level RxCUI when known (table hit), else null. */
  rxcui: string | null;
  name: string;
  doseForm: string;
  formClass: FormClass;
  /** Opioid ingredients only (acetaminophen etc. are not listed); empty when none could be read. */
  ingredients: OpioidIngredient[];
  /** Opioid names recognised in the product even when their strength could not be read. */
  opioidNames: string[];
  longActing: boolean;
  hasNaloxone: boolean;
  source: ProductSource;
  /** Transdermal wear time in hours when stated (72 HR, 168 HR), used by the dispense fallback. */
  wearHours?: number;
}

export function strengthUnitLabel(kind: StrengthKind): string {
  return kind === 'per-unit' ? 'mg' : kind === 'per-mL' ? 'mg/mL' : 'mcg/hr';
}

// One noun per product (products are immutable and shared), so the dose-form patterns run once per product.
const NOUNS = new WeakMap<OpioidProduct, string>();

/** Noun of one dose unit, for derivations ("5 mg × 1 tab"). */
export function unitNoun(product: OpioidProduct): string {
  let noun = NOUNS.get(product);
  if (noun === undefined) {
    noun = nounOf(product);
    NOUNS.set(product, noun);
  }
  return noun;
}

function nounOf(product: OpioidProduct): string {
  switch (product.formClass) {
    case 'oral-liquid':
      return 'mL';
    case 'transdermal':
      return 'patch';
    case 'oral-solid':
      return /capsule/i.test(product.doseForm) ? 'cap' : 'tab';
    case 'transmucosal':
      return /film|strip/i.test(product.doseForm) ? 'film' : /spray/i.test(product.doseForm) ? 'spray' : 'unit';
    case 'nasal':
      return 'spray';
    case 'rectal':
      return 'supp';
    default:
      return 'unit';
  }
}
