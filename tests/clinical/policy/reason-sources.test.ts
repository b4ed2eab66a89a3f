/**
 * Every reason the risk tier and the monitoring schedule give carries public citations (a title, and an https link
 * unless it is the clinic's own choice or a stated panel rule), and `source` is the plain-text line built from them
 * (the summarize JSON contract). No source or reason names an internal file, issue, policy JSON path or rule id.
 */
import { readFileSync } from 'node:fs';
import type { Bundle, Resource } from 'fhir/r4';
import { DEFAULT_POLICY } from '../../../src/clinical/policy/index.ts';
import { citationText } from '../../../src/clinical/policy/citations.ts';
import { computeRiskTier } from '../../../src/clinical/risk/index.ts';
import { summarizePatient } from '../../../src/clinical/summary.ts';
import type { Citation, LoadStatus, MmeResult } from '../../../src/clinical/types.ts';
import * as b from '../risk/build.ts';

const AS_OF = '2026-06-01';
const INTERNAL = /clinical-rules|\.md\b|§|issue \d|\bpolicy [a-z0-9]+\.[a-z]|\bpitfall|team guide|\bPMC\d+\b|\b[HMLU]\d?-[a-z]+(-\d+)?\b|\.cql\b|proposal|\bcodes\.[a-z]/i;

function checkSourced(what: string, source: string | undefined, citations: Citation[] | undefined) {
  expect(citations, what).toBeDefined();
  expect(citations!.length, what).toBeGreaterThan(0);
  expect(source, what).toBe(citationText(citations!));
  for (const c of citations!) {
    expect(c.label, what).not.toMatch(INTERNAL);
    if (c.url) expect(c.url, what).toMatch(/^https:\/\//);
    else expect(c.label, what).toMatch(/^(Your clinic's policy|Clinic choice|Pain Care Panel safety rule|The patient's record)/);
  }
}

const cases: [string, Resource[], MmeResult, LoadStatus?][] = [
  ['high: overdose, OUD, benzodiazepine, ORT 9, 96 MME', [b.patient(), b.ort(9), b.condition(b.ICD, 'T40.2X1A', 'Poisoning by other opioids'), b.condition(b.ICD, 'F11.20', 'Opioid dependence'), b.condition(b.ICD, 'F10.20', 'Alcohol dependence'), b.alprazolam(), b.oxycodone5(4)], b.mmeOf(96)],
  ['moderate: ORT 5, 60 MME, depression, PHQ-9 12, GAD-7 11, sleep apnea, gabapentin, age 70, ER opioid', [b.patient('1955-01-01'), b.ort(5), b.condition(b.ICD, 'F33.1', 'Major depression, recurrent'), b.phq9(12, '2026-05-01'), b.gad7(11, '2026-05-01'), b.condition(b.ICD, 'G47.33', 'Obstructive sleep apnea'), b.gabapentin(), b.condition(b.ICD, 'F11.21', 'Opioid dependence, in remission')], b.mmeOf(60, { longActing: true })],
  ['unknown: no ORT, MME incomplete, conditions unread', [b.patient()], b.mmeOf(20, { complete: false }), { conditions: { state: 'unavailable', reason: 'HTTP 503' } }],
  ['not applicable: age 16', [b.patient('2010-01-01'), b.ort(2)], b.mmeOf(20)],
  ['not applicable: no opioid', [b.patient(), b.ort(2)], b.mmeOf(0)],
  ['low', [b.patient(), b.ort(2)], b.mmeOf(20)],
];

describe('risk reasons cite public sources', () => {
  it.each(cases)('%s', (_name, resources, mme, load) => {
    const risk = computeRiskTier(resources, load ?? {}, DEFAULT_POLICY, AS_OF, mme);
    expect(risk.reasons.length).toBeGreaterThan(0);
    for (const r of risk.reasons) {
      checkSourced(r.id, r.source, r.citations);
      expect(r.text).not.toMatch(/\bpolicy [a-z0-9]+\.[a-z]|issue \d|clinical-rules/i);
    }
  });

  it('a clinic-chosen value says "your clinic\'s policy" with the value (highMme 120)', () => {
    const policy = structuredClone(DEFAULT_POLICY);
    policy.risk.highMme.value = 120;
    const risk = computeRiskTier([b.patient(), b.ort(2)], {}, policy, AS_OF, b.mmeOf(130));
    expect(risk.reasons[0].citations?.[0]).toEqual({ label: "Your clinic's policy: 120 MME/day or more is high" });
  });
});

describe('monitoring items cite public sources, and their reasons name no policy path', () => {
  const files = ['high-tier-benzodiazepine-overlap', 'moderate-tier-mme-60', 'low-tier-all-up-to-date', 'unknown-tier-no-ort', 'overdue-udt-and-pdmp', 'agreement-expired', 'peg-improving-30-percent', 'moud-only-not-applicable'];
  it.each(files)('%s', (file) => {
    const bundle = JSON.parse(readFileSync(new URL(`../../../fhir-fixtures/scenarios/${file}.json`, import.meta.url), 'utf8')) as Bundle;
    const s = summarizePatient((bundle.entry ?? []).map((e) => e.resource!), {}, DEFAULT_POLICY, bundle.timestamp!.slice(0, 10));
    for (const r of s.risk.reasons) checkSourced(r.id, r.source, r.citations);
    for (const m of s.monitoring) {
      expect(m.reason).not.toMatch(/\bpolicy [a-z0-9]+\.[a-z]|issue \d|clinical-rules|OpioidCDSCommon|PMC\d/i);
      if (m.status !== 'not-applicable') checkSourced(m.item, m.source, m.citations);
    }
  });
});
