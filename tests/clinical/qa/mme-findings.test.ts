/**
 * QA: MME cases from issue 3 run through the summarize JSON (buildSummaryJson, the CLI's object).
 * Each row: the order, the hand arithmetic, the expected MME/day (CDC 2022 default unless the row says 2016).
 */
import type { MedicationRequest } from 'fhir/r4';
import { AS_OF, ago, json, oxy5, rx, sig } from './qa-build.ts';
import type { MmeEdition } from '../../../src/clinical/types.ts';

const patch = (rxcui: string, name: string, patches = 1) =>
  rx(rxcui, name, [{ timing: { repeat: { frequency: 1, period: 72, periodUnit: 'h' } }, doseAndRate: [{ doseQuantity: { value: patches, unit: 'patch', code: '{patch}', system: 'http://unitsofmeasure.org' } }] }]);
const methadoneMg = (mg: number) => rx('864706', 'methadone hydrochloride 10 MG Oral Tablet', [sig(mg, 24, { unit: 'mg' })]);

const counted: [string, MedicationRequest, MmeEdition, number, number, string][] = [
  // [case, order, edition, expected MME/day, expected dailyAmount, amountUnit]
  ['fentanyl 25 mcg/hr, 1 patch q72h: 25 × 2.4 = 60', patch('245134', '72 HR fentanyl 0.025 MG/HR Transdermal System'), 'cdc-2022', 60, 25, 'mcg/hr'],
  ['fentanyl 25 mcg/hr, 2 patches at once: 50 × 2.4 = 120', patch('245134', '72 HR fentanyl 0.025 MG/HR Transdermal System', 2), 'cdc-2022', 120, 50, 'mcg/hr'],
  ['fentanyl 37.5 mcg/hr: 37.5 × 2.4 = 90', patch('1603495', '72 HR fentanyl 0.0375 MG/HR Transdermal System'), 'cdc-2022', 90, 37.5, 'mcg/hr'],
  ['methadone 20 mg/day, 2016 tier 1–20 → ×4 = 80', methadoneMg(20), 'cdc-2016', 80, 20, 'mg/day'],
  ['methadone 21 mg/day, 2016 tier 21–40 → ×8 = 168', methadoneMg(21), 'cdc-2016', 168, 21, 'mg/day'],
  ['methadone 40 mg/day, 2016 ×8 = 320', methadoneMg(40), 'cdc-2016', 320, 40, 'mg/day'],
  ['methadone 41 mg/day, 2016 tier 41–60 → ×10 = 410', methadoneMg(41), 'cdc-2016', 410, 41, 'mg/day'],
  ['methadone 60 mg/day, 2016 ×10 = 600', methadoneMg(60), 'cdc-2016', 600, 60, 'mg/day'],
  ['methadone 61 mg/day, 2016 tier ≥61 → ×12 = 732', methadoneMg(61), 'cdc-2016', 732, 61, 'mg/day'],
  ['methadone 20 mg/day, 2022 ×4.7 = 94', methadoneMg(20), 'cdc-2022', 94, 20, 'mg/day'],
  ['hydromorphone 2 mg q4h = 12 mg/day, 2016 ×4 = 48', rx('897696', 'hydromorphone hydrochloride 2 MG Oral Tablet', [sig(1, 4)]), 'cdc-2016', 48, 12, 'mg/day'],
  ['hydromorphone 2 mg q4h = 12 mg/day, 2022 ×5 = 60', rx('897696', 'hydromorphone hydrochloride 2 MG Oral Tablet', [sig(1, 4)]), 'cdc-2022', 60, 12, 'mg/day'],
  ['tramadol 50 mg q6h = 200 mg/day, 2022 ×0.2 = 40', rx('835603', 'tramadol hydrochloride 50 MG Oral Tablet', [sig(1, 6)]), 'cdc-2022', 40, 200, 'mg/day'],
  ['tapentadol 50 mg q6h = 200 mg/day ×0.4 = 80', rx('825411', 'tapentadol 50 MG Oral Tablet', [sig(1, 6)]), 'cdc-2022', 80, 200, 'mg/day'],
  ['oxycodone 5 mg PRN 1 q6h, frequencyMax 2 → 8 tabs = 40 mg × 1.5 = 60', rx('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet', [sig(1, 6, { max: 2, prn: true })]), 'cdc-2022', 60, 40, 'mg/day'],
  ['oxycodone 5 mg 1–2 tabs q6h (doseRange high 2) → 40 mg × 1.5 = 60', rx('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet', [sig(1, 6, { high: 2 })]), 'cdc-2022', 60, 40, 'mg/day'],
  ['morphine 4 mg/mL, 5 mL q6h → 20 mg × 4 = 80 mg × 1 = 80', rx('894780', 'morphine sulfate 4 MG/ML Oral Solution', [sig(5, 6, { unit: 'mL' })]), 'cdc-2022', 80, 80, 'mg/day'],
  ['hydrocodone 5/APAP 325 QID → 20 mg × 1 = 20 (CDC 2022 worked example)', rx('857002', 'acetaminophen 325 MG / hydrocodone bitartrate 5 MG Oral Tablet', [sig(1, 6)]), 'cdc-2022', 20, 20, 'mg/day'],
  ['ER oxycodone 10 mg BID → 20 mg × 1.5 = 30 (CDC 2022 worked example)', rx('1049502', '12 HR oxycodone hydrochloride 10 MG Extended Release Oral Tablet', [sig(1, 12)]), 'cdc-2022', 30, 20, 'mg/day'],
  ['unknown RxCUI, parsable name "oxycodone hydrochloride 5 MG Oral Tablet" QID → 20 mg × 1.5 = 30', rx('99999999', 'oxycodone hydrochloride 5 MG Oral Tablet', [sig(1, 6)]), 'cdc-2022', 30, 20, 'mg/day'],
];

describe('QA MME: counted orders (issue 3 list)', () => {
  it.each(counted)('%s', (_c, order, edition, mme, daily, unit) => {
    const out = json([order], edition);
    const o = out.mme.orders.find((x) => x.medicationRequestId === order.id)!;
    expect(o.status).toBe('counted');
    expect(o.mmePerDay).toBeCloseTo(mme, 6);
    expect(o.dailyAmount).toBeCloseTo(daily, 6);
    expect(o.amountUnit).toBe(unit);
    expect(typeof o.factor).toBe('number');
    expect(o.derivation).toMatch(/MME\/day/);
    expect(out.mme.totalPerDay).toBeCloseTo(mme, 6);
    expect(out.mme.complete).toBe(true);
    expect(out.mme.edition).toBe(edition);
  });
});

describe('QA MME: not counted, never 0', () => {
  it('tramadol under CDC 2016 → unknown, no conversion factor; total null (nothing computable)', () => {
    const out = json([rx('835603', 'tramadol hydrochloride 50 MG Oral Tablet', [sig(1, 6)])], 'cdc-2016');
    expect(out.mme.orders[0]).toMatchObject({ status: 'unknown', mmePerDay: null, factor: null });
    expect(out.mme.orders[0].reason).toMatch(/no conversion factor/i);
    expect(out.mme.totalPerDay).toBeNull();
    expect(out.mme.complete).toBe(false);
  });
  it('Butrans (buprenorphine patch for pain) → unknown "no CDC 2022 factor"', () => {
    const out = json([rx('904874', '168 HR buprenorphine 0.01 MG/HR Transdermal System [BuTrans]', [sig(1, 168)])]);
    expect(out.mme.orders[0].status).toBe('unknown');
    expect(out.mme.orders[0].reason).toMatch(/no CDC 2022 factor/i);
  });
  it('Suboxone film → excluded "MOUD — not counted"; total 0, complete', () => {
    const out = json([rx('1010604', 'buprenorphine 8 MG / naloxone 2 MG Sublingual Film', [sig(1, 24)])]);
    expect(out.mme.orders[0].status).toBe('excluded');
    expect(out.mme.orders[0].reason).toMatch(/MOUD — not counted/);
    expect(out.mme.totalPerDay).toBe(0);
    expect(out.risk.tier).toBe('not-applicable');
  });
  it('injectable morphine → excluded with a reason; oral oxycodone 5 mg QID still 30', () => {
    const inj = rx('1730193', 'morphine sulfate 2 MG/ML Injectable Solution', [sig(1, 4, { unit: 'mL' })]);
    const out = json([inj, oxy5(4)]);
    const i = out.mme.orders.find((o) => o.medicationRequestId === inj.id)!;
    expect(i.status).toBe('excluded');
    expect(i.reason).toMatch(/inject|inpatient|parenteral/i);
    expect(out.mme.totalPerDay).toBe(30);
  });
  it('unknown RxCUI and no parsable name → not counted as 0 (unknown, or not an opioid at all)', () => {
    const out = json([rx('99999998', 'Pain medicine as directed', [sig(1, 6)])]);
    for (const o of out.mme.orders) expect(o.mmePerDay === 0).toBe(false);
  });
  it('no opioid orders at all → totalPerDay 0, complete, orders []', () => {
    const out = json([]);
    expect(out.mme).toMatchObject({ totalPerDay: 0, complete: true, orders: [] });
  });
  it('no dosage and no dispense quantity → unknown, total null', () => {
    const out = json([rx('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet', undefined)]);
    expect(out.mme.orders[0].status).toBe('unknown');
    expect(out.mme.totalPerDay).toBeNull();
  });
  it('no dosage, dispense 120 tabs / 30 d → 4/day × 5 mg × 1.5 = 30, "estimated from dispense"', () => {
    const out = json([rx('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet', undefined, { quantity: 120 })]);
    expect(out.mme.orders[0].mmePerDay).toBe(30);
    expect(out.mme.orders[0].reason).toMatch(/estimated from dispense/);
  });
  it('one counted (30) + one unknown → total 30, complete false', () => {
    const out = json([oxy5(4), rx('892582', 'morphine sulfate 15 MG Oral Tablet', undefined)]);
    expect(out.mme.totalPerDay).toBe(30);
    expect(out.mme.complete).toBe(false);
  });
});

describe('QA MME: which orders count', () => {
  it('duplicate refills of one product counted once: 2 × oxycodone 5 mg QID → 30 not 60', () => {
    const out = json([oxy5(4, { authoredOn: ago(40), status: 'active' }), oxy5(4, { authoredOn: ago(10) })]);
    expect(out.mme.totalPerDay).toBe(30);
  });
  it.each([
    ['stopped', 'stopped' as const],
    ['cancelled', 'cancelled' as const],
    ['entered-in-error', 'entered-in-error' as const],
    ['draft', 'draft' as const],
  ])('%s order never counts', (_s, status) => {
    expect(json([oxy5(4, { status })]).mme.totalPerDay).toBe(0);
  });
  it.each([
    // completed, authored asOf−29 with 30-day supply covers asOf; asOf−31 no longer covers (refills not credited)
    [29, 30],
    [31, 0],
  ])('completed order authored %i days before asOf (30-day supply) → total %i', (days, total) => {
    expect(json([oxy5(4, { status: 'completed', authoredOn: ago(days) })]).mme.totalPerDay).toBe(total);
  });
  it('on-hold order counted and labelled', () => {
    const out = json([oxy5(4, { status: 'on-hold' })]);
    expect(out.mme.totalPerDay).toBe(30);
    expect(out.mme.orders[0].reason + out.mme.orders[0].derivation).toMatch(/on.hold/i);
  });
  it('contained Medication with ingredient strength 5 mg/1 tablet (Epic numerator = denominator style)', () => {
    const order: MedicationRequest = {
      resourceType: 'MedicationRequest', id: 'qa-contained', status: 'active', intent: 'order', subject: { reference: 'Patient/p1' }, authoredOn: AS_OF,
      contained: [{
        resourceType: 'Medication', id: 'med1', code: { text: 'oxyCODONE 5 mg tablet' },
        ingredient: [{ itemCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '7804', display: 'oxycodone' }], text: 'oxycodone' },
          strength: { numerator: { value: 5, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' }, denominator: { value: 5, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } } }],
      }],
      medicationReference: { reference: '#med1' },
      dosageInstruction: [sig(1, 6)],
    };
    const out = json([order]);
    expect(out.mme.orders[0].status).toBe('counted');
    expect(out.mme.orders[0].mmePerDay).toBe(30);
  });
});
