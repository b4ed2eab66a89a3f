/**
 * Table-driven MME arithmetic: one current order per row, CDC 2022 unless stated, as of 2024-03-15.
 * Each row carries its hand arithmetic; the expected number is that arithmetic, written out.
 */
import { computeMme } from '../../../src/clinical/mme/index.ts';
import type { MmeOptions } from '../../../src/clinical/types.ts';
import { AS_OF, makeMedicationRequest, type OrderSpec } from './builders.ts';

interface Row {
  name: string;
  arithmetic: string;
  order: OrderSpec;
  mme: number;
  dailyAmount?: number;
  amountUnit?: string;
  factor?: number;
  flags?: string[];
  longActing?: boolean;
  options?: Partial<MmeOptions>;
}

const q4h = { frequency: 1, period: 4, periodUnit: 'h' } as const;
const q6h = { frequency: 1, period: 6, periodUnit: 'h' } as const;
const q12h = { frequency: 1, period: 12, periodUnit: 'h' } as const;
const q72h = { frequency: 1, period: 72, periodUnit: 'h' } as const;
const patch = (rxcui: string, n = 1) => ({ rxcui, dose: n, unit: '{patch}', ...q72h });

const rows: Row[] = [
  // IR tablets, timing.repeat
  { name: 'oxycodone 5 mg IR, 1 tab q4h', arithmetic: '5 mg × 1 × 6/day = 30 mg × 1.5 = 45', order: { rxcui: '1049621', dose: 1, ...q4h }, mme: 45, dailyAmount: 30, factor: 1.5, longActing: false },
  { name: 'CDC 2022 example: hydrocodone 5/APAP 325, 1 tab 4 times a day', arithmetic: '5 mg × 1 × 4 = 20 mg × 1 = 20', order: { rxcui: '857002', dose: 1, frequency: 4, period: 1, periodUnit: 'd' }, mme: 20, dailyAmount: 20, factor: 1 },
  { name: 'Synthea shape: hydrocodone 7.5/APAP 325, 1 q6h (Lonnie Von)', arithmetic: '7.5 mg × 1 × 4 = 30 mg × 1 = 30', order: { rxcui: '857005', dose: 1, ...q6h }, mme: 30 },
  { name: 'codeine 30/APAP 300, 1 tab q8h (combination: opioid part only)', arithmetic: '30 mg × 3 = 90 mg × 0.15 = 13.5', order: { rxcui: '993781', dose: 1, frequency: 1, period: 8, periodUnit: 'h' }, mme: 13.5, factor: 0.15 },
  { name: 'oxycodone 5 mg, 2 tabs every 1 wk', arithmetic: '5 × 2 × 1/7 = 1.4286 mg × 1.5 = 2.142857', order: { rxcui: '1049621', dose: 2, frequency: 1, period: 1, periodUnit: 'wk' }, mme: 2.142857 },
  // ER products
  { name: 'CDC 2022 example: ER oxycodone 10 mg twice a day', arithmetic: '10 mg × 2 = 20 mg × 1.5 = 30', order: { rxcui: '1049502', dose: 1, frequency: 2, period: 1, periodUnit: 'd' }, mme: 30, longActing: true },
  { name: 'ER morphine 15 mg q12h', arithmetic: '15 × 2 = 30 mg × 1 = 30', order: { rxcui: '891878', dose: 1, ...q12h }, mme: 30, longActing: true },
  { name: 'ER oxycodone 10 mg tab, dose written as 20 mg q12h (mass dose not × strength)', arithmetic: '20 mg × 2 = 40 mg × 1.5 = 60', order: { rxcui: '1049502', dose: 20, unit: 'mg', ...q12h }, mme: 60, dailyAmount: 40 },
  // timing.code and times of day
  { name: 'morphine 15 mg IR QID (timing.code)', arithmetic: '15 × 4 = 60 mg × 1 = 60', order: { rxcui: '892582', dose: 1, timingCode: 'QID' }, mme: 60 },
  { name: 'hydromorphone 2 mg, 2 tabs Q6H', arithmetic: '2 mg × 2 × 4 = 16 mg × 5 = 80', order: { rxcui: '897696', dose: 2, timingCode: 'Q6H' }, mme: 80, factor: 5 },
  { name: 'oxycodone 5 mg TID', arithmetic: '5 × 3 = 15 mg × 1.5 = 22.5', order: { rxcui: '1049621', dose: 1, timingCode: 'TID' }, mme: 22.5 },
  { name: 'oxycodone 5 mg BID', arithmetic: '5 × 2 = 10 mg × 1.5 = 15', order: { rxcui: '1049621', dose: 1, timingCode: 'BID' }, mme: 15 },
  { name: 'oxycodone 5 mg QD', arithmetic: '5 × 1 = 5 mg × 1.5 = 7.5', order: { rxcui: '1049621', dose: 1, timingCode: 'QD' }, mme: 7.5 },
  { name: 'oxycodone 5 mg QOD', arithmetic: '5 × 0.5 = 2.5 mg × 1.5 = 3.75', order: { rxcui: '1049621', dose: 1, timingCode: 'QOD' }, mme: 3.75 },
  { name: 'oxycodone 5 mg Q4H', arithmetic: '5 × 6 = 30 mg × 1.5 = 45', order: { rxcui: '1049621', dose: 1, timingCode: 'Q4H' }, mme: 45 },
  { name: 'oxycodone 5 mg Q8H', arithmetic: '5 × 3 = 15 mg × 1.5 = 22.5', order: { rxcui: '1049621', dose: 1, timingCode: 'Q8H' }, mme: 22.5 },
  { name: 'ER morphine 15 mg Q12H', arithmetic: '15 × 2 = 30 mg × 1 = 30', order: { rxcui: '891878', dose: 1, timingCode: 'Q12H' }, mme: 30 },
  { name: 'oxycodone 5 mg, Cerner-style code text "every 6 hr" only', arithmetic: '5 × 4 = 20 mg × 1.5 = 30', order: { rxcui: '1049621', dose: 1, timingText: 'every 6 hr' }, mme: 30 },
  { name: 'ER morphine 15 mg at 08:00 and 20:00 (timeOfDay)', arithmetic: '15 × 2 = 30 mg × 1 = 30', order: { rxcui: '891878', dose: 1, timeOfDay: ['08:00:00', '20:00:00'] }, mme: 30 },
  { name: 'oxycodone 5 mg, 1 tab MORN and HS (when)', arithmetic: '5 × 2 = 10 mg × 1.5 = 15', order: { rxcui: '1049621', dose: 1, when: ['MORN', 'HS'] }, mme: 15 },
  // fentanyl patches: mcg/hr worn at once × 2.4, whatever the change schedule
  { name: 'fentanyl 12 mcg/hr patch q72h', arithmetic: '12 × 1 × 2.4 = 28.8', order: patch('577057'), mme: 28.8, dailyAmount: 12, amountUnit: 'mcg/hr', factor: 2.4, longActing: true },
  { name: 'fentanyl 25 mcg/hr patch q72h', arithmetic: '25 × 2.4 = 60', order: patch('245134'), mme: 60, dailyAmount: 25 },
  { name: 'fentanyl 37.5 mcg/hr patch q72h', arithmetic: '37.5 × 2.4 = 90', order: patch('1603495'), mme: 90 },
  { name: 'fentanyl 50 mcg/hr patch q72h', arithmetic: '50 × 2.4 = 120', order: patch('245135'), mme: 120 },
  { name: 'fentanyl 75 mcg/hr patch q72h', arithmetic: '75 × 2.4 = 180 (not 504: pitfall 4)', order: patch('197696'), mme: 180 },
  { name: 'fentanyl 100 mcg/hr patch q72h', arithmetic: '100 × 2.4 = 240', order: patch('245136'), mme: 240 },
  { name: 'fentanyl 25 mcg/hr, two patches at once', arithmetic: '25 × 2 patches = 50 mcg/hr × 2.4 = 120', order: patch('245134', 2), mme: 120, dailyAmount: 50 },
  { name: 'fentanyl 25 mcg/hr "1 patch daily" is still 1 patch worn', arithmetic: '25 × 1 × 2.4 = 60 (not 180)', order: { rxcui: '245134', dose: 1, unit: '{patch}', frequency: 1, period: 1, periodUnit: 'd' }, mme: 60 },
  { name: 'fentanyl 50 mcg/hr, dose given as 50 ug/h', arithmetic: '50 mcg/hr × 2.4 = 120', order: { rxcui: '245135', dose: 50, unit: 'ug/h', ...q72h }, mme: 120 },
  { name: 'fentanyl 75 mcg/hr, dose unit text "patch" without a code, every 3.0 d', arithmetic: '75 × 1 × 2.4 = 180', order: { rxcui: '197696', dosage: [{ timing: { repeat: { frequency: 1, period: 3.0, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'patch' } }] }] }, mme: 180 },
  { name: 'ER oxycodone 60 mg tablet, dose 10 mg at 10:00 and 22:00 (mass dose, timeOfDay)', arithmetic: '10 mg × 2 = 20 mg × 1.5 = 30', order: { rxcui: '1049593', dose: 10, unit: 'mg', timeOfDay: ['10:00:00', '22:00:00'] }, mme: 30 },
  // methadone under both editions
  { name: 'methadone 10 mg TID, CDC 2022', arithmetic: '30 mg × 4.7 = 141', order: { rxcui: '864706', dose: 1, timingCode: 'TID' }, mme: 141, factor: 4.7, longActing: true },
  { name: 'methadone 10 mg TID, CDC 2016 (21–40 mg tier 8)', arithmetic: '30 mg × 8 = 240', order: { rxcui: '864706', dose: 1, timingCode: 'TID' }, mme: 240, factor: 8, options: { edition: 'cdc-2016' } },
  { name: 'methadone 5 mg BID, CDC 2016 (1–20 mg tier 4)', arithmetic: '10 mg × 4 = 40', order: { rxcui: '864718', dose: 1, timingCode: 'BID' }, mme: 40, factor: 4, options: { edition: 'cdc-2016' } },
  { name: 'methadone 5 mg BID, CDC 2022', arithmetic: '10 mg × 4.7 = 47', order: { rxcui: '864718', dose: 1, timingCode: 'BID' }, mme: 47 },
  { name: 'methadone 10 mg 2 tabs TID, CDC 2016 (41–60 mg tier 10)', arithmetic: '60 mg × 10 = 600', order: { rxcui: '864706', dose: 2, timingCode: 'TID' }, mme: 600, factor: 10, options: { edition: 'cdc-2016' } },
  { name: 'methadone 10 mg 7/day, CDC 2016 (≥61 mg tier 12)', arithmetic: '70 mg × 12 = 840', order: { rxcui: '864706', dose: 1, frequency: 7, period: 1, periodUnit: 'd' }, mme: 840, factor: 12, options: { edition: 'cdc-2016' } },
  { name: 'hydromorphone 2 mg 2 tabs Q6H, CDC 2016 factor 4', arithmetic: '16 mg × 4 = 64', order: { rxcui: '897696', dose: 2, timingCode: 'Q6H' }, mme: 64, factor: 4, options: { edition: 'cdc-2016' } },
  // tramadol and tapentadol
  { name: 'tramadol 50 mg 2 tabs QID, CDC 2022', arithmetic: '400 mg × 0.2 = 80', order: { rxcui: '835603', dose: 2, timingCode: 'QID' }, mme: 80, factor: 0.2 },
  { name: 'tramadol 50 mg 2 tabs QID, CDC 2016 + research factors', arithmetic: '400 mg × 0.1 (CDC data file 2018) = 40', order: { rxcui: '835603', dose: 2, timingCode: 'QID' }, mme: 40, factor: 0.1, flags: ['research-factor'], options: { edition: 'cdc-2016', useResearchFactors: true } },
  { name: 'tapentadol 50 mg q6h, CDC 2022', arithmetic: '200 mg × 0.4 = 80', order: { rxcui: '825411', dose: 1, ...q6h }, mme: 80, factor: 0.4 },
  { name: 'tapentadol 50 mg q6h, CDC 2016 + research factors', arithmetic: '200 mg × 0.4 = 80', order: { rxcui: '825411', dose: 1, ...q6h }, mme: 80, flags: ['research-factor'], options: { edition: 'cdc-2016', useResearchFactors: true } },
  // research factors (clinic opt-in) for opioids without a clinical factor
  { name: 'meperidine 50 mg q4h, CDC 2022 + research factors', arithmetic: '50 × 6 = 300 mg × 0.1 = 30', order: { rxcui: '861467', dose: 1, ...q4h }, mme: 30, factor: 0.1, flags: ['research-factor'], options: { useResearchFactors: true } },
  { name: 'fentanyl 0.1 mg buccal tablet 4/day, research factor per mcg', arithmetic: '0.4 mg = 400 mcg × 0.13 = 52', order: { rxcui: '668363', dose: 1, timingCode: 'QID' }, mme: 52, factor: 0.13, flags: ['research-factor'], options: { useResearchFactors: true } },
  { name: 'methadone 10 mg TID, CDC 2022 + research factors: clinical 4.7 still used', arithmetic: '30 mg × 4.7 = 141', order: { rxcui: '864706', dose: 1, timingCode: 'TID' }, mme: 141, factor: 4.7, options: { useResearchFactors: true } },
  { name: 'oxycodone 5 mg, frequency 3 with periodUnit d and no period value', arithmetic: '5 × 3 = 15 mg × 1.5 = 22.5', order: { rxcui: '1049621', dose: 1, frequency: 3, periodUnit: 'd' }, mme: 22.5 },
  // oral liquids
  { name: 'morphine 2 mg/mL, 5 mL q4h', arithmetic: '2 mg/mL × 5 mL × 6 = 60 mg × 1 = 60', order: { rxcui: '892589', dose: 5, unit: 'mL', ...q4h }, mme: 60, dailyAmount: 60 },
  { name: 'oxycodone 1 mg/mL, 10 mL q6h', arithmetic: '1 × 10 × 4 = 40 mg × 1.5 = 60', order: { rxcui: '1049604', dose: 10, unit: 'mL', ...q6h }, mme: 60 },
  { name: 'morphine 4 mg/mL, dose 10 mg q4h (mass dose not × strength)', arithmetic: '10 mg × 6 = 60 mg × 1 = 60', order: { rxcui: '894780', dose: 10, unit: 'mg', ...q4h }, mme: 60 },
  { name: 'morphine 2 mg/mL, unit-less dose 5 read as mL', arithmetic: '2 × 5 × 6 = 60', order: { rxcui: '892589', dose: 5, ...q4h }, mme: 60 },
  // PRN and ranges: counted at max
  { name: 'oxycodone 5 mg 1–2 tabs q4–6h PRN', arithmetic: 'max: 2 tabs × 24/4 = 12 tabs × 5 = 60 mg × 1.5 = 90', order: { rxcui: '1049621', dose: [1, 2], frequency: 1, period: 4, periodMax: 6, periodUnit: 'h', prn: true }, mme: 90, flags: ['prn-max', 'dose-range-high'] },
  { name: 'hydrocodone 5 mg 1 tab 1–3 times a day PRN (frequencyMax)', arithmetic: '5 × 3 = 15 mg × 1 = 15', order: { rxcui: '857002', dose: 1, frequency: 1, frequencyMax: 3, period: 1, periodUnit: 'd', prn: true }, mme: 15, flags: ['prn-max'] },
  { name: 'oxycodone 5 mg 1–2 tabs q4h PRN, max 6 tabs/day', arithmetic: 'min(12 tabs, 6 tabs) = 6 × 5 = 30 mg × 1.5 = 45', order: { rxcui: '1049621', dose: [1, 2], ...q4h, prn: true, maxPerPeriod: { value: 6, unit: '{tbl}', per: 1, perUnit: 'd' } }, mme: 45, flags: ['prn-max', 'max-dose-per-period'] },
  { name: 'oxycodone 5 mg PRN, no frequency, max 4 tabs/day', arithmetic: '4 × 5 = 20 mg × 1.5 = 30', order: { rxcui: '1049621', dose: 1, prn: true, maxPerPeriod: { value: 4, per: 1, perUnit: 'd' } }, mme: 30 },
  { name: 'hydrocodone 5 mg 1–2 tabs q6h (range, scheduled)', arithmetic: '2 × 4 × 5 = 40 mg × 1 = 40', order: { rxcui: '857002', dose: [1, 2], ...q6h }, mme: 40, flags: ['dose-range-high'] },
  // missing dosage, dispense fallback
  { name: 'oxycodone 5 mg, no dosage, 120 tabs for 30 days', arithmetic: '120 ÷ 30 = 4/day × 5 = 20 mg × 1.5 = 30', order: { rxcui: '1049621', noDosage: true, dispense: { quantity: 120, days: 30 } }, mme: 30, flags: ['estimated-from-dispense'] },
  { name: 'fentanyl 25 mcg/hr, no dosage, 10 patches for 30 days', arithmetic: '10 × 3 ÷ 30 = 1 worn × 25 × 2.4 = 60', order: { rxcui: '245134', noDosage: true, dispense: { quantity: 10, unit: '{patch}', days: 30 } }, mme: 60, flags: ['estimated-from-dispense'] },
  { name: 'morphine 2 mg/mL, PRN without timing, 300 mL for 10 days', arithmetic: '300 ÷ 10 = 30 mL × 2 = 60 mg × 1 = 60', order: { rxcui: '892589', prn: true, dispense: { quantity: 300, unit: 'mL', days: 10 } }, mme: 60, flags: ['estimated-from-dispense'] },
  // unknown RxCUI with a parsable RxNorm name; tall-man case; several codings
  { name: 'unknown RxCUI, "oxycodone hydrochloride 5 MG Oral Tablet" q6h', arithmetic: '5 × 4 = 20 mg × 1.5 = 30', order: { rxcui: '99999901', display: 'oxycodone hydrochloride 5 MG Oral Tablet', dose: 1, ...q6h }, mme: 30 },
  { name: 'unknown RxCUI, tall-man "HYDROcodone Bitartrate 10 MG / Acetaminophen 325 MG Oral Tablet" q6h', arithmetic: '10 × 4 = 40 mg × 1 = 40', order: { rxcui: '99999902', display: 'HYDROcodone Bitartrate 10 MG / Acetaminophen 325 MG Oral Tablet', dose: 1, ...q6h }, mme: 40 },
  { name: 'unknown RxCUI, "72 HR fentanyl 0.05 MG/HR Transdermal System"', arithmetic: '0.05 mg/hr = 50 mcg/hr × 2.4 = 120', order: { rxcui: '99999903', display: '72 HR fentanyl 0.05 MG/HR Transdermal System', dose: 1, unit: '{patch}', ...q72h }, mme: 120, longActing: true },
  { name: 'unknown RxCUI, "oxycodone hydrochloride 5 MG/5ML Oral Solution", 10 mL q6h', arithmetic: '1 mg/mL × 10 × 4 = 40 mg × 1.5 = 60', order: { rxcui: '99999904', display: 'oxycodone hydrochloride 5 MG/5ML Oral Solution', dose: 10, unit: 'mL', ...q6h }, mme: 60 },
  { name: 'several codings: ingredient 7804 first, then SCD 1049621', arithmetic: '5 × 4 = 20 mg × 1.5 = 30', order: { codings: [{ code: '7804' }, { system: 'http://hl7.org/fhir/sid/ndc', code: '1049621' }, { code: '1049621' }], dose: 1, ...q6h }, mme: 30 },
];

describe('MME arithmetic per order (hand-computed)', () => {
  it.each(rows)('$name: $arithmetic', (row) => {
    const result = computeMme([makeMedicationRequest(row.order)], { asOf: AS_OF, ...row.options });
    expect(result.orders).toHaveLength(1);
    const order = result.orders[0];
    expect(order.status, order.reason).toBe('counted');
    expect(order.mmePerDay).toBeCloseTo(row.mme, 5);
    expect(result.totalPerDay).toBeCloseTo(row.mme, 5);
    expect(result.complete).toBe(true);
    if (row.dailyAmount !== undefined) expect(order.dailyAmount).toBeCloseTo(row.dailyAmount, 6);
    if (row.amountUnit !== undefined) expect(order.amountUnit).toBe(row.amountUnit);
    if (row.factor !== undefined) expect(order.factor).toBe(row.factor);
    if (row.longActing !== undefined) expect(order.longActing).toBe(row.longActing);
    for (const flag of row.flags ?? []) expect(order.flags).toContain(flag);
    expect(order.derivation).toMatch(/MME\/day$/);
  });
});
