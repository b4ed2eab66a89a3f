/** Plain, people-first labels for engine codes, shared by the sections and the note text. */
import type { MedicationClass, MonitoringItemId, MonitoringStatus, RiskTier, SourceKey } from '../clinical/types.ts';

export const ITEM_LABEL: Record<MonitoringItemId, string> = {
  pdmp: 'PDMP check',
  udt: 'Urine drug test',
  agreement: 'Patient agreement',
  peg: 'PEG (pain, enjoyment, activity)',
  phq9: 'PHQ-9 depression screen',
  ort: 'Opioid Risk Tool',
  naloxone: 'Naloxone offered',
};

/** Rooming order: the two checks an MA starts first, then the rest in the engine's order. */
export const ITEM_ORDER: MonitoringItemId[] = ['pdmp', 'udt', 'agreement', 'peg', 'phq9', 'ort', 'naloxone'];

export const STATUS_LABEL: Record<MonitoringStatus, string> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  'never-done': 'Never done',
  'up-to-date': 'Up to date',
  unavailable: 'Could not check',
  'not-applicable': 'Not applicable',
};

export const TIER_LABEL: Record<RiskTier, string> = {
  high: 'High',
  moderate: 'Moderate',
  low: 'Low',
  unknown: 'Unknown — could not determine',
  'not-applicable': 'Not in long-term opioid monitoring scope',
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
