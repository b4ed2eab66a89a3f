/**
 * Plain, people-first labels for engine codes: one status vocabulary for the panel, the note text and the
 * registry's huddle sheet. The engine's statuses are mapped for display here (displayStatus), never reworded
 * elsewhere: a PEG with nothing on file reads "Never done", like every other item with nothing on file.
 */
import type { MedicationClass, MonitoringItemId, RiskTier, SourceKey } from '../clinical/types.ts';

export const ITEM_LABEL: Record<MonitoringItemId, string> = {
  pdmp: 'PDMP check',
  udt: 'Urine drug test',
  agreement: 'Patient agreement',
  peg: 'PEG score',
  phq9: 'PHQ-9 depression screen',
  ort: 'Opioid Risk Tool',
  naloxone: 'Naloxone',
};

/** Short names for the quiet lines and the headline ("Due soon: Agreement, PHQ-9"). */
export const ITEM_SHORT: Record<MonitoringItemId, string> = {
  pdmp: 'PDMP check',
  udt: 'Urine drug test',
  agreement: 'Agreement',
  peg: 'PEG',
  phq9: 'PHQ-9',
  ort: 'ORT',
  naloxone: 'Naloxone',
};

/** What to do at rooming, one short imperative per item. */
export const ACTION_TEXT: Record<MonitoringItemId, string> = {
  pdmp: 'Check the PDMP before the visit',
  udt: 'Collect a urine sample',
  agreement: 'Review and sign the patient agreement',
  peg: 'Ask the three PEG questions',
  phq9: 'Give the PHQ-9',
  ort: 'Complete the Opioid Risk Tool',
  naloxone: 'Offer a naloxone prescription',
};

/** Rooming order: the two checks an MA starts first, then the rest in the engine's order. */
export const ITEM_ORDER: MonitoringItemId[] = ['pdmp', 'udt', 'agreement', 'peg', 'phq9', 'ort', 'naloxone'];

// The engine's statuses in words: one rule for every screen and the registry (clinical/monitoring/display-status.ts).
import type { DisplayStatus } from '../clinical/monitoring/display-status.ts';
export { displayStatus, type DisplayStatus } from '../clinical/monitoring/display-status.ts';

export const STATUS_LABEL: Record<DisplayStatus, string> = {
  overdue: 'Overdue',
  'never-done': 'Never done',
  'due-today': 'Due today',
  'due-soon': 'Due soon',
  unavailable: 'Could not check',
  'up-to-date': 'Up to date',
  'not-applicable': 'Not applicable',
};


/** Needs doing at this visit (the checklist and the headline). */
export const DUE_NOW: ReadonlySet<DisplayStatus> = new Set(['overdue', 'never-done', 'due-today']);

export const TIER_LABEL: Record<RiskTier, string> = {
  high: 'High',
  moderate: 'Moderate',
  low: 'Low',
  unknown: 'Unknown — could not determine',
  'not-applicable': 'Not in long-term opioid monitoring scope',
};

/** The tier in the clinician strip, short. */
export const TIER_SHORT: Record<RiskTier, string> = {
  high: 'High',
  moderate: 'Moderate',
  low: 'Low',
  unknown: 'Unknown',
  'not-applicable': 'Not in scope',
};

export const CLASS_LABEL: Record<MedicationClass, string> = {
  opioid: 'Opioids',
  moud: 'Medication for opioid use disorder (MOUD)',
  benzodiazepine: 'Benzodiazepines',
  'cns-depressant': 'Other CNS depressants',
  naloxone: 'Naloxone',
};

export const SOURCE_LABEL: Record<SourceKey, string> = {
  dispenses: 'Pharmacy fills',
  statements: 'Reported medications',
  questionnaires: 'Questionnaires',
  referrals: 'Referrals',
  patient: 'Patient record',
  medications: 'Medication orders',
  conditions: 'Conditions',
  surveys: 'Questionnaire scores (PEG, PHQ-9, GAD-7, ORT)',
  pdmp: 'PDMP checks',
  agreement: 'Patient agreement',
  udt: 'Urine drug tests',
  procedures: 'Procedures (PDMP review)',
  documents: 'Documents (signed agreement)',
};

export const EDITION_LABEL: Record<string, string> = {
  'cdc-2022': 'CDC 2022 conversion factors',
  'cdc-2016': 'CDC 2016 conversion factors',
};

/** The MME engine's order flags in words. */
export const FLAG_LABEL: Record<string, string> = {
  'prn-max': 'as needed — counted at the most the order allows',
  'estimated-from-dispense': 'estimated from the amount dispensed',
  'on-hold': 'order on hold',
  moud: 'treatment for opioid use disorder — not counted',
  'research-factor': 'research conversion factor (no clinical factor)',
  'dose-range-high': 'dose range — counted at the high end',
  'max-dose-per-period': 'capped by the maximum dose per period',
  'no-authored-date': 'order has no date',
  'supply-duration-missing': 'days supply missing — verify',
  'not-current': 'not current',
  duplicate: 'duplicate refill — counted once',
  implausible: 'implausible amount — verify',
  malformed: 'could not be read',
  'completed-supply': 'completed order, still within its days supply',
  'no-factor': 'no conversion factor',
  'several-dosage-lines': 'several dosage lines — added together',
  'unknown-strength': 'strength unknown',
};

export function flagText(flag: string): string {
  return FLAG_LABEL[flag] ?? flag.replace(/-/g, ' ');
}

/** The course flags in words (strip, course section, refill check). */
export const COURSE_FLAG_LABEL: Record<string, string> = {
  'taper-faster-than-policy': 'Taper faster than policy',
  'abrupt-stop': 'Stopped without a taper',
  'dose-escalation': 'Dose increase to review',
  'early-refill': 'Early refill',
  'overlapping-supply': 'Overlapping supplies',
  'multiple-prescribers': 'Multiple prescribers',
};
