/**
 * The engine memoises per product, per unit and per number text, and gathers refill groups in one pass
 * (bench:mme). These rows check that what is cached or gathered never leaks between orders or calls:
 * the same unit with different values, the same product PRN and scheduled, two products each with an
 * unconvertible newest refill in one call, and the list order (counted, unknown, excluded; newest first).
 */
import { computeMme } from '../../../src/clinical/mme/index.ts';
import { AS_OF, makeMedicationRequest } from './builders.ts';

const OXY5 = '1049621'; // oxycodone hydrochloride 5 MG Oral Tablet
const MORPHINE_ER_15 = '891878'; // 12 HR morphine sulfate 15 MG Extended Release Oral Tablet

describe('memoised lookups give each order its own answer', () => {
  it('a dose of 10 mg then 20 mg of one product (same unit "mg"): 10 × 2 × 1.5 = 30, then 20 × 2 × 1.5 = 60', () => {
    const first = computeMme([makeMedicationRequest({ rxcui: OXY5, dose: 10, unit: 'mg', frequency: 2, period: 1, periodUnit: 'd' })], { asOf: AS_OF });
    const second = computeMme([makeMedicationRequest({ rxcui: OXY5, dose: 20, unit: 'mg', frequency: 2, period: 1, periodUnit: 'd' })], { asOf: AS_OF });
    expect(first.totalPerDay).toBe(30);
    expect(second.totalPerDay).toBe(60);
    expect(second.orders[0].derivation).toBe('20 mg × 2/day = 40 mg/day × 1.5 = 60 MME/day');
  });

  it('the same input computed twice gives equal results (nothing cached changes the second answer)', () => {
    const orders = [
      makeMedicationRequest({ id: 'a', rxcui: OXY5, dose: 1, frequency: 1, period: 6, periodUnit: 'h', prn: true }),
      makeMedicationRequest({ id: 'b', rxcui: OXY5, dose: 1, timingCode: 'BID' }),
    ];
    expect(computeMme(orders, { asOf: AS_OF })).toEqual(computeMme(orders, { asOf: AS_OF }));
  });
});

describe('refill groups gathered in one pass', () => {
  it('two products, each with an unconvertible newest refill: each earlier refill stands in (30 + 30 = 60)', () => {
    const r = computeMme(
      [
        makeMedicationRequest({ id: 'oxy-old', rxcui: OXY5, dose: 1, timingCode: 'QID', authoredOn: '2024-02-05' }),
        makeMedicationRequest({ id: 'mor-new', rxcui: MORPHINE_ER_15, noDosage: true, authoredOn: '2024-03-12' }),
        makeMedicationRequest({ id: 'oxy-new', rxcui: OXY5, noDosage: true, authoredOn: '2024-03-10' }),
        makeMedicationRequest({ id: 'mor-old', rxcui: MORPHINE_ER_15, dose: 1, timingCode: 'BID', authoredOn: '2024-02-20' }),
      ],
      { asOf: AS_OF },
    );
    const o = Object.fromEntries(r.orders.map((x) => [x.medicationRequestId, x]));
    expect(r).toMatchObject({ totalPerDay: 60, complete: true });
    expect(o['oxy-old']).toMatchObject({ status: 'counted', mmePerDay: 30 }); // 5 mg × 4/day × 1.5
    expect(o['mor-old']).toMatchObject({ status: 'counted', mmePerDay: 30 }); // 15 mg × 2/day × 1
    expect(o['oxy-new'].reason).toMatch(/^same product as oxy-old; .* counted once, from oxy-old$/);
    expect(o['mor-new'].reason).toMatch(/^same product as mor-old; .* counted once, from mor-old$/);
  });
});

describe('list order', () => {
  it('counted first, then unknown, then excluded; newest first within each', () => {
    const r = computeMme(
      [
        makeMedicationRequest({ id: 'stopped', rxcui: OXY5, status: 'stopped', dose: 1, timingCode: 'BID', authoredOn: '2024-03-01' }),
        makeMedicationRequest({ id: 'older', rxcui: MORPHINE_ER_15, dose: 1, timingCode: 'BID', authoredOn: '2024-01-02' }),
        makeMedicationRequest({ id: 'no-dose', rxcui: OXY5, noDosage: true, authoredOn: '2024-03-05' }),
        makeMedicationRequest({ id: 'newer', rxcui: OXY5, dose: 1, timingCode: 'QID', prn: true, authoredOn: '2024-03-10' }),
        makeMedicationRequest({ id: 'cancelled', rxcui: OXY5, status: 'cancelled', authoredOn: '2024-03-09' }),
      ],
      { asOf: AS_OF },
    );
    expect(r.orders.map((o) => o.medicationRequestId)).toEqual(['newer', 'older', 'no-dose', 'cancelled', 'stopped']);
  });
});
