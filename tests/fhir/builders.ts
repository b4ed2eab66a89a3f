/** Deterministic builders for the resources the loader reads (one patient, 'p1', unless told). */
import type { Condition, Medication, MedicationRequest, Observation, Patient, Resource } from 'fhir/r4';

const subject = (patient = 'p1') => ({ reference: `Patient/${patient}` });
const loinc = (code: string) => ({ coding: [{ system: 'http://loinc.org', code }] });
const OBS_CAT = 'http://terminology.hl7.org/CodeSystem/observation-category';

export const patient = (id = 'p1'): Patient => ({ resourceType: 'Patient', id, birthDate: '1961-04-02' });

export function medicationRequest(id: string, o: { status?: MedicationRequest['status']; authoredOn?: string; medicationRef?: string } = {}): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: o.status ?? 'active',
    intent: 'order',
    subject: subject(),
    authoredOn: o.authoredOn ?? '2026-10-01',
    ...(o.medicationRef
      ? { medicationReference: { reference: `Medication/${o.medicationRef}` } }
      : { medicationCodeableConcept: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '1049621' }] } }),
  };
}

export const medication = (id: string): Medication => ({
  resourceType: 'Medication',
  id,
  code: { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '1049621', display: 'oxycodone 5 MG Oral Tablet' }] },
});

export const condition = (id: string, category = 'problem-list-item'): Condition => ({
  resourceType: 'Condition',
  id,
  subject: subject(),
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: category }] }],
  code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'G89.29' }] },
});

export function observation(id: string, o: { code?: string; system?: string; category?: string; date?: string; value?: number } = {}): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    subject: subject(),
    category: [{ coding: [{ system: OBS_CAT, code: o.category ?? 'survey' }] }],
    code: o.system ? { coding: [{ system: o.system, code: o.code ?? '' }] } : loinc(o.code ?? '91148-7'),
    effectiveDateTime: o.date ?? '2026-09-15',
    valueQuantity: { value: o.value ?? 5 },
  };
}

/** A small whole record touching every source: 3 orders (2 by reference), 2 conditions, PEG, PDMP, agreement, UDT. */
export function typicalRecord(): Resource[] {
  return [
    patient(),
    medicationRequest('mr1', { medicationRef: 'med-oxy' }),
    medicationRequest('mr2', { medicationRef: 'med-oxy', status: 'stopped', authoredOn: '2026-03-01' }),
    medicationRequest('mr3'),
    medication('med-oxy'),
    condition('c1'),
    condition('c2', 'encounter-diagnosis'),
    observation('peg1', { code: '91148-7' }),
    observation('phq1', { code: '44261-6' }),
    observation('pdmp1', { system: 'http://snomed.info/sct', code: '461651000124104', category: 'exam' }),
    observation('agr1', { code: '94136-9', category: 'exam' }),
    observation('udt1', { code: '3426-4', category: 'laboratory', date: '2026-06-01' }),
    observation('lab-old', { code: '3426-4', category: 'laboratory', date: '2019-06-01' }),
    observation('bp1', { code: '85354-9', category: 'vital-signs' }),
  ];
}
