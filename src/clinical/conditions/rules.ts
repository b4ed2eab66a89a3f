/**
 * Which risk/exclusion category a Condition code belongs to. ICD-10-CM uses category prefix rules (value-set
 * expansions lag the yearly code releases: the 2019 overdose set lacks T40.41-/T40.42-/T40.49-); SNOMED CT uses
 * the generated value sets (scripts/gen-valuesets.ts) plus a few hand-listed common concepts (labelled).
 */
import * as G from '../codes/conditions.generated.ts';
import { ICD10CM, SNOMED, type NormalizedCoding } from '../codes/systems.ts';

export type ConditionCategory =
  | 'overdose'
  | 'oud'
  | 'other-sud'
  | 'sleep-apnea'
  | 'depression'
  | 'anxiety-ptsd'
  | 'sickle-cell'
  | 'malignancy'
  | 'cancer-treatment'
  | 'end-of-life';

export interface CodeMatch {
  category: ConditionCategory;
  /** The code itself says "in remission" (F11.21, SNOMED "... in remission"). */
  remissionCode: boolean;
  rule: string;
}

export const CATEGORY_LABEL: Record<ConditionCategory, string> = {
  overdose: 'opioid overdose/poisoning',
  oud: 'opioid use disorder',
  'other-sud': 'substance use disorder (non-opioid, non-tobacco)',
  'sleep-apnea': 'sleep apnea',
  depression: 'depression',
  'anxiety-ptsd': 'anxiety or PTSD',
  'sickle-cell': 'exclusion: sickle cell disease',
  malignancy: 'exclusion: cancer',
  'cancer-treatment': 'exclusion: cancer treatment encounter',
  'end-of-life': 'exclusion: hospice/end-of-life',
};

/** "F1120" → "F11.20" (some feeds drop the dot). */
export function dottedIcd(code: string): string {
  const c = code.toUpperCase();
  return c.length > 3 && !c.includes('.') ? `${c.slice(0, 3)}.${c.slice(3)}` : c;
}

const set = (codes: readonly string[]) => new Set(codes);
const SCT: [ConditionCategory, Set<string>, boolean, string][] = [
  ['overdose', set(G.OVERDOSE_SNOMED), false, 'SNOMED opioid overdose/poisoning (opioid-cds-r4 + VSAC 1146.1063)'],
  ['oud', set(G.OUD_ACTIVE_SNOMED), false, 'SNOMED opioid use disorder (opioid-cds-r4 opioid-misuse-disorders)'],
  ['oud', set(G.OUD_REMISSION_SNOMED), true, 'SNOMED opioid use disorder in remission'],
  ['other-sud', set([...G.OTHER_SUD_ACTIVE_SNOMED, ...EXTRA_SUD()]), false, 'SNOMED substance use disorder (opioid-cds-r4 conditions-documenting-substance-misuse + common concepts)'],
  ['other-sud', set(G.OTHER_SUD_REMISSION_SNOMED), true, 'SNOMED substance use disorder in remission'],
  ['sleep-apnea', set(G.SLEEP_APNEA_SNOMED), false, 'SNOMED sleep-disordered breathing (opioid-cds-r4 minus narcolepsy/shift work; VSAC 1032.53)'],
  ['depression', set([...G.DEPRESSION_SNOMED, ...EXTRA_DEPRESSION()]), false, 'SNOMED depression (VSAC 105.12.1007 + common concepts)'],
  ['anxiety-ptsd', set([...G.ANXIETY_PTSD_SNOMED, ...EXTRA_ANXIETY()]), false, 'SNOMED anxiety/PTSD (VSAC 1032.52 + common concepts)'],
  ['sickle-cell', set(G.SICKLE_CELL_SNOMED), false, 'SNOMED sickle cell disease (opioid-cds-r4)'],
  ['end-of-life', set(G.END_OF_LIFE_SNOMED), false, 'SNOMED hospice/limited life expectancy/end-of-life care (opioid-cds-r4)'],
];

/** Hand-listed: "Drug abuse", "Dependent drug abuse", "Substance abuse" (generic concepts the CDC set lacks). */
function EXTRA_SUD() {
  return ['26416006', '6525002', '66214007'];
}
/** Hand-listed: "Depressive disorder", "Major depression, single episode", "Recurrent major depression". */
function EXTRA_DEPRESSION() {
  return ['35489007', '36923009', '66344007', '370143000', '192080009'];
}
/** Hand-listed: "Anxiety disorder", "Anxiety", "Generalized anxiety disorder", "Panic disorder", "PTSD". */
function EXTRA_ANXIETY() {
  return ['197480006', '48694002', '21897009', '371631005', '47505003'];
}

const MALIGNANT_NAME = /malignan|carcinoma|cancer|lymphoma|leuka?emia|sarcoma|myeloma|melanoma|metasta|blastoma/i;
const NOT_MALIGNANT_NAME = /history of|benign|screening|family|fear|risk|suspected|in situ|no evidence/i;
const MALIGNANT_ICD = set(G.MALIGNANT_ICD10CM);
const SICKLE_ICD = set(G.SICKLE_CELL_ICD10CM);
const OVERDOSE_ICD = set(G.OVERDOSE_ICD10CM);

function icdMatch(raw: string): CodeMatch | null {
  const code = dottedIcd(raw);
  // T40.0–T40.4 (incl. T40.41-/T40.42-/T40.49-) and T40.6: intent 1–4 = poisoning (5 adverse effect, 6 underdosing are not overdoses)
  if (OVERDOSE_ICD.has(code) || /^T40\.(?:[0-4]X|4[129]|6[09])[1-4][ADS]?$/.test(code)) {
    return { category: 'overdose', remissionCode: false, rule: 'ICD-10-CM T40.0–T40.4x/T40.6x poisoning (intent 1–4)' };
  }
  if (/^F11\.[12]/.test(code)) {
    const remission = code === 'F11.11' || code === 'F11.21';
    return { category: 'oud', remissionCode: remission, rule: remission ? 'ICD-10-CM F11.11/F11.21 (in remission)' : 'ICD-10-CM F11.1x/F11.2x' };
  }
  if (/^F1[02345689]\./.test(code)) {
    const remission = /^F1\d\.[129]1$/.test(code);
    return { category: 'other-sud', remissionCode: remission, rule: `ICD-10-CM F10/F12–F16/F18/F19${remission ? ' (in remission)' : ''}` };
  }
  if (/^G47\.3/.test(code)) return { category: 'sleep-apnea', remissionCode: false, rule: 'ICD-10-CM G47.3x sleep apnea' };
  if (/^F3[23]/.test(code) || code === 'F34.1') {
    const remission = /^F32\.[45]$|^F33\.4/.test(code);
    return { category: 'depression', remissionCode: remission, rule: 'ICD-10-CM F32/F33/F34.1 depression' };
  }
  if (/^F41/.test(code) || /^F43\.1/.test(code)) return { category: 'anxiety-ptsd', remissionCode: false, rule: 'ICD-10-CM F41 anxiety / F43.1x PTSD' };
  if (/^D57/.test(code) && code !== 'D57.3' && (SICKLE_ICD.has(code) || /^D57\.[0-8]/.test(code) || code === 'D57')) {
    return { category: 'sickle-cell', remissionCode: false, rule: 'ICD-10-CM D57 sickle-cell disorders (not D57.3 trait)' };
  }
  if (MALIGNANT_ICD.has(code) || /^C(?:[0-8]\d|9[0-6])/.test(code)) {
    return { category: 'malignancy', remissionCode: false, rule: 'ICD-10-CM C00–C96 malignant neoplasm (opioid-cds-r4 cdc-malignant-cancer-conditions)' };
  }
  if (/^Z51\.(?:0|1)/.test(code)) return { category: 'cancer-treatment', remissionCode: false, rule: 'ICD-10-CM Z51.0/Z51.1x radiotherapy/chemotherapy encounter' };
  if (code === 'Z51.5') return { category: 'end-of-life', remissionCode: false, rule: 'ICD-10-CM Z51.5 palliative care encounter' };
  return null;
}

function snomedMatch(code: string, display: string): CodeMatch | null {
  for (const [category, codes, remission, rule] of SCT) {
    if (codes.has(code)) return { category, remissionCode: remission || /remission/i.test(display), rule };
  }
  if (MALIGNANT_NAME.test(display) && !NOT_MALIGNANT_NAME.test(display)) {
    return { category: 'malignancy', remissionCode: false, rule: `SNOMED concept named "${display}" (malignancy matched by name)` };
  }
  return null;
}

/** First category matched over all codings (ICD-10-CM rules first, then SNOMED). */
export function matchConditionCodes(codings: readonly NormalizedCoding[]): (CodeMatch & { coding: NormalizedCoding })[] {
  const out: (CodeMatch & { coding: NormalizedCoding })[] = [];
  for (const c of codings) {
    const m = c.system === ICD10CM ? icdMatch(c.code) : c.system === SNOMED ? snomedMatch(c.code, c.display) : null;
    if (m && !out.some((o) => o.category === m.category)) out.push({ ...m, coding: c });
  }
  return out;
}
