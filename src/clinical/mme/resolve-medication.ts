/**
 * Which product does a MedicationRequest order? In this order:
 *   1. every RxNorm coding (medicationCodeableConcept, or the referenced/contained Medication.code) looked up
 *      in the embedded drug table — the first code found wins (ingredient- or brand-level codes are skipped);
 *   2. the referenced or contained Medication's ingredient strengths (medication-strength.ts);
 *   3. the RxNorm clinical-drug name parsed from text/displays ("oxycodone hydrochloride 5 MG Oral Tablet").
 * A request that names no opioid anywhere is not an opioid order (undefined).
 * References: "#id" → contained; "Medication/id", absolute URLs ending in Medication/id, and "urn:uuid:id"
 * → a Medication among the patient's resources.
 */
import type { Coding, Medication, MedicationRequest, Resource } from 'fhir/r4';
import { productByRxcui } from '../drugs/drug-table.ts';
import { parseDrugName } from '../drugs/parse-drug-name.ts';
import type { OpioidProduct } from '../drugs/product.ts';
import { productFromMedication } from './medication-strength.ts';

const RXNORM = new Set(['http://www.nlm.nih.gov/research/umls/rxnorm', 'urn:oid:2.16.840.1.113883.6.88']);

export type MedicationIndex = ReadonlyMap<string, Medication>;

/** Medication resources by "Medication/id" and by bare id (for urn:uuid references). */
const NO_MEDICATIONS: MedicationIndex = new Map();

export function indexMedications(resources: readonly Resource[]): MedicationIndex {
  let index: Map<string, Medication> | undefined; // created on the first Medication (most patients have none)
  for (const r of resources) {
    if (r.resourceType !== 'Medication' || !r.id) continue;
    const med = r as Medication;
    index ??= new Map();
    index.set(`Medication/${r.id}`, med);
    index.set(r.id, med);
  }
  return index ?? NO_MEDICATIONS;
}

function referencedMedication(mr: MedicationRequest, index: MedicationIndex): Medication | undefined {
  const ref = mr.medicationReference?.reference;
  if (!ref) return undefined;
  if (ref.startsWith('#')) {
    const found = (mr.contained ?? []).find((c) => c.resourceType === 'Medication' && c.id === ref.slice(1));
    return found as Medication | undefined;
  }
  if (ref.startsWith('urn:uuid:')) return index.get(ref.slice(9));
  const m = /(?:^|\/)Medication\/([^/]+)(?:\/_history\/[^/]+)?$/.exec(ref);
  return m ? index.get(`Medication/${m[1]}`) : undefined;
}

function tableHit(codings: readonly Coding[] | undefined): OpioidProduct | undefined {
  for (const c of codings ?? []) {
    if (!c.code || (c.system && !RXNORM.has(c.system))) continue;
    const product = productByRxcui(c.code.trim());
    if (product) return product;
  }
  return undefined;
}

function parseFirst(texts: readonly (string | undefined)[]): OpioidProduct | undefined {
  let namesOnly: OpioidProduct | undefined;
  for (const t of texts) {
    if (!t) continue;
    const p = parseDrugName(t);
    if (p && p.ingredients.length > 0) return p;
    namesOnly ??= p;
  }
  return namesOnly;
}

export interface ResolvedMedication {
  product: OpioidProduct | undefined;
  display: string;
}

export function resolveMedication(mr: MedicationRequest, index: MedicationIndex): ResolvedMedication {
  const cc = mr.medicationCodeableConcept;
  const med = referencedMedication(mr, index);
  const display =
    cc?.text ?? cc?.coding?.find((c) => c.display)?.display ?? mr.medicationReference?.display ?? med?.code?.text ??
    med?.code?.coding?.find((c) => c.display)?.display;
  const hit = tableHit(cc?.coding) ?? tableHit(med?.code?.coding);
  if (hit) return { product: hit, display: display ?? hit.name };
  return resolveUntabled(mr, med, display ?? '(medication not named)');
}

function resolveUntabled(mr: MedicationRequest, med: Medication | undefined, display: string): ResolvedMedication {
  const cc = mr.medicationCodeableConcept;
  const fromMedication = med ? productFromMedication(med, display) : undefined;
  if (fromMedication && fromMedication.ingredients.length > 0) return { product: fromMedication, display };
  const texts = [cc?.text, ...(cc?.coding ?? []).map((c) => c.display), mr.medicationReference?.display, med?.code?.text, ...(med?.code?.coding ?? []).map((c) => c.display)];
  const parsed = parseFirst(texts);
  if (parsed && (parsed.ingredients.length > 0 || !fromMedication)) return { product: parsed, display };
  return { product: fromMedication ?? parsed, display };
}
