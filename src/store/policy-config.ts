/**
 * The loader's query codes and look-backs, taken from the clinic policy (src/clinical/policy).
 *
 * @example
 *   queryConfigFromPolicy(DEFAULT_POLICY).labLookbackDays // 730: two UDT intervals, at least two years
 */
import type { Policy } from '../clinical/policy/index.ts';
import type { CodeRef, QueryConfig } from '../fhir/codes.ts';

const codes = (...lists: Array<{ codes: CodeRef[] }>): CodeRef[] =>
  lists.flatMap((l) => l.codes.map(({ system, code }) => ({ system, code })));

export function queryConfigFromPolicy(policy: Policy): Partial<QueryConfig> {
  const c = policy.codes;
  const udt = policy.intervals.udt;
  return {
    surveyCodes: [
      ...codes(c.pegPanel, c.pegMean, c.pegPain, c.pegEnjoyment, c.pegActivity, c.phq9Total, c.phq9Item9, c.phq2Total, c.gad7Total, c.ortTotal),
      { system: 'http://loinc.org', code: '44249-1' }, // PHQ-9 panel: no policy slot, but item 9 may hang off it
    ],
    pdmpObservationCodes: codes(c.pdmpObservation),
    pdmpProcedureCodes: codes(c.pdmpProcedure),
    agreementCodes: codes(c.agreement),
    // Orders: current-order window, and long enough for the naloxone look-back.
    medicationLookbackDays: Math.max(policy.medications.currentLookbackDays.value, policy.naloxone.lookbackDays.value),
    // UDT: two of the longest intervals, so an overdue test still shows its last date (not "never done").
    labLookbackDays: Math.max(730, 2 * Math.max(udt.low, udt.moderate, udt.high)),
  };
}
