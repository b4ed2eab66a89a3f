/**
 * Panel summary derivations: medications (current benzodiazepine/CNS depressant/naloxone/MOUD), conditions with
 * the code that matched, PHQ-9/GAD-7 with bands, same-day alerts, data notes for unreadable sources.
 */
import type { Resource } from 'fhir/r4';
import { DEFAULT_POLICY } from '../../../src/clinical/policy/index.ts';
import { opioidCourseStart, summarizePatient } from '../../../src/clinical/summary.ts';
import * as b from '../risk/build.ts';

const AS_OF = '2026-06-01';

describe('summarizePatient', () => {
  const resources = [
    b.patient('1960-01-01'),
    b.oxycodone5(4, { authoredOn: '2026-05-20', id: 'oxy' }),
    b.alprazolam({ authoredOn: '2026-05-01', id: 'benzo' }),
    b.alprazolam({ authoredOn: '2023-01-01', id: 'old-benzo', status: 'completed' }),
    b.gabapentin({ authoredOn: '2026-05-01', id: 'gaba' }),
    b.narcan({ authoredOn: '2025-01-10', status: 'completed', id: 'kit' }),
    b.suboxone({ authoredOn: '2026-05-25', id: 'bup' }),
    b.condition(b.ICD, 'G47.33', 'Obstructive sleep apnea'),
    b.condition(b.SCT, '82423001', 'Chronic pain'),
    b.phq9(12, '2026-02-01'),
    b.obs('44260-8', 2, '2026-02-01'),
    b.gad7(16, '2026-02-01'),
    b.ort(5),
  ];
  const s = summarizePatient(resources, {}, DEFAULT_POLICY, AS_OF);

  it('lists the relevant current orders with how they matched', () => {
    expect(s.medications.map((m) => [m.medicationRequestId, m.class, m.current])).toEqual([
      ['oxy', 'opioid', true],
      ['bup', 'moud', true],
      ['benzo', 'benzodiazepine', true],
      ['gaba', 'cns-depressant', true],
      ['kit', 'naloxone', false],
    ]);
    expect(s.medications.find((m) => m.class === 'naloxone')?.matchedBy).toMatch(/RxNorm 1725059 in rescue naloxone list/);
  });

  it('lists the relevant conditions with the matched code (chronic pain is not a risk category)', () => {
    expect(s.conditions.map((c) => [c.code, c.category])).toEqual([['ICD-10-CM G47.33', 'sleep apnea']]);
  });

  it('scores carry severity bands; PHQ-9 item 9 > 0 raises a same-day alert', () => {
    expect(s.phq9.map((x) => [x.value, x.band])).toEqual([[12, 'moderate']]);
    expect(s.gad7.map((x) => [x.value, x.band])).toEqual([[16, 'severe']]);
    expect(s.ort.map((x) => [x.value, x.band])).toEqual([[5, 'moderate']]);
    expect(s.alerts).toEqual(['PHQ-9 item 9 (thoughts of self-harm) = 2 on 2026-02-01: same-day clinician follow-up']);
  });

  it('tier and naloxone follow from the same facts', () => {
    expect(s.risk.tier).toBe('high');
    expect(s.monitoring.find((m) => m.item === 'naloxone')).toMatchObject({ status: 'up-to-date', lastDate: '2025-01-10', dueDate: '2027-01-10' });
  });

  it('unreadable sources become data notes and "unavailable" items, never "never-done"', () => {
    const t = summarizePatient([b.patient(), b.oxycodone5(4, { authoredOn: '2026-05-20' }), b.ort(2)], { udt: { state: 'unavailable', reason: 'HTTP 503' }, documents: { state: 'not-requested' } }, DEFAULT_POLICY, AS_OF);
    expect(t.notes).toEqual(['udt: could not be read (HTTP 503)', 'documents: not part of this launch']);
    expect(t.monitoring.find((m) => m.item === 'udt')?.status).toBe('unavailable');
    expect(t.monitoring.find((m) => m.item === 'agreement')?.status).toBe('never-done');
  });

  it('malformed resources (fields of the wrong type) are never fatal; what is readable counts, and their sources read as partly loaded', () => {
    const bad = [
      { ...b.condition(b.ICD, 'F11.20', 'x'), code: { coding: 'F11.20' } },
      { ...b.condition(b.ICD, 'F11.20', 'x'), clinicalStatus: { coding: { code: 'active' } } },
      { ...b.phq9(12, '2026-01-01'), effectiveDateTime: 20260101 },
      { ...b.phq9(12, '2026-01-01'), component: 'none' },
      { ...b.agreementDoc('2026-01-01'), date: 5, content: 'x' },
    ] as unknown as Resource[];
    const t = summarizePatient([b.patient(), b.oxycodone5(4, { authoredOn: '2026-05-20' }), b.ort(2), ...bad], {}, DEFAULT_POLICY, AS_OF);
    // The readable PHQ-9 total still counts; the unreadable conditions and surveys could hide a high trigger.
    expect(t.risk.reasons.map((r) => r.id)).toEqual(['M4-phq9', 'U-source-conditions', 'U-source-surveys']);
    expect(t.phq9.map((x) => x.value)).toEqual([12]);
    // The unreadable document may be the signed agreement: "could not check", never "never done".
    expect(t.monitoring.find((m) => m.item === 'agreement')?.status).toBe('unavailable');
    expect(t.notes.some((n) => /1 condition could not be read \(clinicalStatus/.test(n))).toBe(true);
  });

  it('an empty record is handled: no opioid → not-applicable', () => {
    const e = summarizePatient([], {}, DEFAULT_POLICY, AS_OF);
    expect([e.patientId, e.risk.tier, e.peg.baseline]).toEqual([null, 'not-applicable', null]);
  });

  it('opioid course start walks back over gaps of up to 180 days', () => {
    const mme = summarizePatient(
      [b.patient(), b.oxycodone5(2, { authoredOn: '2026-05-20' }), b.oxycodone5(2, { authoredOn: '2026-01-01', status: 'completed' }), b.oxycodone5(2, { authoredOn: '2025-03-01', status: 'completed' })],
      {}, DEFAULT_POLICY, AS_OF,
    ).mme;
    expect(opioidCourseStart(mme, AS_OF)).toBe('2026-01-01');
  });
});
