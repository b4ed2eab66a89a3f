/**
 * Registry contracts: one row per cohort patient (the table, the CSV, the huddle sheet) and the
 * measures of success (6BB block 6). Pure types, derived from PanelSummary objects.
 */
import type { DisplayStatus } from '../clinical/monitoring/display-status.ts';
import type { IsoDate, MonitoringItemId, MonitoringStatus, RiskTier } from '../clinical/types.ts';
import type { ReviewFacts } from '../clinical/review/types.ts';

/** Which registry list a patient belongs to. `null` from cohortOf = not on opioid therapy at all. */
export type CohortKind =
  | 'opioid' // current opioid analgesic order, in LTOT monitoring scope (the measures' denominator)
  | 'excluded' // current opioid analgesic order, tier not-applicable (cancer, hospice, ...): listed separately
  | 'moud-only'; // current MOUD and no opioid analgesic order: listed separately

export interface Prescriber {
  /** Stable grouping key: the requester reference ("Practitioner/123") or "unassigned". */
  key: string;
  display: string;
}

export interface MonitoringCell {
  status: MonitoringStatus;
  dueDate: IsoDate | null;
  lastDate: IsoDate | null;
  /** The status as the panel says it on the row's clinic day ("never done", "due today"); absent: `status`. */
  shown?: DisplayStatus;
}

export interface RegistryRow {
  patientId: string;
  name: string;
  birthDate: IsoDate | null;
  cohort: CohortKind;
  prescriber: Prescriber;
  /** Known MME/day; with `mmeComplete` false it is a lower bound ("at least"); null = could not compute. */
  mme: number | null;
  mmeComplete: boolean;
  tier: RiskTier;
  topReason: string;
  monitoring: Partial<Record<MonitoringItemId, MonitoringCell>>;
  benzoOverlap: boolean;
  /** Naloxone indicated and not on file within policy (overdue or never done). */
  naloxoneGap: boolean;
  lastPeg: { date: IsoDate; mean: number; changeFromBaselinePct: number | null } | null;
  alerts: string[];
  /** MME/day 90 days before asOf, from the dose history (null: not known or no history). */
  mme90DaysAgo?: number | null;
  /** Course flags (taper-faster-than-policy, abrupt-stop, dose-escalation, early-refill, overlapping-supply, multiple-prescribers). */
  courseFlags?: string[];
  /** The day the current supply runs out, and days left at asOf. */
  supplyEnds?: IsoDate | null;
  daysLeft?: number | null;
  /** Distinct opioid prescribers in the policy's window. */
  prescriberCount?: number;
  /** What the pain support team's queue rules read (course flags, signs to discuss, safety monitoring gaps). */
  review?: ReviewFacts;
  /** Upcoming appointments (on or after asOf), for pre-visit planning. */
  appointments?: { date: IsoDate; time: string | null; type: string }[];
}

export type MeasureId =
  | 'agreement-12m'
  | 'udt-policy'
  | 'pdmp-90d'
  | 'peg-90d'
  | 'naloxone-indicated'
  | 'benzo-coprescribing'
  | 'mme-50'
  | 'mme-90';

/** One patient's contribution to one measure. */
export interface MeasureFlag {
  inDenominator: boolean;
  met: boolean;
  /** The data needed could not be read (counted in the denominator, never as met). */
  unavailable: boolean;
  /** MME measures: the total is a lower bound (some order could not be computed). */
  incomplete: boolean;
}

export interface MeasureCount {
  id: MeasureId;
  numerator: number;
  denominator: number;
  /** numerator / denominator, null when the denominator is 0. */
  rate: number | null;
  unavailable: number;
  incomplete: number;
}
