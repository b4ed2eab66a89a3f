/**
 * Clinical variation by prescriber, for the support team's conversations with clinicians (6BB Chronic Pain
 * Management Support Teams: "review patient data to check for clinical variation… consult with the clinician").
 * Counts describe patients' care, not a clinician's worth: a prescriber who took on patients already on high doses
 * will show it. Pure: registry patients + policy + asOf in.
 *
 * Per prescriber (responsible prescriber of the registry) and for the whole clinic: patients; MME/day ≥ the policy's
 * moderate and high thresholds (50, 90 — lower bound when incomplete, as in the registry measures); benzodiazepine
 * with the opioid; patients with a safety monitoring gap and with a dose pace flag, by the queue's rules. Shares
 * are set beside the clinic's only from review.variationMinPatients patients.
 */
import type { Policy } from '../policy/types.ts';
import type { IsoDate } from '../types.ts';
import { queueReasons } from './queue.ts';
import type { TeamPatient } from './types.ts';

export type VariationMeasure = 'mme50' | 'mme90' | 'benzo' | 'careGaps' | 'paceFlags';

export interface VariationRow {
  key: string;
  display: string;
  patients: number;
  counts: Record<VariationMeasure, number>;
  /** MME incomplete (lower bound used). */
  incomplete: number;
  /** False when the patients are fewer than the policy's minimum: counts only, no comparison. */
  compared: boolean;
  /** Measures whose share is above the clinic's (only when compared). */
  aboveClinic: VariationMeasure[];
}

export const VARIATION_MEASURES: readonly { id: VariationMeasure; label: (p: Policy) => string }[] = [
  { id: 'mme50', label: (p) => `MME ≥ ${p.risk.moderateMme.value}/day` },
  { id: 'mme90', label: (p) => `MME ≥ ${p.risk.highMme.value}/day` },
  { id: 'benzo', label: () => 'Benzodiazepine with the opioid' },
  { id: 'careGaps', label: () => 'A safety monitoring gap' },
  { id: 'paceFlags', label: () => 'A dose pace flag' },
];

function measuresOf(p: TeamPatient, policy: Policy, asOf: IsoDate): Record<VariationMeasure, boolean> {
  const reasons = queueReasons(p, policy, asOf);
  const mme = p.mme ?? 0;
  return {
    mme50: mme >= policy.risk.moderateMme.value,
    mme90: mme >= policy.risk.highMme.value,
    benzo: p.benzoOverlap,
    careGaps: reasons.some((r) => r.kind === 'gap'),
    paceFlags: reasons.some((r) => r.kind === 'pace'),
  };
}

const empty = (key: string, display: string): VariationRow => ({
  key, display, patients: 0, incomplete: 0, compared: false, aboveClinic: [],
  counts: { mme50: 0, mme90: 0, benzo: 0, careGaps: 0, paceFlags: 0 },
});

export function share(row: Pick<VariationRow, 'patients' | 'counts'>, m: VariationMeasure): number | null {
  return row.patients ? row.counts[m] / row.patients : null;
}

export function variationByPrescriber(patients: readonly TeamPatient[], policy: Policy, asOf: IsoDate): { rows: VariationRow[]; clinic: VariationRow } {
  const clinic = empty('clinic', 'Whole clinic');
  const by = new Map<string, VariationRow>();
  for (const p of patients) {
    const row = by.get(p.prescriber.key) ?? empty(p.prescriber.key, p.prescriber.display);
    by.set(p.prescriber.key, row);
    const m = measuresOf(p, policy, asOf);
    for (const target of [row, clinic]) {
      target.patients += 1;
      if (!p.mmeComplete) target.incomplete += 1;
      for (const id of Object.keys(m) as VariationMeasure[]) if (m[id]) target.counts[id] += 1;
    }
  }
  const min = policy.review.variationMinPatients.value;
  clinic.compared = true;
  const rows = [...by.values()].map((r) => {
    const compared = r.patients >= min;
    const aboveClinic = compared ? VARIATION_MEASURES.map((x) => x.id).filter((id) => (share(r, id) ?? 0) > (share(clinic, id) ?? 0)) : [];
    return { ...r, compared, aboveClinic };
  });
  rows.sort((a, b) => b.patients - a.patients || a.display.localeCompare(b.display));
  return { rows, clinic };
}
