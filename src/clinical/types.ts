/**
 * Shared contracts of the clinical engine. Pure types: no React, no I/O, no clock.
 *
 * The engine reads plain FHIR R4 JSON (type-only imports from `fhir/r4`) plus a per-source load
 * status from the data layer, and an `asOf` calendar date (YYYY-MM-DD) chosen by the caller.
 * Field names that appear in the `summarize` command's JSON are a public contract: extend, never rename.
 */
import type { Resource } from 'fhir/r4';
import type { CourseResult } from './course/types.ts';

/** A calendar date, YYYY-MM-DD. All interval arithmetic is on calendar dates, never on local time. */
export type IsoDate = string;

/** Everything the engine knows about one patient: the resources that were read. */
export type PatientResources = readonly Resource[];

// ---------------------------------------------------------------------------------------------
// Load status (filled by src/fhir, read by the engine; a bundle file on the command line is "loaded")
// ---------------------------------------------------------------------------------------------

/** One search the data layer runs. Monitoring items name the sources their evidence comes from. */
export type SourceKey =
  | 'patient'
  | 'medications' // MedicationRequest (+ Medication)
  | 'conditions'
  | 'surveys' // Observation by code: PEG, PHQ-9, PHQ-2, GAD-7, ORT
  | 'pdmp' // Observation by code: PDMP review finding
  | 'agreement' // Observation by code: patient agreement
  | 'udt' // Observation category=laboratory + date: urine drug tests
  | 'procedures' // Procedure: PDMP review, hospice, cancer treatment, non-drug therapies (optional, by scope)
  | 'documents' // DocumentReference: patient agreement (optional, by scope)
  | 'dispenses' // MedicationDispense: pharmacy fills (optional, by scope)
  | 'statements' // MedicationStatement: medications the patient reports or outside lists (optional, by scope)
  | 'questionnaires' // QuestionnaireResponse: PEG, PHQ-9, PHQ-2, GAD-7 as forms (optional, by scope)
  | 'referrals'; // ServiceRequest: referrals to non-drug therapies (optional, by scope)

export type SourceState =
  | 'loading'
  | 'loaded' // every page read
  | 'partial' // some pages read, then a failure: what is present is true, absence proves nothing
  | 'unavailable' // could not be read (error, not permitted): nothing can be concluded
  | 'not-requested'; // not part of this launch (e.g. optional source outside the granted scopes)

export interface SourceStatus {
  state: SourceState;
  /** Human-readable reason for partial/unavailable/not-requested, e.g. "server error 503 after 3 tries". */
  reason?: string;
  /**
   * How far back the source was read: the earliest date it covers, or null for the whole record. Absent when not
   * stated (a file on the command line is the whole record). Rules never read absence before this date as "none".
   */
  since?: IsoDate | null;
}

/**
 * Per-source status. A missing key means "loaded" (e.g. a complete Bundle file read by the CLI).
 */
export type LoadStatus = Partial<Record<SourceKey, SourceStatus>>;

// ---------------------------------------------------------------------------------------------
// MME (issue 3)
// ---------------------------------------------------------------------------------------------

export type MmeEdition = 'cdc-2022' | 'cdc-2016';

export interface MmeOptions {
  asOf: IsoDate;
  edition?: MmeEdition; // default cdc-2022
  /** Clinic opt-in: use the labelled CDC data-file (research) factors for opioids without a clinical factor. */
  useResearchFactors?: boolean;
  /** Active/on-hold orders authored more than this many days before asOf are stale (default 730, CDC CDS 2-year look-back). */
  activeLookbackDays?: number;
  /** Bounds beyond which an order is "implausible — verify" (defaults: PLAUSIBILITY in mme/plausibility.ts). */
  plausibility?: PlausibilityBounds;
}

export interface PlausibilityBounds {
  maxUnitsPerDose: number;
  maxMlPerDose: number;
  maxDosesPerDay: number;
  maxMmePerOrder: number;
}

export type MmeOrderStatus = 'counted' | 'excluded' | 'unknown';

export interface MmeIngredientLine {
  ingredient: string; // e.g. "oxycodone"
  ingredientRxcui?: string;
  strength: number; // per unit (tablet, mL, patch) in strengthUnit
  strengthUnit: string; // "mg", "mg/mL", "mcg/hr", ...
  dailyAmount: number | null; // mg/day, or mcg/hr worn at once for patches
  amountUnit: string; // "mg/day" | "mcg/hr"
  factor: number | null;
  factorSource?: string; // citation of the factor row
  mmePerDay: number | null;
}

export interface MmeOrderResult {
  medicationRequestId: string;
  medication: string; // display text
  status: MmeOrderStatus;
  mmePerDay: number | null;
  dailyAmount: number | null;
  amountUnit: string | null;
  factor: number | null;
  /** Why it was counted/excluded/unknown, in plain words ("PRN, counted at max", "MOUD — not counted", ...). */
  reason: string;
  /** Hand-checkable arithmetic: "5 mg × 1 tab × 4/day = 20 mg/day × 1.5 = 30 MME/day". */
  derivation: string;
  /** Machine-readable labels: 'prn-max' | 'estimated-from-dispense' | 'on-hold' | 'moud' | 'research-factor' | ... */
  flags: string[];
  ingredients: MmeIngredientLine[];
  authoredOn: IsoDate | null;
  /** Requester display/reference when present (registry: responsible prescriber). */
  requester?: string;
  /** Long-acting / extended-release opioid or methadone (used by the risk tier). */
  longActing?: boolean;
  /** For an unknown ER/LA order: the least it can amount to (one unit a day, one patch worn), MME/day. */
  minMmePerDay?: number;
  /** Set when the exposure is not an order: a pharmacy fill or a reported medication (medicationRequestId is then its id). */
  source?: 'fill' | 'statement';
}

export interface MmeResult {
  edition: MmeEdition;
  /** Sum of counted orders; 0 with no counted orders; null only when opioid orders exist and none could be computed. */
  totalPerDay: number | null;
  /** False whenever any current opioid order is unknown. */
  complete: boolean;
  /**
   * A true lower bound of the total: counted orders plus the least each unknown ER/LA order can amount to. Equals
   * totalPerDay (or 0) when complete. Thresholds use it when incomplete: an unknown dose never reads as "< 50".
   */
  atLeast: number;
  orders: MmeOrderResult[];
}

// ---------------------------------------------------------------------------------------------
// Risk tier and monitoring (issue 4)
// ---------------------------------------------------------------------------------------------

export type RiskTier = 'high' | 'moderate' | 'low' | 'unknown' | 'not-applicable';

/** A public source behind a rule: a title a clinician can look up, and its link when it has one. */
export interface Citation {
  label: string; // "CDC 2022 opioid prescribing guideline, Recommendation 9 (review the PDMP)"
  url?: string; // https://…
}

export interface Reason {
  id: string; // rule id, e.g. "H4-mme-90" (for programs; the panel does not show it)
  text: string; // "Total MME 96/day is at or above 90"
  /** The citations as one plain-text line (labels joined by "; "). */
  source: string; // "CDC 2016 opioid prescribing guideline, Recommendation 5 …; Your clinic's policy: 90 MME/day"
  /** The same sources, structured (title + link). */
  citations?: Citation[];
}

export interface RiskResult {
  tier: RiskTier;
  reasons: Reason[];
}

export type MonitoringItemId = 'pdmp' | 'udt' | 'agreement' | 'peg' | 'phq9' | 'ort' | 'naloxone';

export type MonitoringStatus =
  | 'overdue'
  | 'due-soon'
  | 'up-to-date'
  | 'never-done'
  | 'not-applicable'
  | 'unavailable';

export interface MonitoringItem {
  item: MonitoringItemId;
  status: MonitoringStatus;
  lastDate: IsoDate | null;
  /** Display of the last value, e.g. "PEG 4.3", "PHQ-9 12 (moderate)", "signed". */
  lastValue?: string | null;
  dueDate: IsoDate | null;
  intervalDays?: number | null;
  /** Plain-language why: the last event, the tier and the rule (sources are in `source` / `citations`). */
  reason: string;
  /** The public sources of the rule as one plain-text line (labels joined by "; "). */
  source?: string;
  /** The same sources, structured (title + link). */
  citations?: Citation[];
  /** Same-day alerts for the clinician (e.g. PHQ-9 item 9 > 0), never punitive. */
  alerts?: string[];
}

// ---------------------------------------------------------------------------------------------
// Panel summary (issue 4 derives it; the panel and the registry read it)
// ---------------------------------------------------------------------------------------------

export interface ScoreEntry {
  date: IsoDate;
  value: number;
  /** Severity band where the instrument has one ("moderate"), else undefined. */
  band?: string;
  observationId?: string;
  /** Where it was read from when not a plain Observation: a questionnaire form, or a panel's member items. */
  from?: 'questionnaire' | 'panel items';
}

export interface PegEntry {
  date: IsoDate;
  mean: number; // decimals kept, never rounded before comparison
  pain: number | null; // 75893-8
  enjoyment: number | null; // 91145-3
  activity: number | null; // 91146-1
  /** % change of the mean vs the course baseline (negative = improvement), null for the baseline itself. */
  changeFromBaselinePct: number | null;
  changeFromPreviousPct: number | null;
  /** True when the mean is ≥ 30% lower than the baseline (CDC: clinically meaningful improvement). */
  improved30: boolean;
  observationId?: string;
  derivedFromItems?: boolean;
  /** Where it was read from when not a plain Observation: a questionnaire form, or a panel's member items. */
  from?: 'questionnaire' | 'panel items';
}

export interface PegHistory {
  entries: PegEntry[]; // oldest first
  baseline: PegEntry | null; // first PEG of the current opioid course (or first on file)
  baselineRule: string; // how the baseline was chosen, in words
  /** True when the course began before the orders read: no baseline is claimed ("at or before"). */
  baselineUnknown?: boolean;
}

export type MedicationClass = 'opioid' | 'moud' | 'benzodiazepine' | 'cns-depressant' | 'naloxone';

export interface MedicationEntry {
  medicationRequestId: string;
  class: MedicationClass;
  display: string;
  status: string; // FHIR status
  authoredOn: IsoDate | null;
  current: boolean;
  /** Which rule/code matched, e.g. "RxNorm 197591 in CDC benzodiazepine-medications". */
  matchedBy: string;
  detail?: string; // e.g. "rescue naloxone (nasal spray)", "CNS depressant: gabapentinoid"
  /** Set when the entry is not an order: a pharmacy fill or a reported medication (medicationRequestId is then its id). */
  source?: 'fill' | 'statement';
  /** Date of the latest pharmacy fill of this exposure. */
  filled?: IsoDate;
  /** Why it matters with an opioid, one line (e.g. "muscle relaxant: adds sedation and breathing risk with opioids (CDC 2022 Rec 11)"). */
  why?: string;
}

export interface ConditionEntry {
  conditionId: string;
  display: string;
  code: string; // "ICD-10-CM F11.20" / "SNOMED 5602001"
  category: string; // e.g. "opioid use disorder", "sleep apnea", "exclusion: cancer"
  clinicalStatus: string | null;
  onsetOrRecorded: IsoDate | null;
  inRemission: boolean;
}

export interface UdtFinding {
  date: IsoDate;
  test: string; // analyte display
  result: string; // as reported ("Positive", "Negative", "150 ng/mL")
  /** 'review-positive': a class-level screen that a prescribed drug may or may not explain (e.g. an opiate screen with
   * only oxycodone prescribed) — not proof of anything, shown as "review with the clinician". */
  kind: 'unexpected-positive' | 'unexpected-negative' | 'review-positive';
  /** Neutral, non-punitive wording: "unexpected result — review with the clinician". */
  text: string;
  observationId?: string;
  /** The analyte(s) the test names ("hydrocodone", "fentanyl + norfentanyl"); absent for class-level screens. */
  analyte?: string;
  /** Why, in plain words (metabolism, what the test detects), and what helps (e.g. a confirmatory test). */
  explanation?: string;
}

export interface PanelSummary {
  asOf: IsoDate;
  patientId: string | null;
  mme: MmeResult;
  risk: RiskResult;
  monitoring: MonitoringItem[];
  peg: PegHistory;
  phq9: ScoreEntry[];
  gad7: ScoreEntry[];
  ort: ScoreEntry[];
  medications: MedicationEntry[];
  conditions: ConditionEntry[];
  unexpectedUdt: UdtFinding[];
  /** Same-day clinician alerts (e.g. PHQ-9 item 9 > 0). */
  alerts: string[];
  /** Things the engine could not use, in words (skipped resources, unknown codes): shown under "Data notes". */
  notes: string[];
  /** The opioid course over time (dose history, changes, pace flags, supply, prescribers); absent when not asked for. */
  course?: CourseResult;
  /** Non-opioid pain medicines (current or tried in the last year) and non-drug therapies on record. */
  nonOpioidCare?: NonOpioidCare;
}

export interface NonOpioidCare {
  medications: {
    id: string;
    display: string;
    group: string; // 'NSAID' | 'acetaminophen' | 'SNRI' | 'TCA' | 'gabapentinoid' | 'topical' | 'other adjuvant'
    detail: string;
    current: boolean;
    date: IsoDate | null;
    source: 'order' | 'fill' | 'statement';
    matchedBy: string;
  }[];
  therapies: {
    therapy: string; // 'physical therapy' | 'CBT / psychotherapy' | 'chiropractic' | …
    display: string;
    date: IsoDate | null;
    status: string;
    from: 'referral' | 'procedure';
    matchedBy: string;
  }[];
}
