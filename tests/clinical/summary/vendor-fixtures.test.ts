/** The vendor-shaped fixture patients (fhir-fixtures/vendor, catalogued in its README) read through summarize. */
import { readFileSync } from 'node:fs';
import type { Bundle, Resource } from 'fhir/r4';
import { buildSummaryJson } from '../../../src/cli/summary-json.ts';
import { summarizePatient } from '../../../src/clinical/summary.ts';
import { DEFAULT_POLICY } from '../../../src/clinical/policy/index.ts';

const AS_OF = '2026-03-16';
const load = (file: string) => (JSON.parse(readFileSync(new URL(`../../../fhir-fixtures/vendor/${file}`, import.meta.url), 'utf8')) as Bundle).entry!.map((e) => e.resource as Resource);
const item = (s: { monitoring: { item: string; status: string }[] }, id: string) => s.monitoring.find((m) => m.item === id)!;

describe('Epic-shaped record: fills, forms, a renewal', () => {
  const resources = load('epic-shaped-fills-forms-renewal.json');
  const s = summarizePatient(resources, {}, DEFAULT_POLICY, AS_OF);
  it('the renewal is counted once: oxycodone 10 mg × 4/day (PRN at max) × 1.5 = 60 MME/day; the 5 mg order says it was replaced', () => {
    expect(s.mme.totalPerDay).toBe(60);
    expect(s.mme.orders.find((o) => o.medicationRequestId === 'epic-grace-mr-oxy5')!.reason).toMatch(/replaced by its renewal/);
  });
  it('the outside alprazolam fill overlapping the opioid makes the tier high (CDC 2022 Rec 11)', () => {
    expect(s.risk.tier).toBe('high');
    expect(s.medications.find((m) => m.class === 'benzodiazepine')).toMatchObject({ current: true, source: 'fill' });
  });
  it('PHQ-9 from the panel\'s hasMember items (2+2+3+2+1+1 = 11) and PEG from the questionnaire ((6+5+7)/3 = 6)', () => {
    expect(s.phq9.map((e) => [e.value, e.from])).toEqual([[11, 'panel items']]);
    expect(s.peg.entries.map((e) => [e.mean, e.from])).toEqual([[6, 'questionnaire']]);
    expect(item(s, 'phq9').status).toBe('up-to-date');
  });
  it('summarize prints the same tier and MME', () => {
    const j = buildSummaryJson(resources, { asOf: AS_OF, patientId: 'epic-grace', policy: DEFAULT_POLICY });
    expect([j.risk.tier, j.mme.totalPerDay]).toEqual(['high', 60]);
  });
});

describe('Oracle Health-shaped record: text-only sigs, a reported medication, a form', () => {
  const s = summarizePatient(load('oracle-shaped-text-sigs-statements.json'), {}, DEFAULT_POLICY, AS_OF);
  it('hydrocodone/APAP 5 mg read from the sig text "1 tab(s) orally every 6 hours as needed for pain": 1 × 4/day × 5 mg × 1 = 20', () => {
    expect(s.mme.totalPerDay).toBe(20);
    expect(s.mme.orders[0].flags).toContain('from-sig-text');
  });
  it('moderate: GAD-7 11 from the questionnaire, reported gabapentin, age 67', () => {
    expect(s.risk.tier).toBe('moderate');
    expect(s.risk.reasons.map((r) => r.id)).toEqual(expect.arrayContaining(['M4-gad7', 'M6-cns-depressant', 'M7-age-65']));
  });
});
