/** The heavy patient's resources by kind (see scripts/gen-heavy-patient.ts). Real codes, synthetic person. */
import type { Condition, Medication, MedicationRequest } from 'fhir/r4';

export interface Gen {
  patientId: string;
  months: number;
  random: () => number;
  pick<T>(list: readonly T[]): T;
  date(month: number, day?: number): string;
}

const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const LOINC = 'http://loinc.org';
const CAT = 'http://terminology.hl7.org/CodeSystem/observation-category';

// [rxcui, display, dose per take, takes per day]
const OPIOID = ['1049621', 'oxycodone hydrochloride 5 MG Oral Tablet', 1, 4] as const;
const OTHER_MEDS = [
  ['314076', 'lisinopril 10 MG Oral Tablet', 1, 1],
  ['860975', 'metformin hydrochloride 500 MG Oral Tablet', 1, 2],
  ['617310', 'atorvastatin 20 MG Oral Tablet', 1, 1],
  ['310431', 'gabapentin 300 MG Oral Capsule', 1, 3],
  ['312940', 'sertraline 50 MG Oral Tablet', 1, 1],
  ['197361', 'amlodipine 5 MG Oral Tablet', 1, 1],
  ['198211', 'simvastatin 40 MG Oral Tablet', 1, 1],
  ['310965', 'ibuprofen 200 MG Oral Tablet', 2, 3],
  ['313782', 'acetaminophen 325 MG Oral Tablet', 2, 4],
  ['966529', 'levothyroxine sodium 0.1 MG Oral Tablet', 1, 1],
  ['197591', 'diazepam 5 MG Oral Tablet', 1, 2],
] as const;
type Med = readonly [string, string, number, number];

const subject = (g: Gen) => ({ reference: `Patient/${g.patientId}` });
const medId = (rxcui: string) => `heavy-med-${rxcui}`;

export function heavyMedications(g: Gen): Array<MedicationRequest | Medication> {
  const out: Array<MedicationRequest | Medication> = [];
  const referenced = new Set<string>();
  let n = 0;
  const order = (month: number, med: Med, last: boolean) => {
    const [rxcui, display, dose, perDay] = med;
    const byReference = n % 2 === 0; // half the orders name the drug by reference (Epic style)
    if (byReference) referenced.add(rxcui);
    out.push({
      resourceType: 'MedicationRequest',
      id: `heavy-mr-${++n}`,
      status: last ? 'active' : g.pick(['completed', 'completed', 'completed', 'stopped'] as const),
      intent: 'order',
      subject: subject(g),
      authoredOn: g.date(month),
      ...(byReference
        ? { medicationReference: { reference: `Medication/${medId(rxcui)}`, display } }
        : { medicationCodeableConcept: { coding: [{ system: RX, code: rxcui, display }], text: display } }),
      dosageInstruction: [{
        text: `take ${dose} by mouth ${perDay} times a day`,
        timing: { repeat: { frequency: perDay, period: 1, periodUnit: 'd' } },
        doseAndRate: [{ doseQuantity: { value: dose, unit: 'tablet' } }],
      }],
      dispenseRequest: { quantity: { value: dose * perDay * 30 }, expectedSupplyDuration: { value: 30, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' } },
    });
  };
  for (let m = 0; m < g.months; m++) {
    const last = m === g.months - 1;
    if (m >= 96) order(m, OPIOID, last); // opioid therapy for the last 12 years
    for (let k = 0; k < 11 + Math.floor(g.random() * 2); k++) order(m, OTHER_MEDS[k % OTHER_MEDS.length], last && k < 4);
  }
  for (const [rxcui, display] of [OPIOID, ...OTHER_MEDS]) {
    if (referenced.has(rxcui)) out.push({ resourceType: 'Medication', id: medId(rxcui), code: { coding: [{ system: RX, code: rxcui, display }], text: display } });
  }
  return out;
}

const CONDITIONS = [
  ['G89.29', 'Other chronic pain'], ['M54.50', 'Low back pain, unspecified'], ['I10', 'Essential hypertension'],
  ['E11.9', 'Type 2 diabetes mellitus without complications'], ['F32.A', 'Depression, unspecified'],
  ['M17.11', 'Primary osteoarthritis, right knee'], ['E78.5', 'Hyperlipidemia, unspecified'], ['J45.909', 'Unspecified asthma'],
  ['G47.33', 'Obstructive sleep apnea'], ['F41.1', 'Generalized anxiety disorder'], ['K21.9', 'Gastro-esophageal reflux disease'],
] as const;

export function heavyConditions(g: Gen): Condition[] {
  return Array.from({ length: 300 }, (_, i) => {
    const [code, display] = CONDITIONS[i % CONDITIONS.length];
    const category = i < 15 ? 'problem-list-item' : i % 25 === 0 ? 'health-concern' : 'encounter-diagnosis';
    return {
      resourceType: 'Condition',
      id: `heavy-cond-${i + 1}`,
      subject: subject(g),
      clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: i % 7 === 0 ? 'resolved' : 'active' }] },
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: category }] }],
      code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code, display }], text: display },
      recordedDate: g.date(Math.floor((i / 300) * g.months)),
    };
  });
}

export { heavyObservations } from './observations.ts';
export { CAT, LOINC, subject };
