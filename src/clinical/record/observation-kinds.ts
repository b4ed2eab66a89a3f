/**
 * Which monitored facts an Observation's code may carry (urine drug test, survey, PDMP check, agreement), from the
 * engine's own code lists: the same lists decide what counts, so a record that cannot be read is flagged by
 * exactly the codes that would have made it count. Built once per policy.
 */
import type { Observation } from 'fhir/r4';
import { UDT_LOINC } from '../codes/udt.generated.ts';
import { codeSet, findCoding, LOINC } from '../codes/systems.ts';
import type { Policy } from '../policy/types.ts';
import type { FactKind } from './types.ts';

// Survey panels and their items (PHQ-9 and GAD-7 items may arrive as separate Observations a panel references).
const SURVEY_PANELS = ['44249-1', '55757-9', '69737-5', '44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8',
  '69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7'];

export interface ObservationCodeSets {
  udt: Set<string>;
  survey: Set<string>;
  pdmp: Set<string>;
  agreement: Set<string>;
}

const BY_POLICY = new WeakMap<Policy, ObservationCodeSets>();

export function observationCodeSets(policy: Policy): ObservationCodeSets {
  let sets = BY_POLICY.get(policy);
  if (!sets) {
    const c = policy.codes;
    const loinc = (codes: readonly string[]) => codes.map((code) => ({ system: LOINC, code }));
    sets = {
      udt: codeSet([...loinc(UDT_LOINC.map(([code]) => code)), ...c.udtExtra.codes]),
      survey: codeSet([...c.pegPanel.codes, ...c.pegMean.codes, ...c.pegPain.codes, ...c.pegEnjoyment.codes, ...c.pegActivity.codes,
        ...c.phq9Total.codes, ...c.phq9Item9.codes, ...c.phq2Total.codes, ...c.gad7Total.codes, ...c.ortTotal.codes, ...loinc(SURVEY_PANELS)]),
      pdmp: codeSet(c.pdmpObservation.codes),
      agreement: codeSet(c.agreement.codes),
    };
    BY_POLICY.set(policy, sets);
  }
  return sets;
}

/** The fact kinds this Observation's code belongs to (empty: not a monitored observation). */
export function observationKinds(o: Observation, sets: ObservationCodeSets): FactKind[] {
  const out: FactKind[] = [];
  try {
    if (findCoding(o.code, sets.udt)) out.push('udt');
    if (findCoding(o.code, sets.survey)) out.push('survey');
    if (findCoding(o.code, sets.pdmp)) out.push('pdmp');
    if (findCoding(o.code, sets.agreement)) out.push('agreement');
  } catch {
    // an unreadable code cannot be classified: the caller reports the resource
  }
  return out;
}

/**
 * The codes the data layer searches for, bare (a server matches `code=91148-7` whatever system spelling it
 * stores — https://loinc.org, urn:oid:… — and the engine normalises it): exactly the engine's own lists, so a
 * search by them cannot drop a record the rules would use.
 */
export interface SearchCodes {
  udt: string[];
  survey: string[];
  pdmpObservation: string[];
  pdmpProcedure: string[];
  agreement: string[];
}

export function searchCodes(policy: Policy): SearchCodes {
  const c = policy.codes;
  const bare = (...lists: { codes: { code: string }[] }[]) => [...new Set(lists.flatMap((l) => l.codes.map((x) => x.code)))];
  return {
    udt: [...new Set([...UDT_LOINC.map(([code]) => code), ...c.udtExtra.codes.map((x) => x.code)])],
    survey: [...new Set([...bare(c.pegPanel, c.pegMean, c.pegPain, c.pegEnjoyment, c.pegActivity, c.phq9Total, c.phq9Item9, c.phq2Total, c.gad7Total, c.ortTotal), ...SURVEY_PANELS])],
    pdmpObservation: bare(c.pdmpObservation),
    pdmpProcedure: bare(c.pdmpProcedure),
    agreement: bare(c.agreement),
  };
}
