/**
 * A whole patient for the full-panel tests, served by the msw fake EHR (tests/fhir/msw):
 * oxycodone 5 mg 1 tab 4×/day (= 20 mg × 1.5 = 30 MME/day), two PEGs (6.0 baseline, 4.0 = 33% better),
 * a PDMP check and a signed agreement. asOf 2026-11-22.
 */
import type { MedicationRequest, Observation, Resource } from 'fhir/r4';
import { patient } from '../fhir/builders.ts';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const LOINC = 'http://loinc.org';
const subject = { reference: 'Patient/p1' };
const survey = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey' }] }];

export const oxycodoneOrder: MedicationRequest = {
  resourceType: 'MedicationRequest',
  id: 'mr-oxy',
  status: 'active',
  intent: 'order',
  subject,
  authoredOn: '2026-10-01',
  medicationCodeableConcept: { coding: [{ system: RXNORM, code: '1049621', display: 'oxycodone hydrochloride 5 MG Oral Tablet' }], text: 'oxycodone 5 mg tablet' },
  dosageInstruction: [
    {
      text: '1 tablet by mouth 4 times a day',
      timing: { repeat: { frequency: 4, period: 1, periodUnit: 'd' } },
      doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }],
    },
  ],
  dispenseRequest: { quantity: { value: 120 }, expectedSupplyDuration: { value: 30, unit: 'days' } },
};

const q = (value: number) => ({ value, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' });

export function pegObservation(id: string, date: string, pain: number, enjoyment: number, activity: number): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    subject,
    category: survey,
    code: { coding: [{ system: LOINC, code: '91148-7' }] },
    effectiveDateTime: `${date}T10:00:00-05:00`,
    valueQuantity: q((pain + enjoyment + activity) / 3),
    component: [
      { code: { coding: [{ system: LOINC, code: '75893-8' }] }, valueQuantity: q(pain) },
      { code: { coding: [{ system: LOINC, code: '91145-3' }] }, valueQuantity: q(enjoyment) },
      { code: { coding: [{ system: LOINC, code: '91146-1' }] }, valueQuantity: q(activity) },
    ],
  };
}

export function panelRecord(): Resource[] {
  return [
    patient(),
    oxycodoneOrder,
    pegObservation('peg-1', '2026-05-01', 6, 6, 6),
    pegObservation('peg-2', '2026-10-20', 5, 4, 3),
    {
      resourceType: 'Observation',
      id: 'pdmp-1',
      status: 'final',
      subject,
      code: { coding: [{ system: 'http://snomed.info/sct', code: '461651000124104' }] },
      effectiveDateTime: '2026-06-01',
    } as Observation,
  ];
}
