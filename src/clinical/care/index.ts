/**
 * Non-opioid pain care (AHRQ Pain Management Summary: non-opioid medications, adjuvant analgesics, non-pharmacologic
 * treatments; CDC 2022 Recs 1–2; Six Building Blocks: integrate alternatives to opioids). Pure: no FHIR reads, no
 * clock; the normaliser decides which resources to pass and when they are current.
 *
 *   classifyPainMedication(naming)  → { group, matchedBy, valueSet?, detail, alsoCnsDepressant?, why? } | null
 *   classifyTherapy(concept)        → { therapy, matchedBy, detail?, valueSet?, referral? } | null
 */
export { classifyPainMedication } from './classify-medication.ts';
export { classifyTherapy, therapyOfText } from './classify-therapy.ts';
export { painGroupOfText } from './pain-medication-names.ts';
export { THERAPY_SNOMED, THERAPY_CPT_RANGES, THERAPY_PCS_PREFIXES } from './therapy-codes.ts';
export type { PainMedicationClass, PainMedicationGroup, TherapyClass, TherapyKind } from './types.ts';
