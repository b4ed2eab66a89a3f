/**
 * When the server cannot `_include=MedicationRequest:medication`, each distinct referenced Medication is
 * read once (a few at a time), so an order that names its drug by reference is still identifiable.
 */
import type { Medication, MedicationRequest, Resource } from 'fhir/r4';
import { asFhirError, describeFailure } from './errors.ts';
import { describeSkip, sanitize } from './sanitize.ts';
import type { Transport } from './transport.ts';

const PARALLEL_READS = 6;

/** "Medication/abc" ids referenced by the orders, excluding contained (#) ones and ones already present. */
export function referencedMedicationIds(resources: readonly Resource[]): string[] {
  const present = new Set(resources.filter((r) => r.resourceType === 'Medication').map((r) => r.id));
  const ids = new Set<string>();
  for (const r of resources) {
    if (r.resourceType !== 'MedicationRequest') continue;
    const ref = (r as MedicationRequest).medicationReference?.reference ?? '';
    const m = /(?:^|\/)Medication\/([^/?#]+)$/.exec(ref);
    if (m && !present.has(m[1])) ids.add(m[1]);
  }
  return [...ids];
}

export async function readReferencedMedications(
  transport: Transport,
  resources: readonly Resource[],
): Promise<{ medications: Medication[]; failed: number; notes: string[] }> {
  const queue = referencedMedicationIds(resources);
  const medications: Medication[] = [];
  const notes: string[] = [];
  let failed = 0;
  const worker = async () => {
    for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
      try {
        const { body } = await transport.send(`Medication/${encodeURIComponent(id)}`);
        const { kept, skipped } = sanitize([body], { expect: ['Medication'] });
        medications.push(...(kept as Medication[]));
        notes.push(...skipped.map(describeSkip));
        if (kept.length === 0) failed += 1;
      } catch (e) {
        const error = asFhirError(e, 'Medication');
        if (error.kind === 'unauthorized') throw error; // the session is over: the whole source is unavailable
        failed += 1;
        notes.push(`Medication/${id} could not be read: ${describeFailure(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, queue.length) }, worker));
  return { medications, failed, notes };
}
