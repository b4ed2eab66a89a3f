/**
 * Measures of success (Six Building Blocks, block 6). Each definition says its numerator,
 * denominator and exclusions in words (shown in the UI, the CLI JSON and /work/brief/readme-registry.md).
 * Denominator for all: cohort 'opioid' (current opioid analgesic order, tier not 'not-applicable').
 */
import type { MeasureId } from './types.ts';

export interface MeasureDef {
  id: MeasureId;
  label: string;
  numerator: string;
  denominator: string;
  /** Whether a higher share is the goal (agreement) or a lower one (benzodiazepine co-prescribing). */
  direction: 'higher-is-better' | 'lower-is-better';
}

const BASE = 'Patients with a current opioid analgesic order, tier not "not applicable" (MOUD-only and excluded populations are listed separately)';

export const MEASURES: readonly MeasureDef[] = [
  { id: 'agreement-12m', label: 'Patient agreement in the last 12 months', direction: 'higher-is-better',
    numerator: 'last patient agreement dated within the 12 calendar months up to the as-of date', denominator: BASE },
  { id: 'udt-policy', label: 'Urine drug test within policy', direction: 'higher-is-better',
    numerator: 'UDT monitoring status "up to date" or "due soon" under the clinic policy interval for the tier', denominator: BASE },
  { id: 'pdmp-90d', label: 'PDMP check within 90 days', direction: 'higher-is-better',
    numerator: 'last PDMP review dated on or after as-of − 90 days', denominator: BASE },
  { id: 'peg-90d', label: 'PEG within 90 days', direction: 'higher-is-better',
    numerator: 'last PEG dated on or after as-of − 90 days', denominator: BASE },
  { id: 'naloxone-indicated', label: 'Naloxone among those indicated', direction: 'higher-is-better',
    numerator: 'naloxone status "up to date" or "due soon" (prescribed within the policy look-back)',
    denominator: `${BASE}, whose naloxone item is not "not applicable" (a CDC Rec 8 indication, or could not be checked)` },
  { id: 'benzo-coprescribing', label: 'Benzodiazepine co-prescribing', direction: 'lower-is-better',
    numerator: 'a current benzodiazepine order', denominator: BASE },
  { id: 'mme-50', label: 'MME ≥ 50/day', direction: 'lower-is-better',
    numerator: 'total MME/day ≥ 50; an incomplete total counts by its known lower bound and is flagged', denominator: BASE },
  { id: 'mme-90', label: 'MME ≥ 90/day', direction: 'lower-is-better',
    numerator: 'total MME/day ≥ 90; an incomplete total counts by its known lower bound and is flagged', denominator: BASE },
];

export const MEASURE_IDS: readonly MeasureId[] = MEASURES.map((m) => m.id);
