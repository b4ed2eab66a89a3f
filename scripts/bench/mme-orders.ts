/**
 * Deterministic, realistic MedicationRequests for bench:mme. Patients of 10 orders each, drawn from the whole
 * embedded drug table (tablets, capsules, ER products, combination products, liquids, patches, lozenges,
 * suppositories, MOUD films) plus untabled names, Medication references and non-opioids, with the dosage
 * shapes EHRs send: repeat timing (frequency/period, frequencyMax, PRN), timing codes and code text, dose
 * ranges, doses in tablets/mL/mg/patches, maxDosePerPeriod, a two-step taper and dispense-only orders;
 * statuses and dates so that most orders are current (and then fully computed) and some are not.
 * A seeded PRNG (../seeded-random.ts) makes every run build the same orders.
 */
import type { Dosage, Medication, MedicationRequest, Resource } from 'fhir/r4';
import { DRUG_TABLE, type DrugTableRow } from '../../src/clinical/drugs/drug-table.generated.ts';
import { seededRandom } from '../seeded-random.ts';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

type Kind = 'solid' | 'liquid' | 'patch' | 'other';
const kindOf = (row: DrugTableRow): Kind => {
  const unit = row[4][0]?.[3];
  if (unit === 'MG/HR') return 'patch';
  if (unit === 'MG/ML') return 'liquid';
  return /tablet|capsule/i.test(row[3]) ? 'solid' : 'other';
};
const PRODUCTS = DRUG_TABLE.filter((r) => !/inject|syringe|cartridge|implant/i.test(r[3]));
// Most outpatient orders are of the opioids in the CDC table (fentanyl as patches); the rest come from anywhere.
const CDC = /^(codeine|hydrocodone|hydromorphone|methadone|morphine|oxycodone|oxymorphone|tapentadol|tramadol)$/;
const COMMON = PRODUCTS.filter((r) => r[4].every((i) => CDC.test(i[1])) || /Transdermal/.test(r[3]));

const repeat = (frequency: number, period: number, periodUnit: string, extra: object = {}) => ({ repeat: { frequency, period, periodUnit, ...extra } });
const line = (dose: object, timing: object, extra: object = {}): Dosage => ({ timing, doseAndRate: [dose], ...extra });
const qty = (value: number, unit?: string) => ({ doseQuantity: { value, ...(unit ? { unit, code: unit, system: 'http://unitsofmeasure.org' } : {}) } });

/** Dosage shapes by product kind; `r` picks among them. */
function dosage(kind: Kind, r: () => number, mgStrength: number): Pick<MedicationRequest, 'dosageInstruction' | 'dispenseRequest'> {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const dispense = (value: number, days: number, unit?: string) => ({ dispenseRequest: { quantity: { value, ...(unit ? { unit } : {}) }, expectedSupplyDuration: { value: days, unit: 'days', code: 'd' } } });
  if (kind === 'patch') {
    return r() < 0.8 ? { dosageInstruction: [line(qty(1, '{patch}'), repeat(1, 72, 'h'))] } : dispense(10, 30);
  }
  if (kind === 'liquid') {
    return pick([
      () => ({ dosageInstruction: [line(qty(5, 'mL'), repeat(1, 4, 'h', { frequencyMax: 1 }), { asNeededBoolean: true })] }),
      () => ({ dosageInstruction: [line(qty(10, 'mL'), { code: { coding: [{ code: 'Q6H' }] } })] }),
      () => ({ dosageInstruction: [line({ doseRange: { low: { value: 5, unit: 'mL' }, high: { value: 10, unit: 'mL' } } }, repeat(1, 6, 'h'), { asNeededBoolean: true })] }),
      () => dispense(480, 30, 'mL'),
    ])();
  }
  const shapes = [
    () => ({ dosageInstruction: [line(qty(pick([1, 2])), repeat(1, pick([4, 6, 8, 12]), 'h'))] }),
    () => ({ dosageInstruction: [line(qty(1, '{tbl}'), repeat(pick([1, 2, 3, 4]), 1, 'd'))] }),
    () => ({ dosageInstruction: [line(qty(1, 'TAB'), repeat(1, 4, 'h', { frequencyMax: 2 }), { asNeededBoolean: true })] }),
    () => ({ dosageInstruction: [line(qty(1), { code: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation', code: pick(['BID', 'TID', 'QID', 'Q6H', 'QD']) }] } })] }),
    () => ({ dosageInstruction: [line(qty(1), { code: { text: pick(['every 6 hours as needed', 'twice daily', '3 times a day', 'at bedtime']) } }, { asNeededCodeableConcept: { text: 'pain' } })] }),
    () => ({ dosageInstruction: [line({ doseRange: { low: { value: 1 }, high: { value: 2 } } }, repeat(1, 6, 'h'), { asNeededBoolean: true })] }),
    () => ({ dosageInstruction: [line(qty(1), repeat(1, 4, 'h'), { asNeededBoolean: true, maxDosePerPeriod: { numerator: { value: 4 }, denominator: { value: 1, unit: 'd', code: 'd' } } })] }),
    () => ({ dosageInstruction: [line(qty(mgStrength, 'mg'), repeat(2, 1, 'd'))] }),
    () => ({ dosageInstruction: [line(qty(1), repeat(1, 1, 'd', { timeOfDay: ['08:00:00', '20:00:00'], period: undefined, periodUnit: undefined }))] }),
    () => ({
      dosageInstruction: [
        line(qty(2), repeat(3, 1, 'd', { boundsPeriod: { start: '2023-01-01', end: '2023-12-31' } })),
        line(qty(1), repeat(3, 1, 'd', { boundsPeriod: { start: '2024-01-01' } })),
      ],
    }),
    () => dispense(pick([60, 90, 120]), 30),
  ];
  return pick(shapes)();
}

/** status, authoredOn and validity period: ~80% current active/on-hold/completed-in-supply, the rest not current. */
function statusAndDates(r: () => number, asOfYear: number): Partial<MedicationRequest> {
  const day = (y: number) => `${y}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  const x = r();
  const recent = `${asOfYear}-0${1 + Math.floor(r() * 2)}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  if (x < 0.62) return { status: 'active', authoredOn: r() < 0.5 ? recent : `${recent}T${String(8 + Math.floor(r() * 10)).padStart(2, '0')}:15:00-05:00` };
  if (x < 0.74) return { status: 'active', authoredOn: day(asOfYear - 1) };
  if (x < 0.77) return { status: 'on-hold', authoredOn: recent };
  if (x < 0.83) return { status: 'completed', authoredOn: recent, dispenseRequest: { validityPeriod: { start: recent }, expectedSupplyDuration: { value: 90, unit: 'days', code: 'd' } } };
  if (x < 0.88) return { status: 'stopped', authoredOn: day(asOfYear - 2) };
  if (x < 0.92) return { status: 'active', authoredOn: day(asOfYear - 4) }; // stale
  if (x < 0.95) return { status: 'completed', authoredOn: day(asOfYear - 1) };
  if (x < 0.97) return { status: 'entered-in-error', authoredOn: recent };
  return { status: 'cancelled', authoredOn: recent };
}

/** One patient's resources: `perPatient` MedicationRequests and, for some, a Medication they reference. */
function patient(p: number, perPatient: number, r: () => number): Resource[] {
  const resources: Resource[] = [];
  for (let j = 0; j < perPatient; j++) {
    const id = `p${p}-mr${j}`;
    const mr = { resourceType: 'MedicationRequest', id, intent: 'order', subject: { reference: `Patient/p${p}` }, ...statusAndDates(r, 2024) } as MedicationRequest;
    if (r() < 0.3) mr.requester = { reference: `Practitioner/dr${p % 37}`, display: `Dr ${p % 37}` };
    const x = r();
    if (x < 0.08) {
      // Not an opioid: listed nowhere, but still read and resolved.
      mr.medicationCodeableConcept = { coding: [{ system: RXNORM, code: '313782', display: 'Acetaminophen 325 MG Oral Tablet' }] };
      Object.assign(mr, dosage('solid', r, 325));
      resources.push(mr);
      continue;
    }
    const pool = r() < 0.85 ? COMMON : PRODUCTS;
    const row = pool[Math.floor(r() * pool.length)];
    const kind = kindOf(row);
    const mg = row[4][0]?.[2] ?? 1;
    const shape = dosage(kind, r, mg);
    if (x < 0.12) {
      // An EHR-local code with only the name: parsed from text.
      mr.medicationCodeableConcept = { coding: [{ system: 'urn:oid:1.2.840.114350', code: `L${row[0]}`, display: row[1] }], text: row[1] };
    } else if (x < 0.15) {
      const med: Medication = { resourceType: 'Medication', id: `${id}-med`, code: { coding: [{ system: RXNORM, code: row[0], display: row[1] }], text: row[1] } };
      resources.push(med);
      mr.medicationReference = { reference: `Medication/${med.id}` };
    } else {
      mr.medicationCodeableConcept = { coding: [{ system: RXNORM, code: row[0], display: row[1] }], ...(r() < 0.5 ? { text: row[1] } : {}) };
    }
    mr.dispenseRequest = { ...mr.dispenseRequest, ...shape.dispenseRequest };
    if (shape.dosageInstruction) mr.dosageInstruction = shape.dosageInstruction;
    resources.push(mr);
  }
  return resources;
}

/**
 * `patients` patients of `perPatient` MedicationRequests each (seeded, so the same on every run). They go
 * through JSON text and back, as resources fetched from a FHIR server do (same object layouts as in the app).
 */
export function makePatients(patients: number, perPatient: number, seed = 20240315): Resource[][] {
  const r = seededRandom(seed);
  const out: Resource[][] = [];
  for (let p = 0; p < patients; p++) out.push(patient(p, perPatient, r));
  return JSON.parse(JSON.stringify(out)) as Resource[][];
}
