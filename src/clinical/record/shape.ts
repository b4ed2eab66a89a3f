/**
 * Shape checks for the fields the rules read. A resource whose field has the wrong JSON type (an object where FHIR
 * has a list, a number where it has a date) is not silently dropped: the normaliser records it as "could not read"
 * with what it may be (an opioid order, a urine drug test…), and the rules treat what depends on it as incomplete.
 * Unknown extra fields are fine; only what the engine reads is checked.
 *
 * @example
 *   shapeProblems({ resourceType: 'MedicationRequest', status: 'active', dosageInstruction: {} })
 *   // → ['dosageInstruction is not a list']
 */
type Json = Record<string, unknown>;
type Check = (r: Json) => string | null;

export const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown) => typeof v === 'string';
const absentOr = (v: unknown, ok: (x: unknown) => boolean) => v === undefined || v === null || ok(v);
const dateish = (v: unknown) => typeof v === 'string' && /^\s*\d{4}(-\d{2}(-\d{2})?)?/.test(v);
const listOf = (ok: (x: unknown) => boolean) => (v: unknown) => Array.isArray(v) && v.every(ok);
const coding = (v: unknown) => isObj(v) && absentOr(v.system, isStr) && absentOr(v.code, isStr) && absentOr(v.display, isStr);
const concept = (v: unknown) => isObj(v) && absentOr(v.coding, listOf(coding)) && absentOr(v.text, isStr);
const quantity = (v: unknown) => isObj(v) && absentOr(v.value, (x) => typeof x === 'number' && Number.isFinite(x)) && absentOr(v.unit, isStr) && absentOr(v.code, isStr);
const period = (v: unknown) => isObj(v) && absentOr(v.start, dateish) && absentOr(v.end, dateish);
const reference = (v: unknown) => isObj(v) && absentOr(v.reference, isStr) && absentOr(v.display, isStr);

const field = (name: string, ok: (v: unknown) => boolean, what: string): Check => (r) => (absentOr(r[name], ok) ? null : `${name} ${what}`);
const required = (name: string, ok: (v: unknown) => boolean, what: string): Check => (r) =>
  r[name] === undefined || r[name] === null ? `missing ${name}` : ok(r[name]) ? null : `${name} ${what}`;

const doseAndRate = (v: unknown) => isObj(v) && absentOr(v.doseQuantity, quantity) && absentOr(v.doseRange, (x) => isObj(x) && absentOr(x.low, quantity) && absentOr(x.high, quantity));
const repeat = (v: unknown) =>
  isObj(v) &&
  ['frequency', 'frequencyMax', 'period', 'periodMax', 'count'].every((k) => absentOr(v[k], (x) => typeof x === 'number' && Number.isFinite(x))) &&
  absentOr(v.periodUnit, isStr) && absentOr(v.boundsPeriod, period) && absentOr(v.when, listOf(isStr)) && absentOr(v.timeOfDay, listOf(isStr));
const timing = (v: unknown) => isObj(v) && absentOr(v.repeat, repeat) && absentOr(v.code, concept);
const dosage = (v: unknown) =>
  isObj(v) && absentOr(v.doseAndRate, listOf(doseAndRate)) && absentOr(v.timing, timing) && absentOr(v.text, isStr) &&
  absentOr(v.asNeededBoolean, (x) => typeof x === 'boolean') && absentOr(v.maxDosePerPeriod, isObj);
const dispenseRequest = (v: unknown) =>
  isObj(v) && absentOr(v.quantity, quantity) && absentOr(v.expectedSupplyDuration, quantity) && absentOr(v.validityPeriod, period);

const CHECKS: Record<string, Check[]> = {
  MedicationRequest: [
    required('status', isStr, 'is not a code'),
    (r) => (r.medicationCodeableConcept === undefined && r.medicationReference === undefined ? 'missing medication' : null),
    field('medicationCodeableConcept', concept, 'is not a CodeableConcept'),
    field('medicationReference', reference, 'is not a Reference'),
    field('authoredOn', dateish, 'is not a date'),
    field('intent', isStr, 'is not a code'),
    field('dosageInstruction', listOf(dosage), 'is not a list of Dosage'),
    field('dispenseRequest', dispenseRequest, 'is not readable'),
    field('category', listOf(concept), 'is not a list of CodeableConcept'),
    field('requester', reference, 'is not a Reference'),
    field('contained', listOf(isObj), 'is not a list of resources'),
  ],
  Medication: [field('code', concept, 'is not a CodeableConcept'), field('ingredient', listOf(isObj), 'is not a list')],
  MedicationDispense: [
    required('status', isStr, 'is not a code'),
    (r) => (r.medicationCodeableConcept === undefined && r.medicationReference === undefined ? 'missing medication' : null),
    field('medicationCodeableConcept', concept, 'is not a CodeableConcept'),
    field('medicationReference', reference, 'is not a Reference'),
    field('whenHandedOver', dateish, 'is not a date'),
    field('whenPrepared', dateish, 'is not a date'),
    field('quantity', quantity, 'is not a Quantity'),
    field('daysSupply', quantity, 'is not a Quantity'),
    field('dosageInstruction', listOf(dosage), 'is not a list of Dosage'),
    field('authorizingPrescription', listOf(reference), 'is not a list of Reference'),
    field('contained', listOf(isObj), 'is not a list of resources'),
  ],
  MedicationStatement: [
    required('status', isStr, 'is not a code'),
    (r) => (r.medicationCodeableConcept === undefined && r.medicationReference === undefined ? 'missing medication' : null),
    field('medicationCodeableConcept', concept, 'is not a CodeableConcept'),
    field('medicationReference', reference, 'is not a Reference'),
    field('effectiveDateTime', dateish, 'is not a date'),
    field('effectivePeriod', period, 'is not a Period'),
    field('dateAsserted', dateish, 'is not a date'),
    field('dosage', listOf(dosage), 'is not a list of Dosage'),
    field('contained', listOf(isObj), 'is not a list of resources'),
  ],
  QuestionnaireResponse: [
    required('status', isStr, 'is not a code'),
    field('authored', dateish, 'is not a date'),
    field('questionnaire', isStr, 'is not a canonical URL'),
    field('item', listOf(isObj), 'is not a list of items'),
  ],
  ServiceRequest: [
    required('status', isStr, 'is not a code'),
    required('code', concept, 'is not a CodeableConcept'),
    field('authoredOn', dateish, 'is not a date'),
    field('occurrenceDateTime', dateish, 'is not a date'),
    field('occurrencePeriod', period, 'is not a Period'),
  ],
  Observation: [
    required('status', isStr, 'is not a code'),
    required('code', concept, 'is not a CodeableConcept'),
    field('effectiveDateTime', dateish, 'is not a date'),
    field('effectiveInstant', dateish, 'is not a date'),
    field('effectivePeriod', period, 'is not a Period'),
    field('issued', dateish, 'is not a date'),
    field('valueQuantity', quantity, 'is not a Quantity'),
    field('valueCodeableConcept', concept, 'is not a CodeableConcept'),
    field('valueString', isStr, 'is not text'),
    field('valueInteger', (x) => Number.isInteger(x), 'is not a whole number'),
    field('valueBoolean', (x) => typeof x === 'boolean', 'is not true/false'),
    field('component', listOf((c) => isObj(c) && concept(c.code) && absentOr(c.valueQuantity, quantity)), 'is not a list of components'),
    field('interpretation', listOf(concept), 'is not a list of CodeableConcept'),
  ],
  Condition: [
    required('code', concept, 'is not a CodeableConcept'),
    field('clinicalStatus', concept, 'is not a CodeableConcept'),
    field('verificationStatus', concept, 'is not a CodeableConcept'),
    field('recordedDate', dateish, 'is not a date'),
    field('onsetDateTime', dateish, 'is not a date'),
    field('onsetPeriod', period, 'is not a Period'),
    field('abatementDateTime', dateish, 'is not a date'),
    field('abatementPeriod', period, 'is not a Period'),
  ],
  Procedure: [
    required('status', isStr, 'is not a code'),
    required('code', concept, 'is not a CodeableConcept'),
    field('performedDateTime', dateish, 'is not a date'),
    field('performedPeriod', period, 'is not a Period'),
  ],
  DocumentReference: [
    field('type', concept, 'is not a CodeableConcept'),
    field('category', listOf(concept), 'is not a list of CodeableConcept'),
    field('date', dateish, 'is not a date'),
    field('status', isStr, 'is not a code'),
    field('docStatus', isStr, 'is not a code'),
    field('description', isStr, 'is not text'),
    field('content', listOf(isObj), 'is not a list'),
  ],
  Patient: [
    field('birthDate', dateish, 'is not a date'),
    field('deceasedBoolean', (x) => typeof x === 'boolean', 'is not true/false'),
    field('deceasedDateTime', dateish, 'is not a date'),
  ],
};

/** What the engine cannot read in this resource, in words; empty when every field it reads has the right shape. */
export function shapeProblems(resource: unknown): string[] {
  if (!isObj(resource)) return ['not a resource object'];
  const checks = CHECKS[String(resource.resourceType)] ?? [];
  const out: string[] = [];
  for (const check of checks) {
    const problem = check(resource);
    if (problem) out.push(problem);
  }
  return out;
}
