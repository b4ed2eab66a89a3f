/**
 * The support team's queue rules, variation and re-allocation (pure): tables whose rows say which policy rule
 * they check, with the day arithmetic written out.
 */
import { DEFAULT_POLICY } from '../../src/clinical/policy/index.ts';
import { buildQueue, filterQueue, queuePrescribers, queueReasons } from '../../src/clinical/review/queue.ts';
import { reallocationList } from '../../src/clinical/review/reallocation.ts';
import type { Review, TeamPatient } from '../../src/clinical/review/types.ts';
import { share, variationByPrescriber } from '../../src/clinical/review/variation.ts';

const AS_OF = '2026-03-16';
const RAMAN = { key: 'display:Dr. Priya Raman', display: 'Dr. Priya Raman' };
const CHEN = { key: 'Practitioner/chen', display: 'Dr. Lin Chen' };

function patient(id: string, over: Partial<TeamPatient> = {}): TeamPatient {
  return { patientId: id, name: `Patient ${id}`, prescriber: RAMAN, tier: 'low', topReason: '', mme: 20, mmeComplete: true, benzoOverlap: false, review: { courseFlags: [], oudMarkers: [], gaps: [] }, ...over };
}

function review(id: string, patientId: string, over: Partial<Review> = {}): Review {
  return {
    taskId: `t-${id}`, taskVersion: '1', serviceRequestId: `sr-${id}`, serviceRequestVersion: '1', patientId, patientName: `Requested ${patientId}`,
    status: 'requested', fhirStatus: 'requested', needs: ['safer-prescribing'], question: 'q', requestedOn: '2026-03-10', requester: 'Dr. Priya Raman',
    requesterRef: null, recommendationRef: null, recommendation: null, acknowledged: null, changedOn: '2026-03-10', problems: [], ...over,
  };
}

const kinds = (p: TeamPatient) => queueReasons(p, DEFAULT_POLICY, AS_OF).map((r) => r.kind);

describe('why the clinic policy lists a patient', () => {
  it.each<[string, Partial<TeamPatient>, string[]]>([
    ['nothing to review', {}, []],
    ['high tier (support team: high-risk patients)', { tier: 'high', topReason: 'Benzodiazepine overlap' }, ['tier']],
    ['MME 90 = review.queueMme 90 → listed', { mme: 90 }, ['mme']],
    ['MME 89.9 → not listed', { mme: 89.9 }, []],
    ['at least 90 (incomplete): the lower bound counts', { mme: 90, mmeComplete: false }, ['mme']],
    ['benzodiazepine with the opioid (CDC 2022 Rec 11)', { benzoOverlap: true }, ['benzo']],
  ])('%s', (_name, over, expected) => {
    expect(kinds(patient('a', over))).toEqual(expected);
  });

  it('course flags count within review.flagWindowDays (90): 2025-12-16 is 90 days before 2026-03-16, 2025-12-15 is 91', () => {
    const flags = [
      { code: 'taper-faster-than-policy', date: '2025-12-16', detail: 'Reduced 25% in a month' },
      { code: 'abrupt-stop', date: '2025-12-15', detail: 'Stopped from 60 MME/day' },
      { code: 'early-refill', date: '2026-03-01', detail: 'Refill on day 20 of 30' },
      { code: 'dose-escalation', date: '2026-03-17', detail: 'after the as-of date' },
    ];
    const reasons = queueReasons(patient('a', { review: { courseFlags: flags, oudMarkers: [], gaps: [] } }), DEFAULT_POLICY, AS_OF);
    expect(reasons.map((r) => [r.kind, r.date])).toEqual([['pace', '2025-12-16'], ['oud', '2026-03-01']]);
    expect(reasons[1].rule).toMatch(/not a diagnosis/);
  });

  it('care gaps: overdue by more than review.careGapDays (30), or never done', () => {
    const gaps = [
      { item: 'udt', label: 'Urine drug test', status: 'overdue' as const, dueDate: '2026-02-14', lastDate: '2025-08-18' }, // 30 days: not yet
      { item: 'pdmp', label: 'PDMP check', status: 'overdue' as const, dueDate: '2026-02-13', lastDate: '2025-11-15' }, // 31 days
      { item: 'naloxone', label: 'Naloxone', status: 'never-done' as const, dueDate: null, lastDate: null },
    ];
    const reasons = queueReasons(patient('a', { review: { courseFlags: [], oudMarkers: [], gaps } }), DEFAULT_POLICY, AS_OF);
    expect(reasons.map((r) => r.text)).toEqual(['PDMP check: overdue by 31 days', 'Naloxone: never done']);
  });

  it('signs that may point to opioid use disorder are listed as such, never as a diagnosis', () => {
    const reasons = queueReasons(patient('a', { review: { courseFlags: [], oudMarkers: [{ text: 'Opioid overdose recorded: Drug overdose', date: '2019-05-01' }], gaps: [] } }), DEFAULT_POLICY, AS_OF);
    expect(reasons).toEqual([expect.objectContaining({ kind: 'oud', date: '2019-05-01', rule: expect.stringContaining('not a diagnosis') })]);
  });
});

describe('the queue', () => {
  const rows = [
    patient('low'),
    patient('mod', { tier: 'moderate', benzoOverlap: true, prescriber: CHEN }),
    patient('high', { tier: 'high', mme: 120 }),
    patient('asked', { tier: 'low' }),
  ];
  const reviews = [
    review('2', 'asked', { requestedOn: '2026-03-12' }),
    review('1', 'elsewhere', { requestedOn: '2026-03-01', status: 'in-progress', requester: 'Dr. Lin Chen', requesterRef: 'Practitioner/chen' }),
    review('3', 'high', { status: 'completed' }), // answered: not open
  ];
  const q = buildQueue(rows, reviews, DEFAULT_POLICY, AS_OF);

  it('open requests first, oldest first; then policy patients, high tier first; a patient outside the registry keeps the request', () => {
    expect(q.map((e) => e.patientId)).toEqual(['elsewhere', 'asked', 'high', 'mod']);
    expect(q[0]).toMatchObject({ name: 'Requested elsewhere', prescriber: { key: 'Practitioner/chen' }, patient: null });
    expect(q[0].reasons[0].text).toBe('The team is reviewing: Dr. Lin Chen asked for a review');
    expect(q[2].reasons.map((r) => r.kind)).toEqual(['tier', 'mme']);
  });

  it('filters by prescriber', () => {
    expect(queuePrescribers(q)).toEqual([{ ...CHEN, count: 2 }, { ...RAMAN, count: 2 }]);
    expect(filterQueue(q, CHEN.key).map((e) => e.patientId)).toEqual(['elsewhere', 'mod']);
    expect(filterQueue(q, null)).toHaveLength(4);
  });
});

describe('clinical variation by prescriber', () => {
  it('counts and shares per prescriber beside the clinic; fewer than review.variationMinPatients (5) are not compared', () => {
    const rows = [
      ...[60, 95, 100, 20, 10].map((mme, i) => patient(`r${i}`, { mme })), // Raman: 3 of 5 ≥ 50, 2 of 5 ≥ 90
      patient('c1', { prescriber: CHEN, mme: 200, benzoOverlap: true }),
    ];
    const { rows: by, clinic } = variationByPrescriber(rows, DEFAULT_POLICY, AS_OF);
    expect(clinic).toMatchObject({ patients: 6, counts: { mme50: 4, mme90: 3, benzo: 1 } });
    const raman = by.find((r) => r.key === RAMAN.key)!;
    expect(raman).toMatchObject({ patients: 5, compared: true, counts: { mme50: 3, mme90: 2 } });
    expect(share(raman, 'mme50')).toBeCloseTo(0.6); // 3/5 < clinic 4/6 = 0.667
    expect(raman.aboveClinic).toEqual([]);
    expect(by.find((r) => r.key === CHEN.key)).toMatchObject({ patients: 1, compared: false, aboveClinic: [] });
  });
});

describe('re-allocation when a prescriber leaves', () => {
  it('their patients: high tier first, unknown before moderate, then who runs out first', () => {
    const rows = [
      patient('low-soon', { tier: 'low', supplyEnds: '2026-03-18', daysLeft: 2 }),
      patient('mod-late', { tier: 'moderate', supplyEnds: '2026-04-10', daysLeft: 25 }),
      patient('high-none', { tier: 'high', supplyEnds: null }),
      patient('high-soon', { tier: 'high', supplyEnds: '2026-03-20', daysLeft: 4, appointments: [{ date: '2026-03-19', time: '09:00', type: 'follow-up' }] }),
      patient('unknown', { tier: 'unknown', supplyEnds: '2026-05-01' }),
      patient('other', { prescriber: CHEN, tier: 'high' }),
    ];
    const list = reallocationList(rows, RAMAN.key, [review('x', 'mod-late')], AS_OF);
    expect(list.map((r) => r.patientId)).toEqual(['high-soon', 'high-none', 'unknown', 'mod-late', 'low-soon']);
    expect(list[0]).toMatchObject({ nextAppointment: '2026-03-19', daysLeft: 4 });
    expect(list[3].openRequest).toBe(true);
  });
});
