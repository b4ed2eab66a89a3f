/**
 * Default clinic policy (CDC 2022 + Washington's rules). public/policy.json is this object serialised;
 * tests/clinical/policy checks they are identical. Sources are cited per value (clinical-rules.md §2–§5).
 */
import type { Policy } from './types.ts';

const L = 'http://loinc.org';
const S = 'http://snomed.info/sct';

export const DEFAULT_POLICY: Policy = {
  version: 1,
  name: 'Default: CDC 2022 + Washington State rules',
  source: 'Pain Care Panel issue 4 defaults; clinical-rules.md §2–§5',
  risk: {
    highMme: { value: 90, source: 'CDC 2016 ≥90 MME/day threshold (2022 dropped the wording; clinic choice, clinical-rules.md §5.3)' },
    moderateMme: { value: 50, source: 'CDC 2022 Rec 4/8; CDC CDS alerts at MME ≥ 50' },
    ortHigh: { value: 8, source: 'Opioid Risk Tool (Webster 2005): ≥8 high' },
    ortModerate: { value: 4, source: 'Opioid Risk Tool (Webster 2005): 4–7 moderate' },
    olderAge: { value: 65, source: 'CDC 2022 risk factors (age ≥65)' },
    minAge: { value: 18, source: 'CDC 2022 scope: adults ≥18; CDC CDS inclusion criteria' },
    sudRecentDays: { value: 365, source: 'Recent SUD = high, remote SUD = moderate (PMC7787190; issue 4: last 12 months)' },
    mentalHealthScoreDays: { value: 365, source: 'Issue 4: PHQ-9/GAD-7 ≥10 in the last 12 months' },
    phq9Moderate: { value: 10, source: 'PHQ-9 10–14 = moderate depression (Kroenke 2001)' },
    gad7Moderate: { value: 10, source: 'GAD-7 10–14 = moderate anxiety (Spitzer 2006)' },
    exclusionLookbackDays: {
      value: 365,
      source: 'CDC CDS "active cancer treatment" look-back of 12 months (general inclusion criteria); our rule: active malignancy, or one recorded/abated/treated in the window; hospice procedures in the window',
    },
  },
  intervals: {
    pdmp: { low: 90, moderate: 90, high: 30, source: 'CDC 2022 Rec 9 (every 3 months or more often); CDC CDS 90-day PDMP rule; high: monthly (6BB/PMC7787190)' },
    udt: { low: 365, moderate: 180, high: 90, source: 'WAC 246-919-920 / 246-918-870 (annual, semiannual, quarterly); Argoff 2018 consensus' },
    agreement: { low: 365, moderate: 365, high: 365, source: 'WA rule (agreement annually, COSRI text); PMC7787190 yearly' },
    phq9: { low: 365, moderate: 180, high: 180, source: 'Clinic proposal (clinical-rules.md §5.2, no retrieved 6BB frequency)' },
  },
  dueSoonDays: { value: 30, source: 'Clinic choice: "due soon" window before the due date' },
  peg: {
    overdueDays: { value: 90, source: '6BB: PEG at every visit with an opioid Rx; flag when none in 90 days (CDC CDS Rec 7 90-day rule)' },
    improvementPct: { value: 30, source: 'CDC: ≥30% improvement in pain/function is clinically meaningful' },
  },
  phq2: { positive: { value: 3, source: 'PHQ-2 ≥3 positive → administer PHQ-9 (Kroenke 2003)' } },
  naloxone: {
    lookbackDays: { value: 730, source: 'CDC CDS "active naloxone" look-back 2 years (OpioidCDSCommon.cql); COSRI uses 1 year' },
    mme: { value: 50, source: 'CDC 2022 Rec 8: offer naloxone at ≥50 MME/day' },
  },
  medications: {
    currentLookbackDays: { value: 730, source: 'CDC CDS "Active Ambulatory ... Rx": active orders authored within 2 years' },
    readWindowDays: { value: 730, source: 'Orders read at launch: the 2-year look-back of CDC CDS "Active Ambulatory Opioid Rx" and of the naloxone rule; older orders are read on demand' },
  },
  course: {
    taperMonthlyPct: { value: 10, source: 'CDC 2022 Rec 5 and HHS Guide for Clinicians on the Appropriate Dosage Reduction or Discontinuation of Long-Term Opioid Analgesics (2019): about 10% per month or slower after a year or more of therapy' },
    taperWeeklyPct: { value: 10, source: 'HHS 2019 dosage-reduction guide: about 10% per week may be tolerated after a shorter course (weeks to months)' },
    longCourseDays: { value: 365, source: 'HHS 2019 dosage-reduction guide: "a year or more" of opioid therapy calls for the slower monthly pace' },
    longTermDays: { value: 90, source: 'CDC 2022: long-term opioid therapy is use on most days for more than 3 months' },
    abruptStopMme: { value: 50, source: 'CDC 2022 Rec 5; FDA Drug Safety Communication (April 2019): do not stop opioids abruptly in physically dependent patients; clinic choice of the dose from which a stop is flagged' },
    abruptStopMinDays: { value: 30, source: 'Clinic choice: a stop is flagged only after a course of at least this many days (a few days after surgery need no taper)' },
    escalationPct: { value: 25, source: 'CDC 2022 Rec 4 (weigh carefully any increase, especially toward 50 and 90 MME/day); clinic choice of the percentage in 30 days that is flagged' },
    earlyRefillShare: { value: 0.75, source: 'Clinic choice: a refill before 75% of the previous supply could have been used is early (PDMP early-refill patterns)' },
    multiplePrescribers: { value: 4, source: 'PQA "Use of Opioids from Multiple Providers" measure: 4 or more prescribers (and 4 or more pharmacies) within 180 days' },
    prescriberWindowDays: { value: 180, source: 'PQA "Use of Opioids from Multiple Providers" measure: 180-day window' },
  },
  // Pain support team (README "Pain support team"); one block so the source format can be adapted in one place.
  review: {
    queueMme: { value: 90, source: '6BB Chronic Pain Management Support Teams: review data to identify high-risk patients; CDC 2022 Rec 4 (avoid increasing to 90 MME/day or more, or justify it) and the CDC 2016 90 MME/day threshold — clinic choice of the review threshold' },
    careGapDays: { value: 30, source: '6BB Chronic Pain Management Support Teams: review data to identify care gaps; clinic choice: a PDMP check, urine drug test, agreement or naloxone overdue by more than 30 days lists the patient (never done lists at once)' },
    flagWindowDays: { value: 90, source: 'Clinic choice: course flags (taper pace, stop without a taper, dose increase, early refills, several prescribers) from the last 90 days list the patient — about one quarter, as the team meets monthly at first (6BB Chronic Pain Management Support Teams: timing)' },
    variationMinPatients: { value: 5, source: 'Clinic choice: a prescriber\'s shares are set beside the clinic\'s only from 5 patients; fewer are shown as counts, because a share of 1 in 2 swings with one patient (small-denominator rates are unstable)' },
  },
  plausibility: {
    maxUnitsPerDose: { value: 10, source: 'Data-entry screening bound chosen by the clinic (a dose of more than 10 tablets, capsules or patches at once is read as an entry error and shown "implausible — verify"); ISMP error-prone dose designations (trailing zeros, misplaced decimal points)' },
    maxMlPerDose: { value: 60, source: 'Data-entry screening bound chosen by the clinic (more than 60 mL of an oral liquid per dose)' },
    maxDosesPerDay: { value: 24, source: 'Data-entry screening bound chosen by the clinic: more often than hourly (e.g. "every 0.000001 hours") is an entry error' },
    maxMmePerOrder: { value: 5000, source: 'Data-entry screening bound chosen by the clinic: one order above 5,000 MME/day is shown "implausible — verify", never as a confident number' },
  },
  udt: {
    prescribedLookbackDays: { value: 30, source: 'CDC CDS possible-unexpected-results: substances ordered in the 30 days before the test' },
  },
  codes: {
    pdmpObservation: { codes: [{ system: S, code: '461651000124104', display: 'Review of PDMP record done (situation)' }], source: 'HL7 CDC CPG IG PDMPReviewObservation; opioid-cds-r4 pdmp-data-reviewed-finding' },
    pdmpProcedure: { codes: [{ system: S, code: '461621000124108', display: 'Review of PDMP record (procedure)' }], source: 'HL7 CDC CPG IG PDMPReviewProcedure; opioid-cds-r4 pdmp-review-procedure' },
    agreement: { codes: [{ system: L, code: '94136-9', display: 'Controlled substance agreement' }], source: 'UW COSRI CS_AGREEMENT_CODE (no standard code exists; clinical-rules.md §4.1)' },
    udtExtra: { codes: [], source: 'Clinic-local urine drug test codes (added to the opioid-cds-r4 UDT sets and VSAC 1032.28)' },
    pegPanel: { codes: [{ system: L, code: '91148-7' }], source: 'LOINC PEG panel' },
    pegMean: { codes: [{ system: L, code: '91147-9' }], source: 'LOINC PEG mean score (AHRQ PMS CQL)' },
    pegPain: { codes: [{ system: L, code: '75893-8' }], source: 'LOINC PEG item 1' },
    pegEnjoyment: { codes: [{ system: L, code: '91145-3' }], source: 'LOINC PEG item 2' },
    pegActivity: { codes: [{ system: L, code: '91146-1' }], source: 'LOINC PEG item 3' },
    phq9Total: { codes: [{ system: L, code: '44261-6' }], source: 'LOINC PHQ-9 total score' },
    phq9Item9: { codes: [{ system: L, code: '44260-8' }], source: 'LOINC PHQ-9 item 9 (thoughts of self-harm)' },
    phq2Total: { codes: [{ system: L, code: '55758-7' }], source: 'LOINC PHQ-2 total score (not the 55757-9 panel, pitfall 10)' },
    gad7Total: { codes: [{ system: L, code: '70274-6' }], source: 'LOINC GAD-7 total score' },
    ortTotal: { codes: [{ system: L, code: '91392-1' }], source: 'LOINC ORT total score (AHRQ PMS CQL)' },
    cancerTreatmentProcedure: {
      codes: [
        { system: S, code: '367336001', display: 'Chemotherapy' },
        { system: S, code: '108290001', display: 'Radiation oncology AND/OR radiotherapy' },
        { system: S, code: '33195004', display: 'Teleradiotherapy procedure' },
        { system: S, code: '266719004', display: 'Oncology chemotherapy procedure' },
      ],
      source: 'SNOMED CT chemotherapy/radiotherapy procedures (our choice: evidence of active cancer treatment)',
    },
  },
};
