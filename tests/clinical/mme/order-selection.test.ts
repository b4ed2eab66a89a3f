/**
 * Which orders count: status and dates, MOUD and injectables, duplicates, unknown products and doses.
 * As of 2024-03-15 unless stated; each row states the rule it checks.
 */
import type { MedicationRequest } from 'fhir/r4';
import { computeMme } from '../../../src/clinical/mme/index.ts';
import type { MmeOrderStatus } from '../../../src/clinical/types.ts';
import { AS_OF, makeMedicationRequest, type OrderSpec } from './builders.ts';

const oxy5q6h: OrderSpec = { rxcui: '1049621', dose: 1, frequency: 1, period: 6, periodUnit: 'h' }; // 20 mg × 1.5 = 30

interface Row {
  name: string;
  rule: string;
  order: OrderSpec;
  status: MmeOrderStatus;
  reason: RegExp;
  flags?: string[];
  asOf?: string;
  total: number | null;
  complete: boolean;
}

const rows: Row[] = [
  // status and dates
  { name: 'active, authored 2 weeks ago', rule: 'active + within 730 days → counted', order: oxy5q6h, status: 'counted', reason: /current order/, total: 30, complete: true },
  { name: 'on-hold', rule: 'on-hold counted and labelled', order: { ...oxy5q6h, status: 'on-hold' }, status: 'counted', reason: /on hold/, flags: ['on-hold'], total: 30, complete: true },
  { name: 'stopped', rule: 'stopped never counts', order: { ...oxy5q6h, status: 'stopped' }, status: 'excluded', reason: /status stopped/, flags: ['not-current'], total: 0, complete: true },
  { name: 'cancelled', rule: 'cancelled never counts', order: { ...oxy5q6h, status: 'cancelled' }, status: 'excluded', reason: /status cancelled/, total: 0, complete: true },
  { name: 'entered-in-error', rule: 'entered-in-error never counts', order: { ...oxy5q6h, status: 'entered-in-error' }, status: 'excluded', reason: /entered in error/, total: 0, complete: true },
  { name: 'draft', rule: 'draft never counts', order: { ...oxy5q6h, status: 'draft' }, status: 'excluded', reason: /status draft/, total: 0, complete: true },
  { name: 'active authored 2021-01-04 (stale, Synthea-style)', rule: 'active authored > 730 days before asOf → excluded, stale', order: { ...oxy5q6h, authoredOn: '2021-01-04T10:00:00+00:00' }, status: 'excluded', reason: /stale: active but authored 2021-01-04, more than 730 days/, total: 0, complete: true },
  { name: 'active authored exactly 730 days before', rule: '2022-03-16 → 2024-03-15 is 730 days (2024 is a leap year) → still current', order: { ...oxy5q6h, authoredOn: '2022-03-16' }, status: 'counted', reason: /current/, total: 30, complete: true },
  { name: 'active authored 731 days before', rule: '2022-03-15 → 2024-03-15 is 731 days (2024 is a leap year) → stale', order: { ...oxy5q6h, authoredOn: '2022-03-15' }, status: 'excluded', reason: /stale/, total: 0, complete: true },
  { name: 'active authored after asOf', rule: 'future order is not current', order: { ...oxy5q6h, authoredOn: '2024-03-20' }, status: 'excluded', reason: /after the as-of date/, total: 0, complete: true },
  { name: 'active, validity ended 2024-02-01, 30-day supply', rule: 'validity end + supply (2024-02-01 … 2024-03-01) < asOf → not current', order: { ...oxy5q6h, dispense: { quantity: 120, days: 30, validityStart: '2024-01-02', validityEnd: '2024-02-01' }, authoredOn: '2024-01-02' }, status: 'excluded', reason: /validity period ended 2024-02-01/, total: 0, complete: true },
  { name: 'active, validity ended 2024-02-01, 60-day supply', rule: 'last fill on 2024-02-01 lasts to 2024-03-31 → current', order: { ...oxy5q6h, dispense: { quantity: 240, days: 60, validityStart: '2024-01-02', validityEnd: '2024-02-01' }, authoredOn: '2024-01-02' }, status: 'counted', reason: /current/, total: 30, complete: true },
  { name: 'completed 2024-03-01 with 30-day supply', rule: 'supply 2024-03-01 … 2024-03-30 covers asOf → counted', order: { ...oxy5q6h, status: 'completed', dispense: { quantity: 120, days: 30 } }, status: 'counted', reason: /completed; supply 2024-03-01 \+ 30 days/, flags: ['completed-supply'], total: 30, complete: true },
  { name: 'completed 2024-01-01 with 30-day supply (expired)', rule: 'supply [2024-01-01, 2024-01-31] ended before asOf → excluded', order: { ...oxy5q6h, status: 'completed', authoredOn: '2024-01-01', dispense: { quantity: 120, days: 30 } }, status: 'excluded', reason: /ended 2024-01-31/, total: 0, complete: true },
  { name: 'completed 2024-02-14 with 30-day supply, asOf = start + 30', rule: 'closed interval [start, start + 30] (CDC CDS Prescription Relevant Period) → counted on day 30', order: { ...oxy5q6h, status: 'completed', authoredOn: '2024-02-14', dispense: { quantity: 120, days: 30 } }, status: 'counted', reason: /covers 2024-03-15/, total: 30, complete: true },
  { name: 'completed 2024-02-13 with 30-day supply, asOf = start + 31', rule: 'one day past the supply → excluded', order: { ...oxy5q6h, status: 'completed', authoredOn: '2024-02-13', dispense: { quantity: 120, days: 30 } }, status: 'excluded', reason: /ended 2024-03-14/, total: 0, complete: true },
  { name: 'completed 2024-01-01, 30 days, 2 refills allowed', rule: 'refills are not credited: 2024-01-01 + 30 days ended 2024-01-31', order: { ...oxy5q6h, status: 'completed', authoredOn: '2024-01-01', dispense: { quantity: 120, days: 30, repeats: 2 } }, status: 'excluded', reason: /ended 2024-01-31/, total: 0, complete: true },
  { name: 'completed, validity start used over authoredOn', rule: 'start = validityPeriod.start 2024-02-20 + 30 → 2024-03-20', order: { ...oxy5q6h, status: 'completed', authoredOn: '2024-01-01', dispense: { quantity: 120, days: 30, validityStart: '2024-02-20' } }, status: 'counted', reason: /2024-02-20/, total: 30, complete: true },
  { name: 'completed 2 weeks ago without supply duration', rule: 'pitfall 5c: not "expired on day one" — within 90 days it is counted, flagged, "verify"', order: { ...oxy5q6h, status: 'completed' }, status: 'counted', reason: /without a supply duration.*verify/, flags: ['supply-duration-missing'], total: 30, complete: true },
  { name: 'completed 2023-11-01 without supply duration', rule: 'more than 90 days (the longest usual outpatient supply) before asOf → excluded', order: { ...oxy5q6h, status: 'completed', authoredOn: '2023-11-01' }, status: 'excluded', reason: /without a supply duration, more than 90 days/, total: 0, complete: true },
  { name: 'inpatient category', rule: 'inpatient-only orders excluded', order: { ...oxy5q6h, category: 'inpatient' }, status: 'excluded', reason: /inpatient/, total: 0, complete: true },
  { name: 'dateTime with a -08:00 offset late on asOf', rule: 'literal date part 2024-03-15 = asOf → current (TZ-independent)', order: { ...oxy5q6h, authoredOn: '2024-03-15T23:30:00-08:00' }, status: 'counted', reason: /current/, total: 30, complete: true },
  { name: 'dateTime with a +13:00 offset on the next day', rule: 'literal date part 2024-03-16 > asOf → not current', order: { ...oxy5q6h, authoredOn: '2024-03-16T00:30:00+13:00' }, status: 'excluded', reason: /after the as-of date/, total: 0, complete: true },
  // MOUD, injectables, buprenorphine for pain
  { name: 'Suboxone 8/2 mg film daily', rule: 'buprenorphine-naloxone = MOUD, excluded, not unknown', order: { rxcui: '1010606', dose: 1, timingCode: 'QD' }, status: 'excluded', reason: /^MOUD — not counted/, flags: ['moud'], total: 0, complete: true },
  { name: 'buprenorphine 8 mg sublingual tablet BID', rule: 'SL buprenorphine = MOUD', order: { rxcui: '351265', dose: 1, timingCode: 'BID' }, status: 'excluded', reason: /^MOUD/, flags: ['moud'], total: 0, complete: true },
  { name: 'Sublocade 300 mg/1.5 mL monthly', rule: 'ER buprenorphine injection = MOUD', order: { rxcui: '1996193', dose: 1.5, unit: 'mL', frequency: 1, period: 1, periodUnit: 'mo' }, status: 'excluded', reason: /^MOUD/, total: 0, complete: true },
  { name: 'Probuphine implant', rule: 'buprenorphine implant = MOUD', order: { rxcui: '1797655', noDosage: true }, status: 'excluded', reason: /^MOUD/, total: 0, complete: true },
  { name: 'Bunavail buccal film', rule: 'buccal buprenorphine-naloxone = MOUD', order: { rxcui: '1544853', dose: 1, timingCode: 'QD' }, status: 'excluded', reason: /^MOUD/, total: 0, complete: true },
  { name: 'Butrans 10 mcg/hr weekly patch', rule: 'buprenorphine for pain: no CDC 2022 factor → unknown', order: { rxcui: '904874', dose: 1, unit: '{patch}', frequency: 1, period: 7, periodUnit: 'd' }, status: 'unknown', reason: /no CDC 2022 factor/, flags: ['no-factor'], total: null, complete: false },
  { name: 'Belbuca 150 mcg buccal film BID', rule: 'buprenorphine for pain: no factor even with research factors (2018 file has none)', order: { rxcui: '1716063', dose: 1, timingCode: 'BID' }, status: 'unknown', reason: /no CDC 2022 factor/, total: null, complete: false },
  { name: 'morphine 5 mg/mL injection (Synthea 1732136), active', rule: 'injectables excluded with a reason', order: { rxcui: '1732136', dose: 1, unit: 'mL', timingCode: 'Q4H' }, status: 'excluded', reason: /injectable/, flags: ['injectable'], total: 0, complete: true },
  { name: 'fentanyl iontophoretic system (Ionsys)', rule: 'inpatient-only product excluded', order: { rxcui: '1666831', dose: 1, timingCode: 'Q4H' }, status: 'excluded', reason: /inpatient-only/, total: 0, complete: true },
  { name: 'remifentanil (Synthea surgical order), active', rule: 'supervised-setting anaesthetic → excluded inpatient-only, not unknown', order: { rxcui: '99999907', display: 'Remifentanil', noDosage: true }, status: 'excluded', reason: /inpatient-only/, total: 0, complete: true },
  { name: 'meperidine 50 mg q4h without research factors', rule: 'no CDC 2022 factor → unknown: no conversion factor', order: { rxcui: '861467', dose: 1, timingCode: 'Q4H' }, status: 'unknown', reason: /no conversion factor for meperidine in CDC 2022/, total: null, complete: false },
  // unknown products and doses: never 0
  { name: 'unknown RxCUI, name without strength', rule: 'opioid named, strength unreadable → unknown', order: { rxcui: '99999905', display: 'oxyCODONE (OxyCONTIN) 12 hr tablet', dose: 1, timingCode: 'Q12H' }, status: 'unknown', reason: /unknown strength/, flags: ['unknown-strength'], total: null, complete: false },
  { name: 'Epic-style "HYDROcodone-acetaminophen 5-325 mg" name', rule: 'ambiguous "5-325 mg" is not guessed → unknown', order: { rxcui: '99999906', display: 'HYDROcodone-acetaminophen 5-325 mg tablet', dose: 1, timingCode: 'Q6H' }, status: 'unknown', reason: /unknown strength/, total: null, complete: false },
  { name: 'no dosage, no dispense (Synthea chronic-pain shape)', rule: 'no usable dose → unknown, never 0', order: { rxcui: '1860154', noDosage: true }, status: 'unknown', reason: /no dosage instructions; no dispense quantity/, flags: ['unknown-dose'], total: null, complete: false },
  { name: 'PRN with no timing, no dose, no dispense (Synthea PRN shape)', rule: 'unknown', order: { rxcui: '1049221', prn: true }, status: 'unknown', reason: /no structured dose/, total: null, complete: false },
  { name: 'dose with no timing and no dispense', rule: 'unknown: no frequency', order: { rxcui: '1049621', dose: 1 }, status: 'unknown', reason: /no frequency/, total: null, complete: false },
  { name: 'dose 0 tablets q6h, no dispense', rule: 'a zero dose is not a dose → unknown, never 0 MME', order: { rxcui: '1049621', dose: 0, timingCode: 'Q6H' }, status: 'unknown', reason: /no structured dose/, total: null, complete: false },
  { name: 'dose in an unknown unit', rule: 'unknown unit is not guessed', order: { rxcui: '1049621', dose: 1, unit: 'kg', timingCode: 'BID' }, status: 'unknown', reason: /not understood/, total: null, complete: false },
  { name: 'tramadol under CDC 2016 without research factors', rule: '2016 has no tramadol row → unknown: no conversion factor', order: { rxcui: '835603', dose: 1, timingCode: 'QID' }, status: 'unknown', reason: /no conversion factor for tramadol in CDC 2016/, total: null, complete: false },
];

describe('which opioid orders count', () => {
  it.each(rows)('$name — $rule', (row) => {
    const edition = row.name.includes('CDC 2016') ? 'cdc-2016' : 'cdc-2022';
    const result = computeMme([makeMedicationRequest(row.order)], { asOf: row.asOf ?? AS_OF, edition });
    expect(result.orders).toHaveLength(1);
    const order = result.orders[0];
    expect(order.status).toBe(row.status);
    expect(order.reason).toMatch(row.reason);
    for (const flag of row.flags ?? []) expect(order.flags).toContain(flag);
    if (row.status !== 'counted') expect(order.mmePerDay).toBeNull();
    expect(result.totalPerDay).toBe(row.total);
    expect(result.complete).toBe(row.complete);
  });

  it('non-opioid orders are not listed (acetaminophen 325 mg)', () => {
    const result = computeMme([makeMedicationRequest({ rxcui: '313782', display: 'Acetaminophen 325 MG Oral Tablet', dose: 1, timingCode: 'Q6H' })], { asOf: AS_OF });
    expect(result).toEqual({ edition: 'cdc-2022', totalPerDay: 0, complete: true, atLeast: 0, orders: [] });
  });
});

describe('several orders', () => {
  const mme = (orders: MedicationRequest[], edition: 'cdc-2022' | 'cdc-2016' = 'cdc-2022') => computeMme(orders, { asOf: AS_OF, edition });

  it('concurrent ER oxycodone 10 mg BID (30) + oxycodone 5 mg q6h PRN (30) + fentanyl 25 mcg/hr (60) = 120', () => {
    const result = mme([
      makeMedicationRequest({ id: 'er', rxcui: '1049502', dose: 1, timingCode: 'BID' }),
      makeMedicationRequest({ id: 'ir', ...oxy5q6h, prn: true }),
      makeMedicationRequest({ id: 'patch', rxcui: '245134', dose: 1, unit: '{patch}', frequency: 1, period: 72, periodUnit: 'h' }),
    ]);
    expect(result.totalPerDay).toBeCloseTo(120, 6);
    expect(result.complete).toBe(true);
    expect(result.orders.map((o) => o.status)).toEqual(['counted', 'counted', 'counted']);
  });

  it('counted + unknown: total is the counted sum ("at least"), complete false', () => {
    const result = mme([makeMedicationRequest(oxy5q6h), makeMedicationRequest({ rxcui: '1860154', noDosage: true })]);
    expect(result.totalPerDay).toBe(30);
    expect(result.complete).toBe(false);
    expect(result.orders.map((o) => o.status)).toEqual(['counted', 'unknown']);
  });

  it('duplicate refills of one product are counted once: the most recent order is kept', () => {
    const result = mme([
      makeMedicationRequest({ id: 'jan', ...oxy5q6h, authoredOn: '2024-01-15' }),
      makeMedicationRequest({ id: 'mar', ...oxy5q6h, authoredOn: '2024-03-01' }),
      makeMedicationRequest({ id: 'feb', ...oxy5q6h, authoredOn: '2024-02-10' }),
    ]);
    expect(result.totalPerDay).toBe(30);
    const byId = Object.fromEntries(result.orders.map((o) => [o.medicationRequestId, o]));
    expect(byId.mar.status).toBe('counted');
    for (const id of ['jan', 'feb']) {
      expect(byId[id].status).toBe('excluded');
      expect(byId[id].reason).toBe('duplicate/overlapping refill of mar — counted once');
      expect(byId[id].flags).toContain('duplicate');
    }
  });

  it('brand and generic of the same ER strength overlap: counted once (OxyContin 10 mg + generic 10 mg)', () => {
    const result = mme([
      makeMedicationRequest({ id: 'brand', rxcui: '1049504', dose: 1, timingCode: 'BID', authoredOn: '2024-02-01' }),
      makeMedicationRequest({ id: 'generic', rxcui: '1860157', dose: 1, timingCode: 'BID', authoredOn: '2024-03-01' }),
    ]);
    expect(result.totalPerDay).toBe(30);
    expect(result.orders.find((o) => o.medicationRequestId === 'brand')?.reason).toMatch(/duplicate\/overlapping refill of generic/);
  });

  it('different strengths of one drug are different products: both counted (5 mg q6h 30 + 10 mg ER BID 30)', () => {
    const result = mme([makeMedicationRequest(oxy5q6h), makeMedicationRequest({ rxcui: '1049502', dose: 1, timingCode: 'BID' })]);
    expect(result.totalPerDay).toBe(60);
  });

  it('a stopped old order and a current refill: only the current one counts, the stopped one is not a "duplicate"', () => {
    const result = mme([
      makeMedicationRequest({ id: 'old', ...oxy5q6h, status: 'stopped', authoredOn: '2024-02-01' }),
      makeMedicationRequest({ id: 'new', ...oxy5q6h }),
    ]);
    expect(result.totalPerDay).toBe(30);
    expect(result.orders.find((o) => o.medicationRequestId === 'old')?.reason).toMatch(/status stopped/);
  });

  it('MOUD plus a pain opioid: MOUD listed, not counted; total from the pain opioid only', () => {
    const result = mme([makeMedicationRequest({ rxcui: '1010606', dose: 1, timingCode: 'QD' }), makeMedicationRequest(oxy5q6h)]);
    expect(result.totalPerDay).toBe(30);
    expect(result.complete).toBe(true);
    expect(result.orders.filter((o) => o.flags.includes('moud'))).toHaveLength(1);
  });

  it('several dosage lines are summed: 1 tab in the morning + 2 tabs at bedtime of oxycodone 5 mg', () => {
    const result = mme([
      makeMedicationRequest({
        rxcui: '1049621',
        dosage: [
          { sequence: 1, timing: { repeat: { when: ['MORN'] } }, doseAndRate: [{ doseQuantity: { value: 1 } }] },
          { sequence: 2, timing: { repeat: { when: ['HS'] } }, doseAndRate: [{ doseQuantity: { value: 2 } }] },
        ],
      }),
    ]);
    // (5 mg × 1 × 1) + (5 mg × 2 × 1) = 15 mg × 1.5 = 22.5
    expect(result.totalPerDay).toBe(22.5);
    expect(result.orders[0].derivation).toBe('(5 mg × 1 tab × 1/day) + (5 mg × 2 tabs × 1/day) = 15 mg/day × 1.5 = 22.5 MME/day');
  });

  it('taper lines with boundsPeriod: only the step in effect at asOf counts', () => {
    const step = (start: string, end: string, tabs: number) => ({ timing: { repeat: { boundsPeriod: { start, end }, frequency: 4, period: 1, periodUnit: 'd' as const } }, doseAndRate: [{ doseQuantity: { value: tabs } }] });
    const result = mme([makeMedicationRequest({ rxcui: '1049621', dosage: [step('2024-03-01', '2024-03-10', 2), step('2024-03-11', '2024-03-31', 1)] })]);
    // second step: 5 mg × 1 × 4 = 20 mg × 1.5 = 30
    expect(result.totalPerDay).toBe(30);
  });

  it('activeLookbackDays option changes the stale cut-off', () => {
    const order = makeMedicationRequest({ ...oxy5q6h, authoredOn: '2023-12-01' });
    expect(computeMme([order], { asOf: AS_OF, activeLookbackDays: 90 }).orders[0].reason).toMatch(/stale/);
    expect(computeMme([order], { asOf: AS_OF }).totalPerDay).toBe(30);
  });

  it('edition is echoed and defaults to cdc-2022', () => {
    expect(computeMme([], { asOf: AS_OF }).edition).toBe('cdc-2022');
    expect(computeMme([], { asOf: AS_OF, edition: 'cdc-2016' }).edition).toBe('cdc-2016');
  });
});

describe('malformed data', () => {
  it('an opioid order with a field of the wrong type becomes unknown, never dropped or thrown', () => {
    const broken = { ...makeMedicationRequest({ rxcui: '1049621' }), dosageInstruction: 'q6h' } as unknown as MedicationRequest;
    const result = computeMme([broken], { asOf: AS_OF });
    expect(result.orders[0]).toMatchObject({ status: 'unknown', flags: ['malformed'] });
    expect(result.complete).toBe(false);
  });
});
