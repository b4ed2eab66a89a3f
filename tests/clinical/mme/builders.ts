/**
 * Deterministic builders for MME test rows: a MedicationRequest from a compact spec. Nothing depends on the
 * clock; every date is given. Defaults: status active, intent order, authored 2024-03-01, Synthea-style
 * unit-less dose (a count of units) unless a unit is given.
 */
import type { Dosage, Medication, MedicationRequest, Quantity } from 'fhir/r4';

export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const AS_OF = '2024-03-15';

export interface DoseSpec {
  dose?: number | [low: number, high: number];
  unit?: string; // UCUM code, e.g. "mg", "mL", "{tbl}", "{patch}"
  frequency?: number;
  frequencyMax?: number;
  period?: number;
  periodMax?: number;
  periodUnit?: 'h' | 'd' | 'wk' | 'mo' | 'min';
  timingCode?: string; // v3 GTSAbbreviation code, e.g. "BID"
  timingText?: string;
  timeOfDay?: string[];
  when?: string[];
  prn?: boolean;
  maxPerPeriod?: { value: number; unit?: string; per: number; perUnit: string };
  sequence?: number;
  doseType?: string; // dose-rate-type code
}

export interface OrderSpec extends DoseSpec {
  id?: string;
  status?: MedicationRequest['status'];
  intent?: MedicationRequest['intent'];
  authoredOn?: string;
  rxcui?: string;
  display?: string; // medicationCodeableConcept display/text
  codings?: { system?: string; code: string; display?: string }[];
  medicationRef?: string; // medicationReference.reference
  medicationRefDisplay?: string;
  contained?: Medication[];
  dosage?: Dosage[]; // explicit dosage lines (replace the DoseSpec)
  noDosage?: boolean;
  dispense?: { quantity: number; unit?: string; days?: number; repeats?: number; validityStart?: string; validityEnd?: string };
  category?: string;
  subject?: string;
}

let counter = 0;

function quantity(value: number, unit: string | undefined): Quantity {
  return unit ? { value, unit, system: 'http://unitsofmeasure.org', code: unit } : { value };
}

export function makeDosage(spec: DoseSpec): Dosage {
  const repeat: NonNullable<NonNullable<Dosage['timing']>['repeat']> = {};
  if (spec.frequency !== undefined) repeat.frequency = spec.frequency;
  if (spec.frequencyMax !== undefined) repeat.frequencyMax = spec.frequencyMax;
  if (spec.period !== undefined) repeat.period = spec.period;
  if (spec.periodMax !== undefined) repeat.periodMax = spec.periodMax;
  if (spec.periodUnit) repeat.periodUnit = spec.periodUnit;
  if (spec.timeOfDay) repeat.timeOfDay = spec.timeOfDay;
  if (spec.when) repeat.when = spec.when as NonNullable<typeof repeat.when>;
  const timing: Dosage['timing'] = {};
  if (Object.keys(repeat).length) timing.repeat = repeat;
  if (spec.timingCode || spec.timingText) {
    timing.code = {
      ...(spec.timingCode ? { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-GTSAbbreviation', code: spec.timingCode }] } : {}),
      ...(spec.timingText ? { text: spec.timingText } : {}),
    };
  }
  const dosage: Dosage = { asNeededBoolean: spec.prn ?? false };
  if (spec.sequence !== undefined) dosage.sequence = spec.sequence;
  if (Object.keys(timing).length) dosage.timing = timing;
  if (spec.dose !== undefined) {
    const type = { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/dose-rate-type', code: spec.doseType ?? 'ordered' }] };
    dosage.doseAndRate = [
      Array.isArray(spec.dose)
        ? { type, doseRange: { low: quantity(spec.dose[0], spec.unit), high: quantity(spec.dose[1], spec.unit) } }
        : { type, doseQuantity: quantity(spec.dose, spec.unit) },
    ];
  }
  if (spec.maxPerPeriod) {
    const m = spec.maxPerPeriod;
    dosage.maxDosePerPeriod = { numerator: quantity(m.value, m.unit), denominator: { value: m.per, unit: m.perUnit, system: 'http://unitsofmeasure.org', code: m.perUnit } };
  }
  return dosage;
}

export function makeMedicationRequest(spec: OrderSpec): MedicationRequest {
  counter += 1;
  const mr: MedicationRequest = {
    resourceType: 'MedicationRequest',
    id: spec.id ?? `mr-${counter}`,
    status: spec.status ?? 'active',
    intent: spec.intent ?? 'order',
    subject: { reference: `Patient/${spec.subject ?? 'p1'}` },
    authoredOn: spec.authoredOn ?? '2024-03-01',
  };
  if (spec.medicationRef) {
    mr.medicationReference = { reference: spec.medicationRef, ...(spec.medicationRefDisplay ? { display: spec.medicationRefDisplay } : {}) };
  } else {
    const codings = spec.codings ?? (spec.rxcui ? [{ system: RXNORM, code: spec.rxcui, ...(spec.display ? { display: spec.display } : {}) }] : []);
    mr.medicationCodeableConcept = { coding: codings.map((c) => ({ system: RXNORM, ...c })), ...(spec.display ? { text: spec.display } : {}) };
  }
  if (spec.contained) mr.contained = spec.contained;
  if (spec.category) mr.category = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/medicationrequest-category', code: spec.category }] }];
  if (spec.dosage) mr.dosageInstruction = spec.dosage;
  else if (!spec.noDosage) mr.dosageInstruction = [makeDosage(spec)];
  if (spec.dispense) {
    const d = spec.dispense;
    mr.dispenseRequest = {
      quantity: quantity(d.quantity, d.unit),
      ...(d.days !== undefined ? { expectedSupplyDuration: { value: d.days, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' } } : {}),
      ...(d.repeats !== undefined ? { numberOfRepeatsAllowed: d.repeats } : {}),
      ...(d.validityStart || d.validityEnd ? { validityPeriod: { start: d.validityStart, end: d.validityEnd } } : {}),
    };
  }
  return mr;
}

/** A Medication with one opioid ingredient strength (numerator / denominator). */
export function makeMedication(opts: {
  id: string;
  text: string;
  codings?: { system?: string; code: string }[];
  ingredient: string;
  ingredientRxcui?: string;
  numerator: Quantity;
  denominator?: Quantity;
  form?: string;
}): Medication {
  return {
    resourceType: 'Medication',
    id: opts.id,
    code: { coding: (opts.codings ?? []).map((c) => ({ system: RXNORM, ...c })), text: opts.text },
    ...(opts.form ? { form: { text: opts.form } } : {}),
    ingredient: [
      {
        itemCodeableConcept: { coding: opts.ingredientRxcui ? [{ system: RXNORM, code: opts.ingredientRxcui }] : [], text: opts.ingredient },
        strength: { numerator: opts.numerator, ...(opts.denominator ? { denominator: opts.denominator } : {}) },
      },
    ],
  };
}
