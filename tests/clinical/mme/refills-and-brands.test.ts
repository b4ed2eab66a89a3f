/**
 * Refills versus concurrent prescriptions, and orders written only as a brand name (clinical QA findings):
 * a PRN and a scheduled order of one product are taken together; a newer refill that cannot be converted
 * does not throw away the dose an earlier refill states; "Percocet" with no code is an opioid, never 0.
 */
import type { MedicationRequest } from 'fhir/r4';
import { computeMme } from '../../../src/clinical/mme/index.ts';
import { AS_OF, makeMedicationRequest, type OrderSpec } from './builders.ts';

const OXY5 = '1049621'; // oxycodone hydrochloride 5 MG Oral Tablet
const byId = (orders: MedicationRequest[]) => {
  const r = computeMme(orders, { asOf: AS_OF });
  return { r, o: Object.fromEntries(r.orders.map((x) => [x.medicationRequestId, x])) };
};

describe('refills and concurrent orders of one product', () => {
  it('scheduled BID + PRN q6h of oxycodone 5 mg are both counted: 5 × 2 × 1.5 = 15 plus 5 × 4 × 1.5 = 30 → 45', () => {
    const { r, o } = byId([
      makeMedicationRequest({ id: 'sched', rxcui: OXY5, dose: 1, frequency: 2, period: 1, periodUnit: 'd', authoredOn: '2024-03-10' }),
      makeMedicationRequest({ id: 'prn', rxcui: OXY5, dose: 1, frequency: 1, period: 6, periodUnit: 'h', prn: true, authoredOn: '2024-03-10' }),
    ]);
    expect(o.sched.mmePerDay).toBe(15);
    expect(o.prn).toMatchObject({ status: 'counted', mmePerDay: 30 });
    expect(r.totalPerDay).toBe(45);
  });

  it('a newer refill with no usable dose: the earlier refill (5 mg QID = 30 MME) is counted, the newer listed with why', () => {
    const { r, o } = byId([
      makeMedicationRequest({ id: 'old', rxcui: OXY5, dose: 1, timingCode: 'QID', authoredOn: '2024-02-05' }),
      makeMedicationRequest({ id: 'new', rxcui: OXY5, noDosage: true, authoredOn: '2024-03-10' }),
    ]);
    expect(r).toMatchObject({ totalPerDay: 30, complete: true });
    expect(o.old.status).toBe('counted');
    expect(o.new).toMatchObject({ status: 'excluded' });
    expect(o.new.reason).toMatch(/same product as old; this newer order could not be converted .* counted once, from old/);
  });

  it('two refills, neither convertible: stays unknown (never 0)', () => {
    const { r } = byId([
      makeMedicationRequest({ id: 'a', rxcui: OXY5, noDosage: true, authoredOn: '2024-02-05' }),
      makeMedicationRequest({ id: 'b', rxcui: OXY5, noDosage: true, authoredOn: '2024-03-10' }),
    ]);
    expect(r).toMatchObject({ totalPerDay: null, complete: false });
  });
});

describe('orders written only as a brand name (no RxCUI)', () => {
  const brand = (id: string, display: string, extra: Partial<OrderSpec> = {}) =>
    makeMedicationRequest({ id, display, codings: [], authoredOn: '2024-03-10', ...extra });

  it.each([
    { display: 'Percocet 5/325 tablet', status: 'unknown', reason: /oxycodone.*unknown strength/ },
    { display: 'Suboxone 8 mg-2 mg film', status: 'excluded', reason: /MOUD — not counted/ },
    { display: 'Zubsolv 5.7 mg-1.4 mg tablet', status: 'excluded', reason: /MOUD — not counted/ },
    { display: 'Dilaudid tablet', status: 'unknown', reason: /hydromorphone/ },
  ])('$display → $status', ({ display, status, reason }) => {
    const { r, o } = byId([brand('x', display, { noDosage: true })]);
    expect(o.x).toMatchObject({ status });
    expect(o.x.reason).toMatch(reason);
    if (status === 'unknown') expect(r.complete).toBe(false);
  });

  it('Norco 10 MG / 325 MG tablet, 1 tab QID: 10 mg × 4 = 40 mg/day × 1 = 40 MME/day', () => {
    const { o } = byId([brand('n', 'Norco 10 MG / 325 MG Oral Tablet', { dose: 1, timingCode: 'QID' })]);
    expect(o.n).toMatchObject({ status: 'counted', mmePerDay: 40, factor: 1 });
  });
});
