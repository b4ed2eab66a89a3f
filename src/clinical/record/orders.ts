/**
 * MedicationRequest → OrderFact, once per order: what it names (naming.ts), its dates, the orders it renews
 * (priorPrescription, groupIdentifier), and — when its dosage is only free text — the dosage read from the sig.
 * An order whose fields cannot be read keeps its problems: an opioid order with problems becomes "could not
 * compute" in the MME; any other order that cannot be classified is reported as unreadable.
 */
import type { Dosage, MedicationRequest } from 'fhir/r4';
import { datePart } from '../dates.ts';
import type { MedicationIndex } from '../mme/resolve-medication.ts';
import { parseSig } from '../sig/index.ts';
import { readNaming, refOf } from './naming.ts';
import { shapeProblems } from './shape.ts';
import type { OrderFact, UnreadableRecord } from './types.ts';

export { refOf } from './naming.ts';

const safeDate = (v: unknown) => (typeof v === 'string' ? datePart(v) : null);

/** "MedicationRequest/abc" from a reference to an order (relative, absolute, or urn:uuid). */
export function orderRef(reference: unknown): string | null {
  if (typeof reference !== 'string') return null;
  const m = /(?:^|\/)MedicationRequest\/([^/]+?)(?:\/_history\/[^/]+)?$/.exec(reference);
  if (m) return `MedicationRequest/${m[1]}`;
  return reference.startsWith('urn:uuid:') ? `MedicationRequest/${reference.slice(9)}` : null;
}

const hasDose = (d: Dosage) => (d.doseAndRate ?? []).some((x) => x.doseQuantity || x.doseRange);
const hasTiming = (d: Dosage) => Boolean(d.timing?.repeat?.frequency || d.timing?.repeat?.period || d.timing?.code || d.timing?.repeat?.when?.length || d.timing?.repeat?.timeOfDay?.length);

/**
 * Dosage lines that carry only text (Cerner and older interfaces send the sig as text) are read by the sig
 * parser; the structured result feeds the same arithmetic, labelled. Anything the parser does not read stays as
 * it was (the order is then "could not compute", never a guess).
 */
function withSigDosage(mr: MedicationRequest): { resource: MedicationRequest; sig?: OrderFact['sig'] } {
  const lines = mr.dosageInstruction;
  if (!lines || lines.length === 0) return { resource: mr };
  let sig: OrderFact['sig'];
  const read = lines.map((d) => {
    const text = d.text ?? d.patientInstruction;
    if (!text || (hasDose(d) && hasTiming(d))) return d;
    const parsed = parseSig(text);
    if (!parsed.ok) return d;
    sig ??= { text, reading: parsed.reading.reading };
    const bounds = d.timing?.repeat?.boundsPeriod;
    const dosage = parsed.reading.dosage;
    return bounds && dosage.timing?.repeat && !dosage.timing.repeat.boundsPeriod ? { ...dosage, timing: { ...dosage.timing, repeat: { ...dosage.timing.repeat, boundsPeriod: bounds } } } : dosage;
  });
  return sig ? { resource: { ...mr, dosageInstruction: read }, sig } : { resource: mr };
}

/** Reads one order; returns the fact, or an unreadable record when nothing usable could be read from it. */
export function readOrder(mr: MedicationRequest, index: MedicationIndex): OrderFact | UnreadableRecord {
  const ref = refOf(mr);
  const problems = shapeProblems(mr);
  const read = readNaming(mr, index, problems);
  if (!read) return { ref, resourceType: 'MedicationRequest', reason: problems.join('; '), mayBe: ['medication-order'], sources: ['medications'] };
  const authored = safeDate(mr.authoredOn);
  const validityStart = (mr.dispenseRequest as { validityPeriod?: { start?: unknown } } | undefined)?.validityPeriod?.start;
  const prior = Array.isArray(mr.priorPrescription) ? mr.priorPrescription : mr.priorPrescription ? [mr.priorPrescription] : [];
  const group = mr.groupIdentifier && typeof mr.groupIdentifier.value === 'string' ? `${mr.groupIdentifier.system ?? ''}|${mr.groupIdentifier.value}` : null;
  const { resource, sig } = problems.length === 0 && read.facts.opioid ? withSigDosage(mr) : { resource: mr, sig: undefined };
  return {
    ...read.facts,
    ref,
    resource,
    authored,
    orderDate: authored ?? safeDate(validityStart),
    priorRefs: prior.map((p) => orderRef((p as { reference?: unknown })?.reference)).filter((x): x is string => x !== null),
    groupId: group,
    ...(sig ? { sig } : {}),
  };
}

export const isUnreadable = (x: object): x is UnreadableRecord => 'mayBe' in x;
