/** The refill request check: last fill, run-out date, early or not, what policy wants done first, MME after. */
import type { MedicationDispense, MedicationRequest } from 'fhir/r4';
import { refillCheck, refillNote } from '../../../src/clinical/course/refill.ts';
import { DEFAULT_POLICY } from '../../../src/clinical/policy/index.ts';
import { ago, panel, rx, sig } from '../qa/qa-build.ts';
import { ort, pdmpProcedure } from '../risk/build.ts';

const order: MedicationRequest = { ...rx('1049683', 'oxycodone hydrochloride 10 MG Oral Tablet', [sig(1, 6)], { id: 'mr-r', authoredOn: ago(40), supplyDays: 30 }), requester: { display: 'Dr. A' } };
const fill = (date: string, days = 30): MedicationDispense => ({
  resourceType: 'MedicationDispense', id: `f-${date}`, status: 'completed', subject: { reference: 'Patient/p1' }, medicationCodeableConcept: order.medicationCodeableConcept,
  authorizingPrescription: [{ reference: 'MedicationRequest/mr-r' }], quantity: { value: 120 }, daysSupply: { value: days, unit: 'days', code: 'd' }, whenHandedOver: date,
});

describe('refill request check', () => {
  it('filled 25 days ago for 30 days: 5 days left (17%) — on time; PDMP due first (90-day interval, last 100 days ago); MME after 60', () => {
    const r = refillCheck(panel([order, fill(ago(25)), ort(1, ago(300)), pdmpProcedure(ago(100))]), DEFAULT_POLICY);
    expect([r.lastFill, r.daysLeft, r.early?.early]).toEqual([ago(25), 5, false]);
    expect(r.before.find((b) => b.item === 'pdmp')).toMatchObject({ needed: true });
    expect(r.mmeAfter).toEqual({ value: 60, complete: true });
    expect(refillNote(r)).toMatch(/On time: 5 days' supply left[\s\S]*- PDMP check: due/);
  });

  it('filled 10 days ago for 30 days: 20 days left (67%) — early by your clinic\'s policy (refill after 75% used)', () => {
    const r = refillCheck(panel([order, fill(ago(10)), ort(1, ago(300))]), DEFAULT_POLICY);
    expect(r.early).toMatchObject({ early: true });
    expect(r.early!.why).toMatch(/20 of 30 days' supply left \(67%\)/);
  });

  it('no current opioid: says the refill is not a long-term opioid refill', () => {
    const r = refillCheck(panel([ort(1, ago(300))]), DEFAULT_POLICY);
    expect(r.notApplicable).toBe('no current opioid order or fill');
    expect(refillNote(r)).toMatch(/Not a long-term opioid refill/);
  });
});
