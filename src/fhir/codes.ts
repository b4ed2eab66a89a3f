/**
 * What the loader asks the server for: the engine's own code lists (bare codes, so any system spelling matches)
 * and look-backs, all from the clinic policy. Until a policy is loaded the shipped default policy is used.
 */
import { DEFAULT_POLICY, type Policy } from '../clinical/policy/index.ts';
import { searchCodes } from '../clinical/record/observation-kinds.ts';

export interface QueryConfig {
  /** Observation codes for the 'surveys' source (PEG, PHQ-9 and its items, PHQ-2, GAD-7, ORT, their panels). */
  surveyCodes: string[];
  /** Observation codes for the 'pdmp' source. */
  pdmpObservationCodes: string[];
  /** Procedure codes for the optional 'procedures' source. */
  pdmpProcedureCodes: string[];
  /** Observation codes for 'agreement' and DocumentReference types for 'documents'. */
  agreementCodes: string[];
  /** Urine drug test codes (every code the engine counts as a UDT). */
  udtCodes: string[];
  /** Medication orders are read from asOf − this many days at launch (plus every undated order); older on demand. */
  medicationWindowDays: number;
  /** Laboratory look-back of the category search used only when a server refuses the UDT code search. */
  labLookbackDays: number;
  /** Requested page size (_count); servers may cap it lower. */
  pageSize: number;
  /** Condition categories to search by; empty = every Condition of the patient (see queries.ts). */
  conditionCategories: string[];
}

export function queryConfigFromPolicy(policy: Policy, overrides: Partial<Pick<QueryConfig, 'pageSize' | 'conditionCategories'>> = {}): QueryConfig {
  const codes = searchCodes(policy);
  const udt = policy.intervals.udt;
  return {
    surveyCodes: codes.survey,
    pdmpObservationCodes: codes.pdmpObservation,
    pdmpProcedureCodes: codes.pdmpProcedure,
    agreementCodes: codes.agreement,
    udtCodes: codes.udt,
    // Long enough for every rule that looks back at orders: current orders, the naloxone look-back, the window.
    medicationWindowDays: Math.max(policy.medications.readWindowDays.value, policy.medications.currentLookbackDays.value, policy.naloxone.lookbackDays.value),
    // Two of the longest UDT intervals, so an overdue test still shows its last date (not "never done").
    labLookbackDays: Math.max(730, 2 * Math.max(udt.low, udt.moderate, udt.high)),
    pageSize: overrides.pageSize ?? 200,
    conditionCategories: overrides.conditionCategories ?? [],
  };
}

export const DEFAULT_QUERY_CONFIG: QueryConfig = queryConfigFromPolicy(DEFAULT_POLICY);
