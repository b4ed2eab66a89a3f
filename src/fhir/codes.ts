/**
 * What the loader asks the server for. The clinic policy (public/policy.json) supplies these; the
 * defaults below are used until it loads or when it leaves a list out. One line per code.
 */
export interface CodeRef {
  system: string;
  code: string;
}

export interface QueryConfig {
  /** Observation codes for the 'surveys' source (PEG, PHQ-9/2, GAD-7, ORT). */
  surveyCodes: CodeRef[];
  /** Observation codes for the 'pdmp' source. */
  pdmpObservationCodes: CodeRef[];
  /** Procedure codes for the optional 'procedures' source. */
  pdmpProcedureCodes: CodeRef[];
  /** Observation codes for 'agreement' and DocumentReference types for 'documents'. */
  agreementCodes: CodeRef[];
  /** MedicationRequest look-back (authoredon=ge asOf − days). */
  medicationLookbackDays: number;
  /** Laboratory Observation look-back for urine drug tests (date=ge asOf − days). */
  labLookbackDays: number;
  /** Requested page size (_count); servers may cap it lower. */
  pageSize: number;
  /** Condition categories to search by; empty = every Condition of the patient (see queries.ts). */
  conditionCategories: string[];
}

const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const loinc = (code: string): CodeRef => ({ system: LOINC, code });
const snomed = (code: string): CodeRef => ({ system: SNOMED, code });

export const DEFAULT_QUERY_CONFIG: QueryConfig = {
  surveyCodes: [
    loinc('91148-7'), // PEG 3-item pain scale panel
    loinc('91147-9'), // PEG mean score
    loinc('75893-8'), // PEG item: pain intensity
    loinc('91145-3'), // PEG item: interference with enjoyment of life
    loinc('91146-1'), // PEG item: interference with general activity
    loinc('44261-6'), // PHQ-9 total score
    loinc('44260-8'), // PHQ-9 item 9 (thoughts of self-harm)
    loinc('44249-1'), // PHQ-9 panel
    loinc('55758-7'), // PHQ-2 total score
    loinc('70274-6'), // GAD-7 total score
    loinc('91392-1'), // Opioid Risk Tool (ORT) total score
  ],
  pdmpObservationCodes: [snomed('461651000124104')], // PDMP review finding (CDC CPG IG PDMPReviewObservation)
  pdmpProcedureCodes: [snomed('461621000124108')], // PDMP review procedure (CDC CPG IG PDMPReviewProcedure)
  agreementCodes: [loinc('94136-9')], // patient agreement document (COSRI pattern)
  medicationLookbackDays: 730, // current orders plus two years of opioid exposure history
  labLookbackDays: 730, // UDT schedule is at most yearly; two years shows the previous result too
  pageSize: 200,
  conditionCategories: [],
};

/** "system|code,system|code" for a token search parameter. */
export function tokenList(codes: readonly CodeRef[]): string {
  return codes.map((c) => `${c.system}|${c.code}`).join(',');
}

/** Merges a partial (policy-derived) config over the defaults; empty lists fall back to the defaults. */
export function withDefaults(partial: Partial<QueryConfig> = {}): QueryConfig {
  const pick = <K extends keyof QueryConfig>(k: K): QueryConfig[K] => {
    const v = partial[k];
    if (v === undefined || (Array.isArray(v) && v.length === 0)) return DEFAULT_QUERY_CONFIG[k];
    return v as QueryConfig[K];
  };
  return {
    surveyCodes: pick('surveyCodes'),
    pdmpObservationCodes: pick('pdmpObservationCodes'),
    pdmpProcedureCodes: pick('pdmpProcedureCodes'),
    agreementCodes: pick('agreementCodes'),
    medicationLookbackDays: pick('medicationLookbackDays'),
    labLookbackDays: pick('labLookbackDays'),
    pageSize: pick('pageSize'),
    conditionCategories: partial.conditionCategories ?? DEFAULT_QUERY_CONFIG.conditionCategories,
  };
}
