/**
 * Default clinic policy (CDC 2022 + Washington's rules). public/policy.json is this object serialised;
 * tests/clinical/policy checks they are identical. Every value cites the public sources behind it (citations.ts);
 * a value with no published basis says it is the clinic's choice.
 */
import { CITE, loinc } from './citations.ts';
import type { Citation, Policy } from './types.ts';

const L = 'http://loinc.org';
const S = 'http://snomed.info/sct';
const choice = (what: string): Citation => ({ label: `Clinic choice: ${what}` });

export const DEFAULT_POLICY: Policy = {
  version: 1,
  name: 'Default: CDC 2022 + Washington State rules',
  source: [CITE.cdc2022, CITE.waRule, CITE.sixBB],
  risk: {
    highMme: { value: 90, source: [CITE.cdc2016Dose, choice('CDC 2022 dropped the 90 MME/day wording; many clinics keep it as the high-risk threshold')] },
    moderateMme: { value: 50, source: [CITE.cdc2022Rec4, CITE.cdc2022Rec8] },
    ortHigh: { value: 8, source: [CITE.webster] },
    ortModerate: { value: 4, source: [CITE.webster] },
    olderAge: { value: 65, source: [CITE.cdc2022Rec8] },
    minAge: { value: 18, source: [CITE.cdc2022Scope] },
    sudRecentDays: { value: 365, source: [CITE.riskScheme] },
    mentalHealthScoreDays: { value: 365, source: [CITE.cdc2022Rec8, choice('PHQ-9 or GAD-7 scores of the last 12 months count')] },
    phq9Moderate: { value: 10, source: [CITE.kroenkePhq9] },
    gad7Moderate: { value: 10, source: [CITE.spitzerGad7] },
    exclusionLookbackDays: { value: 365, source: [CITE.cdc2022Scope, CITE.cdcCds] },
  },
  intervals: {
    pdmp: { low: 90, moderate: 90, high: 30, source: [CITE.cdc2022Rec9, CITE.cdcPdmp, CITE.riskScheme] },
    udt: { low: 365, moderate: 180, high: 90, source: [CITE.waRule, CITE.argoff, CITE.cdc2022Rec10] },
    agreement: { low: 365, moderate: 365, high: 365, source: [CITE.waRules, CITE.sixBBMilestones, CITE.cosri, CITE.riskScheme] },
    phq9: { low: 365, moderate: 180, high: 180, source: [choice('no published PHQ-9 frequency for long-term opioid therapy; yearly, twice a year at moderate or high risk'), CITE.kroenkePhq9] },
  },
  dueSoonDays: { value: 30, source: [choice('how many days before a due date an item shows as due soon')] },
  peg: {
    overdueDays: { value: 90, source: [CITE.sixBBAssessments, CITE.sixBBMilestones, CITE.cdc2022Rec7, CITE.krebsPeg] },
    improvementPct: { value: 30, source: [CITE.cdc2022Rec7, CITE.krebsPeg] },
  },
  phq2: { positive: { value: 3, source: [CITE.kroenkePhq2] } },
  naloxone: {
    lookbackDays: { value: 730, source: [CITE.cdcCds, CITE.cdc2022Rec8] },
    mme: { value: 50, source: [CITE.cdc2022Rec8] },
  },
  medications: {
    currentLookbackDays: { value: 730, source: [CITE.cdcCds] },
    readWindowDays: { value: 730, source: [CITE.cdcCds, choice('orders of the last 2 years are read at launch; older ones on demand')] },
  },
  course: {
    taperMonthlyPct: { value: 10, source: [CITE.cdc2022Rec5, CITE.hhsTaper] },
    taperWeeklyPct: { value: 10, source: [CITE.hhsTaper] },
    longCourseDays: { value: 365, source: [CITE.hhsTaper] },
    longTermDays: { value: 90, source: [CITE.cdc2022] },
    abruptStopMme: { value: 50, source: [CITE.cdc2022Rec5, CITE.fdaTaper2019, choice('the dose from which a stop is flagged')] },
    abruptStopMinDays: { value: 30, source: [choice('a stop is flagged only after a course of at least this many days (a few days after surgery need no taper)')] },
    escalationPct: { value: 25, source: [CITE.cdc2022Rec4, choice('the increase in 30 days that is flagged')] },
    earlyRefillShare: { value: 0.75, source: [choice('a refill before 75% of the previous supply could have been used is early')] },
    multiplePrescribers: { value: 4, source: [CITE.pqaMultipleProviders] },
    prescriberWindowDays: { value: 180, source: [CITE.pqaMultipleProviders] },
  },
  // Pain support team (README "Pain support team"); one block so the source format can be adapted in one place.
  review: {
    queueMme: { value: 90, source: [CITE.sixBBComplex, CITE.cdc2022Rec4, CITE.cdc2016Dose, choice('the MME/day from which a patient is listed for team review')] },
    careGapDays: { value: 30, source: [CITE.sixBB, choice('a PDMP check, urine drug test, agreement or naloxone overdue by more than 30 days lists the patient (never done lists at once)')] },
    flagWindowDays: { value: 90, source: [choice('course flags (taper pace, stop without a taper, dose increase, early refills, several prescribers) from the last 90 days list the patient')] },
    variationMinPatients: { value: 5, source: [choice("a prescriber's shares are set beside the clinic's only from 5 patients; fewer are shown as counts (small-denominator rates are unstable)")] },
  },
  plausibility: {
    maxUnitsPerDose: { value: 10, source: [choice('a dose of more than 10 tablets, capsules or patches at once is read as an entry error ("implausible — verify")'), CITE.ismp] },
    maxMlPerDose: { value: 60, source: [choice('more than 60 mL of an oral liquid per dose is read as an entry error')] },
    maxDosesPerDay: { value: 24, source: [choice('more often than hourly is read as an entry error')] },
    maxMmePerOrder: { value: 5000, source: [choice('one order above 5,000 MME/day is shown "implausible — verify", never as a confident number')] },
  },
  udt: {
    prescribedLookbackDays: { value: 30, source: [CITE.cdcCds, CITE.cdc2022Rec10] },
  },
  codes: {
    pdmpObservation: { codes: [{ system: S, code: '461651000124104', display: 'Review of PDMP record done (situation)' }], source: [CITE.cdcCpgPdmpObs, CITE.cdcCds] },
    pdmpProcedure: { codes: [{ system: S, code: '461621000124108', display: 'Review of PDMP record (procedure)' }], source: [CITE.cdcCpgPdmpProc, CITE.cdcCds] },
    agreement: { codes: [{ system: L, code: '94136-9', display: 'Controlled substance agreement' }], source: [loinc('94136-9', 'Controlled substance agreement'), CITE.cosri, choice('no standard code exists for a signed agreement; add your EHR\'s document type')] },
    udtExtra: { codes: [], source: [choice('local urine drug test codes, added to the CDC and VSAC urine drug test value sets'), CITE.vsac] },
    pegPanel: { codes: [{ system: L, code: '91148-7' }], source: [loinc('91148-7', 'PEG panel'), CITE.krebsPeg] },
    pegMean: { codes: [{ system: L, code: '91147-9' }], source: [loinc('91147-9', 'PEG mean score')] },
    pegPain: { codes: [{ system: L, code: '75893-8' }], source: [loinc('75893-8', 'pain intensity (PEG item 1)')] },
    pegEnjoyment: { codes: [{ system: L, code: '91145-3' }], source: [loinc('91145-3', 'interference with enjoyment of life (PEG item 2)')] },
    pegActivity: { codes: [{ system: L, code: '91146-1' }], source: [loinc('91146-1', 'interference with general activity (PEG item 3)')] },
    phq9Total: { codes: [{ system: L, code: '44261-6' }], source: [loinc('44261-6', 'PHQ-9 total score')] },
    phq9Item9: { codes: [{ system: L, code: '44260-8' }], source: [loinc('44260-8', 'PHQ-9 item 9 (thoughts of self-harm)')] },
    phq2Total: { codes: [{ system: L, code: '55758-7' }], source: [loinc('55758-7', 'PHQ-2 total score')] },
    gad7Total: { codes: [{ system: L, code: '70274-6' }], source: [loinc('70274-6', 'GAD-7 total score')] },
    ortTotal: { codes: [{ system: L, code: '91392-1' }], source: [loinc('91392-1', 'Opioid Risk Tool total score'), CITE.webster] },
    cancerTreatmentProcedure: {
      codes: [
        { system: S, code: '367336001', display: 'Chemotherapy' },
        { system: S, code: '108290001', display: 'Radiation oncology AND/OR radiotherapy' },
        { system: S, code: '33195004', display: 'Teleradiotherapy procedure' },
        { system: S, code: '266719004', display: 'Oncology chemotherapy procedure' },
      ],
      source: [CITE.snomedCancer, choice('these procedures count as evidence of active cancer treatment')],
    },
  },
};
