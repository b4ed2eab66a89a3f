/**
 * What a MedicationRequest names: every coding and every text, from medicationCodeableConcept and from the
 * referenced (contained or bundled) Medication, including its ingredient item codes/displays.
 */
import type { CodeableConcept, Medication, MedicationRequest } from 'fhir/r4';
import type { MedicationIndex } from '../mme/resolve-medication.ts';

export interface MedicationNaming {
  concepts: CodeableConcept[];
  texts: string[];
  display: string;
  /** Number of ingredients a referenced Medication lists (undefined when unknown). */
  ingredientCount?: number;
}

function referenced(mr: MedicationRequest, index: MedicationIndex): Medication | undefined {
  const ref = mr.medicationReference?.reference;
  if (!ref) return undefined;
  if (ref.startsWith('#')) {
    return (mr.contained ?? []).find((c) => c.resourceType === 'Medication' && c.id === ref.slice(1)) as Medication | undefined;
  }
  if (ref.startsWith('urn:uuid:')) return index.get(ref.slice(9));
  const m = /(?:^|\/)Medication\/([^/]+)(?:\/_history\/[^/]+)?$/.exec(ref);
  return m ? index.get(`Medication/${m[1]}`) : undefined;
}

export function medicationNaming(mr: MedicationRequest, index: MedicationIndex): MedicationNaming {
  const med = referenced(mr, index);
  const concepts: CodeableConcept[] = [];
  if (mr.medicationCodeableConcept) concepts.push(mr.medicationCodeableConcept);
  if (med?.code) concepts.push(med.code);
  const ingredientConcepts = (med?.ingredient ?? []).map((i) => i.itemCodeableConcept).filter((c): c is CodeableConcept => !!c);
  const texts = [
    ...concepts.flatMap((c) => [c.text, ...(c.coding ?? []).map((k) => k.display)]),
    mr.medicationReference?.display,
    ...ingredientConcepts.flatMap((c) => [c.text, ...(c.coding ?? []).map((k) => k.display)]),
  ].filter((t): t is string => !!t && t.trim() !== '');
  const display = texts[0] ?? '(medication not named)';
  return { concepts, texts, display, ingredientCount: med?.ingredient?.length || undefined };
}
