/**
 * Small FHIR builders for the clinical rule tests (not a test file: no .test suffix).
 * Every builder takes explicit dates so tests never depend on the clock.
 */
import type { Condition, DocumentReference, MedicationRequest, Observation, Patient, Procedure, Resource } from 'fhir/r4';
import type { MmeOrderResult, MmeResult } from '../../../src/clinical/types.ts';

export const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const SCT = 'http://snomed.info/sct';
export const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';
export const LOINC = 'http://loinc.org';

let seq = 0;
const id = (p: string) => `${p}-${++seq}`;
const subject = { reference: 'Patient/p1' };

export function patient(birthDate = '1970-06-15'): Patient {
  return { resourceType: 'Patient', id: 'p1', birthDate, name: [{ given: ['Test'], family: 'Patient' }] };
}

export interface OrderOptions {
  authoredOn?: string;
  status?: MedicationRequest['status'];
  perDay?: number; // tablets per day (every 24/perDay h)
  supplyDays?: number;
  id?: string;
}

/** An RxNorm-coded order with structured dosage: 1 unit, perDay times a day, 30-day supply. */
export function order(rxcui: string, display: string, o: OrderOptions = {}): MedicationRequest {
  const perDay = o.perDay ?? 1;
  return {
    resourceType: 'MedicationRequest',
    id: o.id ?? id('mr'),
    status: o.status ?? 'active',
    intent: 'order',
    subject,
    authoredOn: o.authoredOn ?? '2026-01-01',
    medicationCodeableConcept: { coding: [{ system: RX, code: rxcui, display }], text: display },
    dosageInstruction: [
      {
        timing: { repeat: { frequency: 1, period: 24 / perDay, periodUnit: 'h' } },
        doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet', system: 'http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm', code: 'TAB' } }],
      },
    ],
    dispenseRequest: { expectedSupplyDuration: { value: o.supplyDays ?? 30, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' } },
  };
}

/** oxycodone 5 mg tablets: perDay × 7.5 MME. */
export const oxycodone5 = (perDay: number, o: OrderOptions = {}) => order('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet', { perDay, ...o });
export const alprazolam = (o: OrderOptions = {}) => order('308048', 'alprazolam 0.5 MG Oral Tablet', o);
export const gabapentin = (o: OrderOptions = {}) => order('310431', 'gabapentin 300 MG Oral Capsule', o);
export const narcan = (o: OrderOptions = {}) => order('1725059', 'naloxone hydrochloride 40 MG/ML Nasal Spray', { perDay: 1, ...o });
export const suboxone = (o: OrderOptions = {}) => order('1010604', 'buprenorphine 8 MG / naloxone 2 MG Sublingual Film', o);

export function condition(system: string, code: string, display: string, c: { status?: string; recorded?: string; onset?: string; verification?: string } = {}): Condition {
  return {
    resourceType: 'Condition',
    id: id('cond'),
    subject,
    clinicalStatus: c.status === 'none' ? undefined : { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: c.status ?? 'active' }] },
    verificationStatus: c.verification ? { coding: [{ code: c.verification }] } : undefined,
    code: { coding: [{ system, code, display }], text: display },
    recordedDate: c.recorded ?? '2025-01-01',
    onsetDateTime: c.onset,
  };
}

export function obs(loinc: string, value: number | string, date: string, extra: Partial<Observation> = {}): Observation {
  return {
    resourceType: 'Observation',
    id: id('obs'),
    status: 'final',
    subject,
    code: { coding: [{ system: LOINC, code: loinc }] },
    effectiveDateTime: date,
    ...(typeof value === 'number' ? { valueQuantity: { value } } : { valueString: value }),
    ...extra,
  };
}

export const ort = (score: number, date = '2025-06-01') => obs('91392-1', score, date);
export const phq9 = (score: number, date: string) => obs('44261-6', score, date);
export const gad7 = (score: number, date: string) => obs('70274-6', score, date);
export const peg = (mean: number, date: string) => obs('91147-9', mean, date);

export function pdmpObservation(date: string): Observation {
  return { ...obs('x', 'done', date), code: { coding: [{ system: SCT, code: '461651000124104' }] }, valueString: undefined };
}

export function pdmpProcedure(date: string, status: Procedure['status'] = 'completed'): Procedure {
  return { resourceType: 'Procedure', id: id('proc'), status, subject, code: { coding: [{ system: SCT, code: '461621000124108' }] }, performedDateTime: date };
}

export function agreementDoc(date: string, extra: Partial<DocumentReference> = {}): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id: id('doc'),
    status: 'current',
    docStatus: 'final',
    subject,
    type: { coding: [{ system: 'https://loinc.org', code: '94136-9', display: 'Controlled substance agreement' }] },
    date: `${date}T10:00:00-07:00`,
    content: [{ attachment: { contentType: 'application/pdf', title: 'Patient agreement (signed)' } }],
    ...extra,
  };
}

export function procedure(system: string, code: string, date: string): Procedure {
  return { resourceType: 'Procedure', id: id('proc'), status: 'completed', subject, code: { coding: [{ system, code }] }, performedDateTime: date };
}

/** A hand-built MME result: one counted oxycodone order of `total` MME/day (or none when total is 0). */
export function mmeOf(total: number | null, o: { complete?: boolean; longActing?: boolean; moudOnly?: boolean; medication?: string } = {}): MmeResult {
  const orders: MmeOrderResult[] = [];
  if (o.moudOnly) {
    orders.push(mmeOrder({ status: 'excluded', flags: ['moud'], medication: 'buprenorphine 8 MG / naloxone 2 MG Sublingual Film', mmePerDay: null }));
  } else if (total !== null && total > 0) {
    orders.push(mmeOrder({ status: 'counted', mmePerDay: total, longActing: o.longActing, medication: o.medication }));
  }
  if (o.complete === false) orders.push(mmeOrder({ status: 'unknown', mmePerDay: null, medication: 'oxycodone (dose unknown)' }));
  return { edition: 'cdc-2022', totalPerDay: total, complete: o.complete ?? true, atLeast: total ?? 0, orders };
}

function mmeOrder(p: Partial<MmeOrderResult>): MmeOrderResult {
  return {
    medicationRequestId: id('mme'), medication: 'oxycodone hydrochloride 5 MG Oral Tablet', status: 'counted', mmePerDay: null,
    dailyAmount: null, amountUnit: null, factor: null, reason: '', derivation: '', flags: [], ingredients: [], authoredOn: '2026-01-01', ...p,
  };
}

export type { Resource };
