/**
 * Non-opioid pain medication of an order (or statement): by RxNorm code over all codings first (the generated
 * PAIN_MEDICATION_RXNORM table: VSAC "Non opioid pain medications" 1021.73 products grouped by their display, with
 * the AHRQ/COSRI 1032.26 / 1032.54 membership noted), then by ingredient and US brand name in what names the
 * medication (labelled "by name"). A product that contains an opioid is opioid therapy (the MME engine's), never
 * non-opioid care; a gabapentinoid or a muscle relaxant is both pain care and a CNS depressant, and says so.
 */
import { PAIN_MEDICATION_RXNORM } from '../codes/care.generated.ts';
import { normalizedCodings, RXNORM } from '../codes/systems.ts';
import { findOpioidNames } from '../drugs/opioid-ingredients.ts';
import type { MedicationNaming } from '../medications/concept.ts';
import { painGroupOfText, type PainNameMatch } from './pain-medication-names.ts';
import type { PainMedicationClass, PainMedicationGroup } from './types.ts';

const BY_CODE = new Map(PAIN_MEDICATION_RXNORM.map(([code, group, detail, sets]) => [code, { group: group as PainMedicationGroup, detail, sets }]));

const SET_NAMES: Record<string, string> = {
  '1021.73': 'VSAC 2.16.840.1.113762.1.4.1021.73 "Non opioid pain medications"',
  '1032.26': 'VSAC 2.16.840.1.113762.1.4.1032.26 "Nonopioid pain medications" (AHRQ PMS)',
  '1032.54': 'VSAC 2.16.840.1.113762.1.4.1032.54 "Adjuvant pain medications" (AHRQ PMS)',
};

/** Why a group matters beside an opioid, when it does (CDC 2022 Rec 11 for the CNS depressants). */
const WHY: Partial<Record<string, string>> = {
  gabapentinoid: 'also a CNS depressant: adds sedation and breathing risk with opioids (CDC 2022 Rec 11)',
  'muscle relaxant': 'also a CNS depressant (muscle relaxant): adds sedation and breathing risk with opioids (CDC 2022 Rec 11)',
};

function fromName(m: PainNameMatch, matchedBy: string): PainMedicationClass {
  const why = m.alsoCnsDepressant ? WHY[m.alsoCnsDepressant] : undefined;
  return { group: m.group, matchedBy, detail: m.detail, ...(m.alsoCnsDepressant ? { alsoCnsDepressant: m.alsoCnsDepressant } : {}), ...(why ? { why } : {}) };
}

/** The non-opioid pain medication group an order names, or null (not pain care, an opioid product, unknown). */
export function classifyPainMedication(naming: MedicationNaming): PainMedicationClass | null {
  const texts = Array.isArray(naming?.texts) ? naming.texts.filter((t): t is string => typeof t === 'string') : [];
  if (texts.some((t) => findOpioidNames(t).length > 0)) return null; // opioid combination: opioid therapy
  const concepts = Array.isArray(naming?.concepts) ? naming.concepts : [];
  const codes = concepts.flatMap(normalizedCodings).filter((c) => c.system === RXNORM).map((c) => c.code);
  for (const code of codes) {
    const hit = BY_CODE.get(code);
    if (!hit) continue;
    const sets = hit.sets.split(' ');
    // Group and detail come from the code's RxNorm display (same name rules as below).
    const cns = hit.group === 'gabapentinoid' ? 'gabapentinoid' : hit.detail.startsWith('muscle relaxant') ? 'muscle relaxant' : undefined;
    const why = cns ? WHY[cns] : undefined;
    return {
      group: hit.group,
      matchedBy: `RxNorm ${code} in ${SET_NAMES[sets[0]]}${sets.length > 1 ? ` (also in ${sets.slice(1).map((s) => `VSAC ${s}`).join(', ')})` : ''}`,
      valueSet: sets.map((s) => SET_NAMES[s]).join('; '),
      detail: hit.detail,
      ...(cns ? { alsoCnsDepressant: cns } : {}),
      ...(why ? { why } : {}),
    };
  }
  for (const t of texts) {
    const m = painGroupOfText(t);
    if (m) return fromName(m, `name "${m.name}"${codes.length ? ' (code not in the pain medication lists)' : ''}`);
  }
  return null;
}
