/**
 * Medication identity and strength from EHR-shaped resources: Epic medicationReference with numerator =
 * denominator strengths (fixtures copied unchanged from shared ehr-shapes, see fhir-fixtures/README.md),
 * contained Medications, urn:uuid references, draft and non-opioid orders.
 */
import type { Medication, MedicationRequest, Resource } from 'fhir/r4';
import { join } from 'node:path';
import { readInputFile } from '../../../src/cli/read-input.ts';
import { computeMme } from '../../../src/clinical/mme/index.ts';
import { productByRxcui } from '../../../src/clinical/drugs/drug-table.ts';
import { AS_OF, makeMedication, makeMedicationRequest } from './builders.ts';

const fixture = (name: string): Resource[] => readInputFile(join(__dirname, '../../../fhir-fixtures/ehr-shapes', name)).resources;
const OXYCONTIN = 'epic-ynhh-oxycontin-er-80mg.transaction-bundle.json';
const FENTANYL = 'epic-ynhh-fentanyl-patch-12mcg-hr.transaction-bundle.json';

/** The same resources with every RxNorm code that is in the drug table removed from Medication.code. */
function withoutTableCodes(resources: Resource[]): Resource[] {
  return resources.map((r) => {
    if (r.resourceType !== 'Medication') return r;
    const med = r as Medication;
    return { ...med, code: { ...med.code, coding: (med.code?.coding ?? []).filter((c) => !productByRxcui(c.code ?? '')) } };
  });
}

describe('Epic fixtures (medicationReference, typed doseAndRate, numerator = denominator)', () => {
  it('OxyContin 80 mg q12h, ordered dose 80 mg: 80 mg × 2 = 160 mg × 1.5 = 240', () => {
    const result = computeMme(fixture(OXYCONTIN), { asOf: '2024-07-20' });
    const order = result.orders[0];
    expect(order).toMatchObject({ medicationRequestId: 'oxycodone-order', medication: 'oxyCODONE (OxyCONTIN) 12 hr tablet', status: 'counted', mmePerDay: 240, longActing: true });
    expect(order.derivation).toBe('80 mg × 2/day = 160 mg/day × 1.5 = 240 MME/day');
    expect(result.totalPerDay).toBe(240);
  });

  it('same order with no table code: Medication strength 80 mg / 80 mg read as 80 mg per tablet → 240', () => {
    const result = computeMme(withoutTableCodes(fixture(OXYCONTIN)), { asOf: '2024-07-20' });
    expect(result.orders[0].status).toBe('counted');
    expect(result.orders[0].mmePerDay).toBe(240);
    expect(result.orders[0].longActing).toBe(true); // "tablet,oral only,ext.rel.12 hr"
  });

  it('fentaNYL (DURAGESIC) 12 mcg/hr, 1 patch every 72 h: 12 × 2.4 = 28.8', () => {
    const result = computeMme(fixture(FENTANYL), { asOf: '2024-07-20' });
    expect(result.orders).toHaveLength(1);
    expect(result.orders[0]).toMatchObject({ status: 'counted', mmePerDay: 28.8, dailyAmount: 12, amountUnit: 'mcg/hr', factor: 2.4 });
  });

  it('same patch with no table code: strength 12 ug/h / 12 ug/h → 12 mcg/hr → 28.8', () => {
    const result = computeMme(withoutTableCodes(fixture(FENTANYL)), { asOf: '2024-07-20' });
    expect(result.orders[0].mmePerDay).toBe(28.8);
  });

  it('Epic draft codeine order (Medication not in the file): listed as excluded, status draft', () => {
    const result = computeMme(fixture('epic-apporchard-codeine-15mg-prn.medicationrequest.json'), { asOf: '2021-09-20' });
    expect(result.orders[0]).toMatchObject({ medication: 'CODEINE SULFATE 15 MG PO TABS', status: 'excluded' });
    expect(result.orders[0].reason).toMatch(/draft/);
    expect(result.totalPerDay).toBe(0);
  });

  it('non-opioid EHR orders (Cerner acetaminophen, US Core contained nizatidine) are not listed', () => {
    const resources = [...fixture('cerner-acetaminophen-prn-q4h-community.medicationrequest.json'), ...fixture('uscore-mo2-liquid-contained-medication.medicationrequest.json')];
    expect(computeMme(resources, { asOf: '2020-01-01' }).orders).toEqual([]);
  });
});

describe('contained and referenced Medication (synthetic rows)', () => {
  const rows: { name: string; arithmetic: string; resources: () => Resource[]; mme: number }[] = [
    {
      name: 'contained oxycodone 5 mg / 5 mL solution, 10 mL q6h',
      arithmetic: '1 mg/mL × 10 mL × 4 = 40 mg × 1.5 = 60',
      resources: () => [
        makeMedicationRequest({
          medicationRef: '#med1',
          contained: [makeMedication({ id: 'med1', text: 'oxycodone oral solution', ingredient: 'oxycodone hydrochloride', numerator: { value: 5, unit: 'mg', code: 'mg' }, denominator: { value: 5, unit: 'mL', code: 'mL' }, form: 'Oral Solution' })],
          dose: 10, unit: 'mL', frequency: 1, period: 6, periodUnit: 'h',
        }),
      ],
      mme: 60,
    },
    {
      name: 'referenced hydromorphone 2 mg per tablet (ingredient RxCUI 3423), 2 tabs q4h',
      arithmetic: '2 mg × 2 × 6 = 24 mg × 5 = 120',
      resources: () => [
        makeMedication({ id: 'm1', text: 'Dilaudid tablet', ingredient: 'Dilaudid', ingredientRxcui: '3423', numerator: { value: 2, code: 'mg' }, denominator: { value: 1, code: '{tbl}' }, form: 'tablet' }),
        makeMedicationRequest({ medicationRef: 'Medication/m1', dose: 2, unit: '{tbl}', frequency: 1, period: 4, periodUnit: 'h' }),
      ],
      mme: 120,
    },
    {
      name: 'urn:uuid reference to a Medication coded with a table SCD (oxycodone 5 mg 1049621), 1 tab QID',
      arithmetic: '5 × 4 = 20 mg × 1.5 = 30',
      resources: () => [
        makeMedication({ id: '0b6d1f0e-7d4c-4a57-9a55-3f1f3c1d2e01', text: 'oxycodone 5 mg tablet', codings: [{ code: '1049621' }], ingredient: 'oxycodone', numerator: { value: 5, code: 'mg' } }),
        makeMedicationRequest({ medicationRef: 'urn:uuid:0b6d1f0e-7d4c-4a57-9a55-3f1f3c1d2e01', dose: 1, timingCode: 'QID' }),
      ],
      mme: 30,
    },
    {
      name: 'absolute reference URL, morphine 15 mg ER per tablet, Q12H',
      arithmetic: '15 × 2 = 30 mg × 1 = 30',
      resources: () => [
        makeMedication({ id: 'ms', text: 'morphine sulfate ER 15 mg tablet', ingredient: 'morphine sulfate', numerator: { value: 15, code: 'mg' }, denominator: { value: 15, code: 'mg' }, form: 'tablet, extended release' }),
        makeMedicationRequest({ medicationRef: 'https://ehr.example.org/fhir/Medication/ms', dose: 1, timingCode: 'Q12H' }),
      ],
      mme: 30,
    },
  ];

  it.each(rows)('$name: $arithmetic', ({ resources, mme }) => {
    const result = computeMme(resources(), { asOf: AS_OF });
    expect(result.orders).toHaveLength(1);
    expect(result.orders[0].status, result.orders[0].reason).toBe('counted');
    expect(result.orders[0].mmePerDay).toBeCloseTo(mme, 6);
  });

  it('medicationReference to a Medication that is not present and a display without strength → unknown', () => {
    const mr: MedicationRequest = makeMedicationRequest({ medicationRef: 'Medication/missing', medicationRefDisplay: 'oxyCODONE (ROXICODONE) tablet', dose: 1, timingCode: 'Q6H' });
    const result = computeMme([mr], { asOf: AS_OF });
    expect(result.orders[0].status).toBe('unknown');
    expect(result.complete).toBe(false);
    expect(result.totalPerDay).toBeNull();
  });
});
