/**
 * Parsed sigs through the existing MME daily arithmetic (src/clinical/mme/daily-amount.ts): the Dosage the sig
 * reader builds must be read by dosage-lines/quantity/timing exactly as intended. Each row carries its hand
 * arithmetic; the product comes from parseDrugName (RxNorm clinical-drug names).
 */
import type { MedicationRequest } from 'fhir/r4';
import { parseDrugName } from '../../../src/clinical/drugs/parse-drug-name.ts';
import { dailyAmount } from '../../../src/clinical/mme/daily-amount.ts';
import { parseSig } from '../../../src/clinical/sig/index.ts';

const AS_OF = '2024-07-15';

interface Row {
  sig: string;
  drug: string;
  arithmetic: string;
  amount: number;
  unit: 'mg/day' | 'mcg/hr';
  flags?: string[];
}

const rows: Row[] = [
  {
    sig: '1-2 tabs po q4-6h prn pain, max 8/day',
    drug: 'oxycodone hydrochloride 5 MG Oral Tablet',
    arithmetic: 'high end 2 tabs × 5 mg × 24/4 = 6/day = 60 mg, capped by max 8 tabs × 5 mg = 40 mg/day',
    amount: 40,
    unit: 'mg/day',
    flags: ['max-dose-per-period', 'prn-max', 'dose-range-high'],
  },
  {
    sig: 'Take 1 tablet (80 mg total) by mouth every 12 (twelve) hours., Starting Tue 7/2/2024, Until Thu 8/1/2024, Print',
    drug: 'oxycodone hydrochloride 80 MG 12 HR Extended Release Oral Tablet',
    arithmetic: '1 tab × 80 mg × 24/12 = 2/day = 160 mg/day (the "80 mg total" is shown, not multiplied)',
    amount: 160,
    unit: 'mg/day',
  },
  {
    sig: '(Also Known As Norco) 1-2 tablets by mouth q 4-6 h as needed for pain',
    drug: 'Acetaminophen 325 MG / HYDROcodone Bitartrate 5 MG Oral Tablet',
    arithmetic: 'high end 2 tabs × 5 mg hydrocodone × 6/day = 60 mg/day',
    amount: 60,
    unit: 'mg/day',
    flags: ['prn-max', 'dose-range-high'],
  },
  {
    sig: 'Take 1 tablet (5 mg total) by mouth 2 times daily as needed for Pain Max daily dose: 10 mg',
    drug: 'oxycodone hydrochloride 5 MG Oral Tablet',
    arithmetic: '1 tab × 5 mg × 2/day = 10 mg; max 10 mg = 2 tabs (by the sig\'s 5 mg per tab) × 5 mg = 10 mg, not lower: 10 mg/day',
    amount: 10,
    unit: 'mg/day',
    flags: ['prn-max'],
  },
  {
    sig: 'Take 1 tablet by mouth every 4 (four) hours as needed  for Pain for up to 40 doses, Max Daily Dose: 6 tablets',
    drug: 'tramadol hydrochloride 50 MG Oral Tablet',
    arithmetic: '1 tab × 50 mg × 6/day = 300 mg; max 6 tabs × 50 mg = 300 mg, not lower: 300 mg/day',
    amount: 300,
    unit: 'mg/day',
    flags: ['prn-max'],
  },
  {
    sig: '(ALSO KNOWN AS DOLOPHINE) 1 TABLET BY MOUTH EVERY 8 HOURS',
    drug: 'methadone hydrochloride 10 MG Oral Tablet',
    arithmetic: '1 tab × 10 mg × 24/8 = 3/day = 30 mg/day',
    amount: 30,
    unit: 'mg/day',
  },
  {
    sig: '10 mg po q12h',
    drug: 'morphine sulfate 15 MG 12 HR Extended Release Oral Tablet',
    arithmetic: 'dose in mg is the opioid amount itself (not × strength): 10 mg × 2/day = 20 mg/day',
    amount: 20,
    unit: 'mg/day',
  },
  {
    sig: '1 TSP PO Q6H PRN For cough MDD: 20ml',
    drug: 'oxycodone hydrochloride 1 MG/ML Oral Solution',
    arithmetic: '1 tsp = 5 mL × 1 mg/mL × 4/day = 20 mg; max 20 mL × 1 mg/mL = 20 mg, not lower: 20 mg/day',
    amount: 20,
    unit: 'mg/day',
    flags: ['prn-max'],
  },
  {
    sig: 'Place 1 patch onto the skin every third day.',
    drug: '72 HR fentanyl 0.025 MG/HR Transdermal System',
    arithmetic: '25 mcg/hr × 1 patch worn at once (the 3-day change does not divide it) = 25 mcg/hr',
    amount: 25,
    unit: 'mcg/hr',
  },
  {
    sig: '(ALSO KNOWN AS DURAGESIC) 2 PATCHES ON DRY, CLEANED SKIN EVERY THREE DAYS',
    drug: '72 HR fentanyl 0.05 MG/HR Transdermal System',
    arithmetic: '50 mcg/hr × 2 patches worn at once = 100 mcg/hr',
    amount: 100,
    unit: 'mcg/hr',
  },
  {
    sig: '1-2 po q6hrs prn pain',
    drug: 'oxycodone hydrochloride 5 MG Oral Tablet',
    arithmetic: 'no unit written = the product\'s own unit (tablet): high end 2 × 5 mg × 4/day = 40 mg/day',
    amount: 40,
    unit: 'mg/day',
    flags: ['prn-max', 'dose-range-high'],
  },
];

function order(sig: string, drug: string): MedicationRequest {
  const parsed = parseSig(sig);
  if (!parsed.ok) throw new Error(`sig not parsed: ${parsed.reason}`);
  return {
    resourceType: 'MedicationRequest',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    authoredOn: '2024-07-01',
    medicationCodeableConcept: { text: drug },
    dosageInstruction: [parsed.reading.dosage],
  };
}

describe('parsed sigs through the MME daily arithmetic', () => {
  test.each(rows.map((r) => [`${r.sig} | ${r.drug}`, r] as const))('%s', (_name, row) => {
    const product = parseDrugName(row.drug);
    if (!product) throw new Error(`drug name not parsed: ${row.drug}`);
    const result = dailyAmount(order(row.sig, row.drug), product, AS_OF);
    if (!result.ok) throw new Error(`no daily amount: ${result.reason}`);
    expect(result.amounts).toHaveLength(1);
    expect(result.amounts[0].amount).toBeCloseTo(row.amount, 9);
    expect(result.amounts[0].unit).toBe(row.unit);
    expect(result.notes.join(' ')).not.toContain('estimated from dispense');
    if (row.flags) expect(result.flags).toEqual(row.flags);
  });

  it('a dose without a unit is not taken as mL of a liquid (the arithmetic refuses it)', () => {
    const product = parseDrugName('oxycodone hydrochloride 1 MG/ML Oral Solution');
    if (!product) throw new Error('drug name not parsed');
    const result = dailyAmount(order('1-2 po q6hrs prn pain', product.name), product, AS_OF);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('liquid');
  });

  it('Epic order dates bound the line: outside them the order is still read (only line), inside it is current', () => {
    const product = parseDrugName('oxycodone hydrochloride 80 MG 12 HR Extended Release Oral Tablet');
    if (!product) throw new Error('drug name not parsed');
    const mr = order('Take 1 tablet (80 mg total) by mouth every 12 (twelve) hours., Starting Tue 7/2/2024, Until Thu 8/1/2024, Print', product.name);
    expect(mr.dosageInstruction?.[0].timing?.repeat?.boundsPeriod).toEqual({ start: '2024-07-02', end: '2024-08-01' });
    const inside = dailyAmount(mr, product, '2024-07-15');
    expect(inside.ok && inside.amounts[0].amount).toBe(160);
  });
});
