/**
 * QA on vendor-shaped records (the reproduction), through summarizePatient — the panel's own path:
 *  - an Epic-style UDT panel (LOINC as https://loinc.org, results as valueCodeableConcept "Detected" / interpretation
 *    codes) positive for hydrocodone with only oxycodone prescribed is flagged, worded for review;
 *  - hydromorphone on a hydrocodone prescription and oxymorphone on oxycodone are explained, not flagged;
 *  - an active cyclobenzaprine order written as a contained Medication (Oracle Health style) is an "Other CNS
 *    depressant", not "None", and raises M6.
 */
import type { MedicationRequest, Observation, Resource } from 'fhir/r4';
import { ago, oxy5, panel, rx, sig } from './qa-build.ts';

const detected = { coding: [{ system: 'http://snomed.info/sct', code: '260373001', display: 'Detected' }], text: 'Detected' };
const notDetected = { coding: [{ system: 'http://snomed.info/sct', code: '260415000', display: 'Not detected' }], text: 'Not detected' };

function epicUdt(id: string, date: string, components: [string, string, typeof detected][]): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' }] }],
    code: { coding: [{ system: 'https://loinc.org', code: '94304-3', display: 'OxyCODONE and metabolites panel - Urine by Confirmatory method' }, { system: 'urn:oid:1.2.840.114350.1.13.0.1.7.5.737384.0', code: 'LAB1234' }], text: 'DRUG SCREEN CONFIRMATION, URINE' },
    subject: { reference: 'Patient/p1' },
    effectiveDateTime: `${date}T09:14:00-05:00`,
    component: components.map(([loinc, text, value]) => ({ code: { coding: [{ system: 'https://loinc.org', code: loinc }], text }, valueCodeableConcept: value })),
  };
}

function containedOrder(id: string, display: string, rxcui: string, authoredOn: string): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    authoredOn,
    contained: [{ resourceType: 'Medication', id: 'med1', code: { coding: [{ system: 'urn:oid:2.16.840.1.113883.6.88', code: rxcui, display }], text: display } }],
    medicationReference: { reference: '#med1', display },
    dosageInstruction: [sig(1, 8)],
    dispenseRequest: { expectedSupplyDuration: { value: 30, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' } },
  };
}

const hydrocodone = (o = {}) => rx('857002', 'acetaminophen 325 MG / hydrocodone bitartrate 5 MG Oral Tablet', [sig(1, 6)], { authoredOn: ago(20), ...o });

describe('QA: UDT by analyte on vendor-shaped results', () => {
  it('hydrocodone detected, only oxycodone prescribed → one finding, "review with the clinician"', () => {
    const s = panel([oxy5(4, { authoredOn: ago(20) }), epicUdt('u1', ago(5), [
      ['16249-5', 'OXYCODONE', detected],
      ['61425-5', 'NOROXYCODONE', detected],
      ['16252-9', 'HYDROCODONE', detected],
      ['16998-7', 'HYDROMORPHONE', notDetected],
    ])] as Resource[]);
    expect(s.unexpectedUdt.map((u) => [u.kind, u.test, u.text])).toEqual([
      ['unexpected-positive', 'HYDROCODONE', 'Unexpected result — review with the clinician: positive for hydrocodone, not prescribed in the 30 days before the test'],
    ]);
  });

  it('hydromorphone on hydrocodone, oxymorphone on oxycodone: explained, nothing flagged', () => {
    const s = panel([hydrocodone(), oxy5(2, { authoredOn: ago(20) }), epicUdt('u2', ago(5), [
      ['16998-7', 'HYDROMORPHONE', detected],
      ['17395-5', 'OXYMORPHONE', detected],
      ['16249-5', 'OXYCODONE', notDetected],
      ['16252-9', 'HYDROCODONE', notDetected],
    ])] as Resource[]);
    expect(s.unexpectedUdt).toEqual([]);
  });
});

describe('QA: CNS depressants on vendor-shaped orders', () => {
  it('active cyclobenzaprine (contained Medication, OID system URI) is listed as an other CNS depressant and raises M6', () => {
    const s = panel([oxy5(2, { authoredOn: ago(20) }), containedOrder('mr-cb', 'cyclobenzaprine hydrochloride 10 MG Oral Tablet', '828348', ago(15))] as Resource[]);
    const cns = s.medications.filter((m) => m.class === 'cns-depressant');
    expect(cns.map((m) => [m.display, m.detail, m.current])).toEqual([['cyclobenzaprine hydrochloride 10 MG Oral Tablet', 'CNS depressant: muscle relaxant', true]]);
    expect(cns[0].why).toMatch(/CDC 2022 Rec 11/);
    expect(s.risk.reasons.map((r) => r.id)).toContain('M6-cns-depressant');
  });
});
