/**
 * Cohort selection from a patient's summary. The registry lists patients with a current opioid
 * analgesic order; MOUD-only patients and excluded populations (tier not-applicable: cancer,
 * hospice, ...) are listed separately and never enter the measures' denominator.
 */
import type { PanelSummary } from '../clinical/types.ts';
import type { CohortKind } from './types.ts';

export function hasCurrent(summary: PanelSummary, cls: string): boolean {
  return summary.medications.some((m) => m.class === cls && m.current);
}

/** The registry list for a patient, or null when the patient is not on opioid therapy as of summary.asOf. */
export function cohortOf(summary: PanelSummary): CohortKind | null {
  if (hasCurrent(summary, 'opioid')) {
    return summary.risk.tier === 'not-applicable' ? 'excluded' : 'opioid';
  }
  if (hasCurrent(summary, 'moud')) return 'moud-only';
  return null;
}

/** Why a patient is excluded (the tier's first reason), for the separate list. */
export function exclusionReason(summary: PanelSummary): string {
  return summary.risk.reasons[0]?.text ?? 'not in LTOT monitoring scope';
}
