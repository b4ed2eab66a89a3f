/**
 * Adversarial variants of the scenario patients (fhir-fixtures/scenarios): each is a named copy of a scenario
 * Bundle with one change that a real EHR record may carry and that once made the panel read a patient as safer
 * than `summarize` did. Written to a temporary folder and loaded by the sandbox beside the fixtures
 * (catalogued in fhir-fixtures/README.md, "Adversarial variants").
 */
import { readFileSync } from 'node:fs';
import type { Bundle, BundleEntry, MedicationRequest, Observation, Resource } from 'fhir/r4';

type Mutate = (resources: Resource[], p: { id: string; ref: string }) => Resource[];

export interface Variant {
  id: string;
  base: string;
  /** What it exercises (the issue bullet it reproduces). */
  what: string;
  mutate: Mutate;
}

const OXY5 = { coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '1049621', display: 'oxycodone hydrochloride 5 MG Oral Tablet' }], text: 'oxycodone hydrochloride 5 MG Oral Tablet' };
const dose = (value: number, hours: number) => [{ timing: { repeat: { frequency: 1, period: hours, periodUnit: 'h' as const } }, doseAndRate: [{ doseQuantity: { value, unit: 'tablet' } }] }];

function order(id: string, ref: string, o: Partial<MedicationRequest>): MedicationRequest {
  return { resourceType: 'MedicationRequest', id, status: 'active', intent: 'order', subject: { reference: ref }, medicationCodeableConcept: OXY5, ...o };
}

const edit = <T extends Resource>(rs: Resource[], suffix: string, f: (r: T) => T) => rs.map((r) => (r.id?.endsWith(suffix) ? f(r as T) : r));

export const VARIANTS: Variant[] = [
  {
    id: 'undated-order', base: 'moderate-tier-mme-60', what: 'an active oxycodone 10 mg q4h order without authoredOn (counted: 90 MME more)',
    mutate: (rs, p) => [...rs, order(`${p.id}-undated`, p.ref, { medicationCodeableConcept: { text: 'oxycodone hydrochloride 10 MG Oral Tablet' }, dosageInstruction: dose(1, 4) })],
  },
  {
    id: 'wrong-typed-dosage', base: 'moderate-tier-mme-60', what: 'the current opioid order with dosageInstruction as an object, not a list',
    mutate: (rs) => edit<MedicationRequest>(rs, 'medicationrequest-1', (r) => ({ ...r, dosageInstruction: r.dosageInstruction?.[0] as never })),
  },
  {
    id: 'udt-no-category', base: 'moderate-tier-mme-60', what: 'a urine drug test without a category',
    mutate: (rs) => edit<Observation>(rs, 'observation-11', ({ category: _c, ...r }) => r as Observation),
  },
  {
    id: 'udt-issued-only', base: 'moderate-tier-mme-60', what: 'a urine drug test dated only by issued',
    mutate: (rs) => edit<Observation>(rs, 'observation-11', ({ effectiveDateTime: _e, ...r }) => r as Observation),
  },
  {
    id: 'udt-https-loinc', base: 'moderate-tier-mme-60', what: 'a urine drug test coded with the https://loinc.org system spelling',
    mutate: (rs) => edit<Observation>(rs, 'observation-11', (r) => ({ ...r, code: { coding: [{ system: 'https://loinc.org', code: '19642-8' }] } })),
  },
  {
    id: 'er-no-dose', base: 'moderate-tier-mme-60', what: 'oxycodone ER 60 mg with no dose: at least 90 MME/day, never "< 50"',
    mutate: (rs, p) => [
      ...edit<MedicationRequest>(rs, 'medicationrequest-1', (r) => ({ ...r, status: 'stopped' })),
      order(`${p.id}-er`, p.ref, { authoredOn: '2026-03-06', medicationCodeableConcept: { text: 'oxycodone hydrochloride 60 MG 12HR Extended Release Oral Tablet' } }),
    ],
  },
  {
    id: 'ir-no-dose', base: 'moderate-tier-mme-60', what: 'oxycodone 5 mg with no dose or dispense quantity: MME unknown — verify; naloxone possibly indicated',
    mutate: (rs) => edit<MedicationRequest>(rs, 'medicationrequest-1', ({ dosageInstruction: _d, dispenseRequest: _q, ...r }) => r as MedicationRequest),
  },
  {
    id: 'implausible-tablets', base: 'moderate-tier-mme-60', what: '1e9 tablets per dose: implausible — verify',
    mutate: (rs) => edit<MedicationRequest>(rs, 'medicationrequest-1', (r) => ({ ...r, dosageInstruction: dose(1e9, 3) })),
  },
  {
    id: 'implausible-period', base: 'moderate-tier-mme-60', what: 'every 1e-9 hours: implausible — verify',
    mutate: (rs) => edit<MedicationRequest>(rs, 'medicationrequest-1', (r) => ({ ...r, dosageInstruction: dose(1, 1e-9) })),
  },
  {
    id: 'deceased', base: 'moderate-tier-mme-60', what: 'a deceased patient (deceasedDateTime before the as-of date)',
    mutate: (rs) => edit(rs, 'patient', (r) => ({ ...r, deceasedDateTime: '2026-03-01' }) as Resource),
  },
  {
    id: 'pdmp-today', base: 'high-tier-benzodiazepine-overlap', what: 'high tier, PDMP checked on the as-of date: up to date, not "due soon"',
    mutate: (rs, p) => [...rs, { resourceType: 'Procedure', id: `${p.id}-pdmp-today`, status: 'completed', subject: { reference: p.ref }, code: { coding: [{ system: 'http://snomed.info/sct', code: '461621000124108' }] }, performedDateTime: '2026-03-16T10:00:00-07:00' } as Resource],
  },
  {
    id: 'old-orders-overdose', base: 'moderate-tier-mme-60', what: '21 opioid orders from 3–5 years back and an overdose diagnosis; nothing current',
    mutate: (rs, p) => [
      ...rs.filter((r) => r.resourceType !== 'MedicationRequest'),
      ...Array.from({ length: 21 }, (_, i) => order(`${p.id}-old-${i}`, p.ref, { status: 'completed', authoredOn: `20${21 - Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-05`, dosageInstruction: dose(1, 6), dispenseRequest: { expectedSupplyDuration: { value: 30, unit: 'days', code: 'd' } } })),
      { resourceType: 'Condition', id: `${p.id}-od`, subject: { reference: p.ref }, code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'T40.2X1A', display: 'Poisoning by other opioids, accidental' }] }, recordedDate: '2021-06-01' } as Resource,
    ],
  },
  {
    id: 'survey-wrong-type', base: 'moderate-tier-mme-60', what: 'a PHQ-9 whose value is text where a Quantity belongs (could not be read)',
    mutate: (rs) => edit<Observation>(rs, 'observation-14', (r) => ({ ...r, valueQuantity: { value: 'twelve' } as never })),
  },
  {
    id: 'condition-unreadable', base: 'low-tier-all-up-to-date', what: 'a Condition whose code is a bare string (could hide a risk factor)',
    mutate: (rs, p) => [...rs, { resourceType: 'Condition', id: `${p.id}-bad`, subject: { reference: p.ref }, code: 'F11.20' as never, recordedDate: '2026-01-01' } as Resource],
  },
];

const SCENARIOS = new URL('../../fhir-fixtures/scenarios/', import.meta.url);
const PREFIX: Record<string, string> = {};

/** The variant's Bundle: the base scenario with new ids (so it is its own patient) and the change applied. */
export function variantBundle(v: Variant): Bundle {
  const text = readFileSync(new URL(`${v.base}.json`, SCENARIOS), 'utf8');
  const base = JSON.parse(text) as Bundle;
  const patientId = base.entry!.find((e) => e.resource?.resourceType === 'Patient')!.resource!.id!;
  const prefix = (PREFIX[v.base] ??= patientId.replace(/-patient$/, ''));
  const renamed = JSON.parse(text.split(prefix).join(`var-${v.id}`)) as Bundle;
  const id = `var-${v.id}-patient`;
  const resources = renamed.entry!.map((e) => e.resource!) as Resource[];
  const patient = resources.find((r) => r.resourceType === 'Patient')! as Resource & { name?: { given?: string[]; family?: string }[] };
  patient.name = [{ given: ['Variant'], family: v.id }];
  const changed = v.mutate(resources, { id: `var-${v.id}`, ref: `Patient/${id}` });
  return { ...renamed, entry: changed.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource }) as BundleEntry) };
}
