/**
 * Clinic policy: every threshold, interval, look-back and code list the risk tier and the monitoring schedule
 * use, each with its `source`: the public citations behind the default, `[{label, url}]` (url optional for a
 * clinic's own choice). Shipped default: public/policy.json (= DEFAULT_POLICY). Validated by parsePolicy.
 */
import type { CodeRef } from '../codes/systems.ts';
import type { Citation } from '../types.ts';

export type { Citation };

export interface Threshold {
  value: number;
  source: Citation[];
}

/** Days between events, per risk tier. `unknown` tier uses `moderate` (issue 4). */
export interface TierIntervals {
  low: number;
  moderate: number;
  high: number;
  source: Citation[];
}

export interface CodeList {
  codes: CodeRef[];
  source: Citation[];
}

export type IntervalItem = 'pdmp' | 'udt' | 'agreement' | 'phq9';

export interface Policy {
  version: 1;
  name: string;
  source: Citation[];
  risk: {
    highMme: Threshold; // total MME/day ≥ value → high
    moderateMme: Threshold; // total MME/day ≥ value (and < highMme) → moderate
    ortHigh: Threshold; // ORT ≥ value → high
    ortModerate: Threshold; // ORT ≥ value → moderate
    olderAge: Threshold; // age ≥ value → moderate
    minAge: Threshold; // age < value → not applicable
    sudRecentDays: Threshold; // other SUD recorded within → high; older → moderate
    mentalHealthScoreDays: Threshold; // PHQ-9/GAD-7 look-back
    phq9Moderate: Threshold;
    gad7Moderate: Threshold;
    exclusionLookbackDays: Threshold; // malignancy recorded/treated, hospice procedure within → excluded
  };
  intervals: Record<IntervalItem, TierIntervals>;
  dueSoonDays: Threshold;
  peg: { overdueDays: Threshold; improvementPct: Threshold };
  phq2: { positive: Threshold };
  naloxone: { lookbackDays: Threshold; mme: Threshold };
  medications: { currentLookbackDays: Threshold; readWindowDays: Threshold };
  /** The opioid course over time: taper pace, abrupt stops, escalation, refills, prescribers. */
  course: {
    taperMonthlyPct: Threshold;
    taperWeeklyPct: Threshold;
    longCourseDays: Threshold;
    longTermDays: Threshold;
    abruptStopMme: Threshold;
    abruptStopMinDays: Threshold;
    escalationPct: Threshold;
    earlyRefillShare: Threshold;
    multiplePrescribers: Threshold;
    prescriberWindowDays: Threshold;
  };
  /** The pain support team (README "Pain support team"): which patients its queue lists, how its variation view reads small numbers. */
  review: {
    queueMme: Threshold; // MME/day (lower bound when incomplete) ≥ value → listed for review
    careGapDays: Threshold; // a safety monitoring item overdue by more than this many days → listed
    flagWindowDays: Threshold; // course flags dated within this many days → listed
    variationMinPatients: Threshold; // a prescriber's shares are compared with the clinic's from this many patients
  };
  /** Bounds beyond which an order is "implausible — verify" (a data-entry error), never a confident MME. */
  plausibility: { maxUnitsPerDose: Threshold; maxMlPerDose: Threshold; maxDosesPerDay: Threshold; maxMmePerOrder: Threshold };
  udt: { prescribedLookbackDays: Threshold };
  codes: {
    pdmpObservation: CodeList;
    pdmpProcedure: CodeList;
    agreement: CodeList;
    udtExtra: CodeList;
    pegPanel: CodeList;
    pegMean: CodeList;
    pegPain: CodeList;
    pegEnjoyment: CodeList;
    pegActivity: CodeList;
    phq9Total: CodeList;
    phq9Item9: CodeList;
    phq2Total: CodeList;
    gad7Total: CodeList;
    ortTotal: CodeList;
    cancerTreatmentProcedure: CodeList;
  };
}

export type ParseResult = { ok: true; policy: Policy } | { ok: false; errors: string[] };
