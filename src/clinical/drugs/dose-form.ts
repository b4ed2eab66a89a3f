/**
 * Classifies a dose-form text (RxNorm dose form name, Epic/Cerner form text, or a whole drug name) into a
 * route class, and detects long-acting products. Order matters: "Injectable Solution" is an injectable,
 * "Tablet for Oral Suspension" is a solid, "Buccal Film" is transmucosal.
 */
import type { FormClass } from './product.ts';

const RULES: readonly (readonly [RegExp, FormClass])[] = [
  [/inject|syringe|cartridge|auto-?injector|intravenous|\bi\.?v\.?\b|intramuscular|subcutaneous|epidural|intrathecal/i, 'injectable'],
  [/implant/i, 'implant'],
  [/transdermal|patch/i, 'transdermal'],
  [/sublingual|buccal|lozenge|troche|oral strip|mucosal spray|\bfilm\b|\bsl\b/i, 'transmucosal'],
  [/nasal/i, 'nasal'],
  [/rectal|suppositor/i, 'rectal'],
  [/topical|cream|ointment/i, 'topical'],
  [/tablet|capsule|\btabs?\b|\bcaps?\b|pill|caplet/i, 'oral-solid'],
  [/solution|suspension|syrup|elixir|liquid|concentrate|drops|\bml\b/i, 'oral-liquid'],
  [/\boral\b|\bpo\b/i, 'oral-solid'],
];

export function classifyForm(text: string): FormClass {
  for (const [pattern, formClass] of RULES) if (pattern.test(text)) return formClass;
  return 'other';
}

// ER/LA wording in RxNorm names ("Extended Release", "12 HR", "24 HR") and in EHR form texts
// ("tablet,oral only,ext.rel.12 hr", "ER", "SR"), plus brand names of ER-only products.
const LONG_ACTING =
  /extended release|ext\.?\s*rel|\b(er|xr|sr|cr|la|xl|sa)\b|\b\d+\s*(hr|hour)\b|contin|hysingla|zohydro|xtampza|kadian|exalgo|arymo|embeda|avinza|nucynta er|conzip|belbuca|butrans|duragesic/i;

/** Long-acting/ER: ER wording, transdermal products, and methadone (CDC: long-acting by nature). */
export function isLongActing(text: string, formClass: FormClass, ingredientNames: readonly string[]): boolean {
  if (formClass === 'transdermal') return true;
  if (ingredientNames.includes('methadone')) return true;
  return LONG_ACTING.test(text);
}

/** Wear time of a transdermal system from its name ("72 HR fentanyl…", "168 HR buprenorphine…", "Patch 72 hr"). */
export function wearHoursOf(text: string): number | undefined {
  const m = /\b(\d+)\s*(?:hr|hour)s?\b/i.exec(text);
  return m ? Number(m[1]) : undefined;
}
