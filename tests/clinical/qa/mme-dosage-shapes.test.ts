/**
 * QA: MME dosage shapes and products (issue 3 "Daily amount" and "Conversion factors"; mme-rules.md §4.2–§4.4),
 * through the summarize JSON. Each row: the order and its hand arithmetic (CDC 2022 factors).
 */
import type { MedicationRequest } from 'fhir/r4';
import { ago, json, oxy5, rx, sig } from './qa-build.ts';

const RXN = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const oxyWith = (dosage: MedicationRequest['dosageInstruction'], o = {}) => rx('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet', dosage, o);
const tab = { doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }] };
const named = (code: string, display: string, dosage = [sig(1, 6)]) => ({ ...rx(code, display, dosage), medicationCodeableConcept: { coding: [{ system: RXN, code, display }] } });

const more: [string, MedicationRequest, number | null, RegExp | null][] = [
  // [case, order, MME/day (null = unknown), reason pattern]
  ['timing.code BID → 2 × 5 mg = 10 mg × 1.5 = 15', oxyWith([{ ...tab, timing: { code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation', code: 'BID' }] } } }]), 15, null],
  ['timing.code Q4H → 6 × 5 = 30 mg × 1.5 = 45', oxyWith([{ ...tab, timing: { code: { coding: [{ code: 'Q4H' }] } } }]), 45, null],
  ['timing.code QOD → 0.5 × 5 = 2.5 mg × 1.5 = 3.75', oxyWith([{ ...tab, timing: { code: { coding: [{ code: 'QOD' }] } } }]), 3.75, null],
  ['when [MORN, NIGHT] → 2/day = 15', oxyWith([{ ...tab, timing: { repeat: { when: ['MORN', 'NIGHT'] } } }]), 15, null],
  ['timeOfDay × 3 → 3/day = 22.5', oxyWith([{ ...tab, timing: { repeat: { timeOfDay: ['08:00:00', '14:00:00', '20:00:00'] } } }]), 22.5, null],
  ['PRN q4h without frequencyMax → 6/day = 45, "PRN, counted at max"', oxyWith([{ ...tab, asNeededBoolean: true, timing: { repeat: { frequency: 1, period: 4, periodUnit: 'h' } } }]), 45, /PRN, counted at max/],
  ['q4h capped by maxDosePerPeriod 4 tabs/day → 20 mg × 1.5 = 30', oxyWith([{ ...tab, timing: { repeat: { frequency: 1, period: 4, periodUnit: 'h' } }, maxDosePerPeriod: { numerator: { value: 4, unit: 'tablet' }, denominator: { value: 1, unit: 'd', code: 'd', system: 'http://unitsofmeasure.org' } } }]), 30, null],
  ['period 4 h, periodMax 6 h → max uses period: 6/day = 45', oxyWith([{ ...tab, timing: { repeat: { frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' } } }]), 45, null],
  ['two dosage lines QD + HS → 2/day = 15', oxyWith([{ ...tab, timing: { repeat: { frequency: 1, period: 1, periodUnit: 'd' } } }, { ...tab, timing: { code: { coding: [{ code: 'HS' }] } } }]), 15, null],
  ['mass dose 10 mg q6h (not × strength) → 40 mg × 1.5 = 60', oxyWith([sig(10, 6, { unit: 'mg' })]), 60, null],
  ['dose 0 → unknown, never 0', oxyWith([{ doseAndRate: [{ doseQuantity: { value: 0, unit: 'tablet' } }], timing: { repeat: { frequency: 1, period: 6, periodUnit: 'h' } } }]), null, /unknown/],
  ['text-only sig "take 1 tablet every 6 hours" → read from the sig: 1 × 4/day × 5 × 1.5 = 30', oxyWith([{ text: 'take 1 tablet every 6 hours' }], { quantity: 120 }), 30, /read from the sig text "take 1 tablet every 6 hours"/],
  ['text-only sig the parser leaves alone ("as directed") + dispense 120 / 30 d → 4/day × 5 × 1.5 = 30 estimated', oxyWith([{ text: 'take as directed' }], { quantity: 120 }), 30, /estimated from dispense/],
  ['text-only sig "as directed", no dispense quantity → unknown, never a guess', oxyWith([{ text: 'take as directed' }]), null, /unknown/],
  ['fentanyl 25 no dosage, 10 patches / 30 d → 10 × 3 ÷ 30 = 1 worn → 60', rx('245134', '72 HR fentanyl 0.025 MG/HR Transdermal System', undefined, { quantity: 10 }), 60, /estimated from dispense/],
  ['fentanyl 12 (0.012 MG/HR) → 12 × 2.4 = 28.8', rx('577057', '72 HR fentanyl 0.012 MG/HR Transdermal System', [sig(1, 72)]), 28.8, null],
  ['fentanyl 50 → 120', rx('245135', '72 HR fentanyl 0.05 MG/HR Transdermal System', [sig(1, 72)]), 120, null],
  ['fentanyl 75 → 180 (cqf-ruler #23 gave 504)', rx('197696', '72 HR fentanyl 0.075 MG/HR Transdermal System', [sig(1, 72)]), 180, null],
  ['fentanyl 100 → 240', rx('245136', '72 HR fentanyl 0.1 MG/HR Transdermal System', [sig(1, 72)]), 240, null],
  ['morphine 4 mg/mL, unit-less dose 5 read as mL, q6h → 80', rx('894780', 'morphine sulfate 4 MG/ML Oral Solution', [{ timing: { repeat: { frequency: 1, period: 6, periodUnit: 'h' } }, doseAndRate: [{ doseQuantity: { value: 5 } }] }]), 80, null],
  ['morphine 4 mg/mL, dose 20 mg q6h → 80 (mass dose, not × 4 mg/mL)', rx('894780', 'morphine sulfate 4 MG/ML Oral Solution', [sig(20, 6, { unit: 'mg' })]), 80, null],
  ['no code, text "oxycodone hydrochloride 5 MG Oral Tablet" QID → 30', { ...oxyWith([sig(1, 6)]), medicationCodeableConcept: { text: 'oxycodone hydrochloride 5 MG Oral Tablet' } }, 30, null],
  ['buprenorphine 8 MG Sublingual Tablet (unknown RxCUI) → MOUD excluded', named('999', 'buprenorphine 8 MG Sublingual Tablet', [sig(1, 24)]), null, /MOUD — not counted/],
  ['Belbuca buccal film → "no CDC 2022 factor"', named('1716057', 'buprenorphine 0.15 MG Buccal Film [Belbuca]', [sig(1, 12)]), null, /no CDC 2022 factor/],
  ['meperidine → unknown "no conversion factor" (outside the 2022 table)', named('999', 'meperidine hydrochloride 50 MG Oral Tablet'), null, /no conversion factor/],
  ['APAP 300 / codeine 30 QID → 120 mg × 0.15 = 18', named('993781', 'acetaminophen 300 MG / codeine phosphate 30 MG Oral Tablet'), 18, null],
  ['oxymorphone 5 mg QID (parsed name) → 20 × 3 = 60', named('999', 'oxymorphone hydrochloride 5 MG Oral Tablet'), 60, null],
];

describe('QA MME: dosage shapes and products', () => {
  it.each(more)('%s', (_c, order, mme, reason) => {
    const out = json([order]);
    const o = out.mme.orders[0];
    if (mme === null) expect(o.mmePerDay).toBeNull();
    else expect(o.mmePerDay).toBeCloseTo(mme, 6);
    if (reason) expect(`${o.status} ${o.reason}`).toMatch(reason);
  });
  it('oxycodone QID (30) + morphine 15 mg BID (30) → total 60', () => {
    expect(json([oxy5(4), rx('892582', 'morphine sulfate 15 MG Oral Tablet', [sig(1, 12)])]).mme.totalPerDay).toBe(60);
  });
  it('methadone 20.5 mg/day under 2016 → rounded up to 21 → ×8 = 164 (documented choice)', () => {
    expect(json([rx('864706', 'methadone hydrochloride 10 MG Oral Tablet', [sig(20.5, 24, { unit: 'mg' })])], 'cdc-2016').mme.totalPerDay).toBe(164);
  });
  it('order authored after asOf is not counted', () => {
    expect(json([oxy5(4, { authoredOn: ago(-5) })]).mme.totalPerDay).toBe(0);
  });
});
