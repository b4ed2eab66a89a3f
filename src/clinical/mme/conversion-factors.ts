/**
 * Conversion factors to morphine milligram equivalents, one row per opioid and dose-form scope, each
 * with its source. Input unit is mg/day unless stated: transdermal fentanyl is per mcg/hr worn at once,
 * transmucosal fentanyl (research file only) per mcg/day.
 *
 * Editions:
 * - cdc-2022 (default): CDC Clinical Practice Guideline 2022 table [S1]; buprenorphine deliberately absent.
 * - cdc-2016: CDC "Calculating Total Daily Dose of Opioids for Safer Dosage" (2016) [S2]: hydromorphone 4,
 *   methadone tiered by methadone mg/day, and NO tramadol/tapentadol rows. Policy: under cdc-2016 those two
 *   are "unknown: no conversion factor in CDC 2016" unless the clinic enables research factors.
 * - research (opt-in, MmeOptions.useResearchFactors): CDC Opioid NDC and Oral MME Conversion File, Sept 2018
 *   [S7], used ONLY for opioids without a factor in the chosen edition, and labelled. Its fentanyl patch 7.2
 *   belongs to the patches-dispensed ÷ days formula and is not used (the clinical 2.4 per mcg/hr applies);
 *   it gives buprenorphine no factor, so buprenorphine stays unknown.
 * Sources: see shared docs/mme-rules.md §2 and data/mme/conversion_factors.csv.
 */
import type { MmeEdition } from '../types.ts';
import type { FormClass } from '../drugs/product.ts';

export const SOURCE_CDC_2022 =
  'CDC Clinical Practice Guideline for Prescribing Opioids for Pain 2022 (MMWR Recomm Rep 2022;71(RR-3)), MME conversion table';
export const SOURCE_CDC_2016 = 'CDC 2016 "Calculating Total Daily Dose of Opioids for Safer Dosage" conversion table';
export const SOURCE_RESEARCH_2018 =
  'CDC Opioid NDC and Oral MME Conversion File, Sept 2018 (research/analytic factor, not a clinical factor)';

export type FactorInputUnit = 'mg/day' | 'mcg/hr' | 'mcg/day';
type Scope = 'non-parenteral' | 'transdermal' | 'buccal-sublingual-lozenge' | 'film-or-oral-spray' | 'nasal';

interface FactorRow {
  ingredient: string;
  scope: Scope;
  inputUnit: FactorInputUnit;
  factor: number | 'methadone-2016-tiers';
  source: string;
}

const row = (ingredient: string, factor: FactorRow['factor'], source: string, scope: Scope = 'non-parenteral', inputUnit: FactorInputUnit = 'mg/day'): FactorRow => ({ ingredient, scope, inputUnit, factor, source });

const CDC_2022: readonly FactorRow[] = [
  row('codeine', 0.15, SOURCE_CDC_2022),
  row('fentanyl', 2.4, SOURCE_CDC_2022 + ' (fentanyl transdermal, per mcg/hr)', 'transdermal', 'mcg/hr'),
  row('hydrocodone', 1, SOURCE_CDC_2022),
  row('hydromorphone', 5, SOURCE_CDC_2022),
  row('methadone', 4.7, SOURCE_CDC_2022),
  row('morphine', 1, SOURCE_CDC_2022),
  row('oxycodone', 1.5, SOURCE_CDC_2022),
  row('oxymorphone', 3, SOURCE_CDC_2022),
  row('tapentadol', 0.4, SOURCE_CDC_2022),
  row('tramadol', 0.2, SOURCE_CDC_2022),
];

const CDC_2016: readonly FactorRow[] = [
  row('codeine', 0.15, SOURCE_CDC_2016),
  row('fentanyl', 2.4, SOURCE_CDC_2016 + ' (fentanyl transdermal, per mcg/hr)', 'transdermal', 'mcg/hr'),
  row('hydrocodone', 1, SOURCE_CDC_2016),
  row('hydromorphone', 4, SOURCE_CDC_2016),
  row('methadone', 'methadone-2016-tiers', SOURCE_CDC_2016 + ' (methadone: 1–20 mg/day 4; 21–40 8; 41–60 10; ≥61 12)'),
  row('morphine', 1, SOURCE_CDC_2016),
  row('oxycodone', 1.5, SOURCE_CDC_2016),
  row('oxymorphone', 3, SOURCE_CDC_2016),
];

const RESEARCH_2018: readonly FactorRow[] = [
  row('codeine', 0.15, SOURCE_RESEARCH_2018),
  row('dihydrocodeine', 0.25, SOURCE_RESEARCH_2018),
  row('fentanyl', 0.13, SOURCE_RESEARCH_2018 + ' (buccal/sublingual tablet, lozenge: per mcg)', 'buccal-sublingual-lozenge', 'mcg/day'),
  row('fentanyl', 0.18, SOURCE_RESEARCH_2018 + ' (buccal film, oral spray: per mcg)', 'film-or-oral-spray', 'mcg/day'),
  row('fentanyl', 0.16, SOURCE_RESEARCH_2018 + ' (nasal spray: per mcg)', 'nasal', 'mcg/day'),
  row('hydrocodone', 1, SOURCE_RESEARCH_2018),
  row('hydromorphone', 4, SOURCE_RESEARCH_2018),
  row('levorphanol', 11, SOURCE_RESEARCH_2018),
  row('meperidine', 0.1, SOURCE_RESEARCH_2018),
  row('methadone', 3, SOURCE_RESEARCH_2018),
  row('morphine', 1, SOURCE_RESEARCH_2018),
  row('opium', 1, SOURCE_RESEARCH_2018),
  row('oxycodone', 1.5, SOURCE_RESEARCH_2018),
  row('oxymorphone', 3, SOURCE_RESEARCH_2018),
  row('pentazocine', 0.37, SOURCE_RESEARCH_2018),
  row('tapentadol', 0.4, SOURCE_RESEARCH_2018),
  row('tramadol', 0.1, SOURCE_RESEARCH_2018),
  row('butorphanol', 7, SOURCE_RESEARCH_2018),
  row('levomethadyl', 8, SOURCE_RESEARCH_2018),
  row('propoxyphene', 0.23, SOURCE_RESEARCH_2018),
];

export const FACTOR_TABLES: Readonly<Record<MmeEdition | 'research-2018', readonly FactorRow[]>> = {
  'cdc-2022': CDC_2022,
  'cdc-2016': CDC_2016,
  'research-2018': RESEARCH_2018,
};

function inScope(scope: Scope, formClass: FormClass, formText: string): boolean {
  switch (scope) {
    case 'non-parenteral':
      return formClass !== 'injectable' && formClass !== 'transdermal';
    case 'transdermal':
      return formClass === 'transdermal';
    case 'nasal':
      return formClass === 'nasal';
    case 'film-or-oral-spray':
      return formClass === 'transmucosal' && /film|spray/i.test(formText);
    case 'buccal-sublingual-lozenge':
      return formClass === 'transmucosal' && !/film|spray/i.test(formText);
  }
}

/**
 * CDC 2016 methadone tier by methadone mg/day: 1–20 → 4, 21–40 → 8, 41–60 → 10, ≥61 → 12. Non-integer
 * doses are rounded UP before choosing the tier (COSRI's Ceiling), so 20.5 mg/day falls in 21–40 → 8 and the
 * tiers leave no gaps; doses below 1 mg/day use the first tier.
 */
export function methadone2016Factor(mgPerDay: number): number {
  const mg = Math.ceil(mgPerDay - 1e-9);
  return mg <= 20 ? 4 : mg <= 40 ? 8 : mg <= 60 ? 10 : 12;
}

export interface FactorHit {
  factor: number;
  inputUnit: FactorInputUnit;
  source: string;
  research: boolean;
}

function lookup(table: readonly FactorRow[], ingredient: string, formClass: FormClass, formText: string, research: boolean, mgPerDay: number | null): FactorHit | null | undefined {
  for (const row of table) {
    if (row.ingredient !== ingredient || !inScope(row.scope, formClass, formText)) continue;
    if (row.factor === 'methadone-2016-tiers') {
      return mgPerDay === null ? null : { factor: methadone2016Factor(mgPerDay), inputUnit: row.inputUnit, source: row.source, research };
    }
    return { factor: row.factor, inputUnit: row.inputUnit, source: row.source, research };
  }
  return undefined;
}

/** The factor row for an ingredient in a product form, or null when the edition (and research opt-in) has none. */
export function findFactor(
  ingredient: string,
  formClass: FormClass,
  formText: string,
  edition: MmeEdition,
  useResearch: boolean,
  mgPerDay: number | null,
): FactorHit | null {
  const clinical = lookup(FACTOR_TABLES[edition], ingredient, formClass, formText, false, mgPerDay);
  if (clinical !== undefined) return clinical;
  return (useResearch ? lookup(RESEARCH_2018, ingredient, formClass, formText, true, mgPerDay) : undefined) ?? null;
}
