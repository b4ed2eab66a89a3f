/** One line per patient for the EHR page: opioid orders and record size, so a tester can pick a scenario. */
import type { MedicationRequest } from 'fhir/r4';
import type { FhirStore } from './fhir-store.ts';

const OPIOID = /(oxycodone|hydrocodone|morphine|fentanyl|hydromorphone|methadone|tramadol|tapentadol|codeine|oxymorphone|buprenorphine)/i;

export async function describePatient(store: FhirStore, pid: string): Promise<string> {
  const orders = (await store.patientResources(pid, 'MedicationRequest')) as MedicationRequest[];
  const names = new Set<string>();
  for (const o of orders) {
    const text = o.medicationCodeableConcept?.text ?? o.medicationCodeableConcept?.coding?.[0]?.display ?? o.medicationReference?.display ?? '';
    const m = OPIOID.exec(text);
    if (m && (o.status === 'active' || o.status === 'on-hold')) names.add(m[1].toLowerCase());
  }
  const obs = (await store.patientResources(pid, 'Observation')).length;
  const opioids = names.size ? `active opioid orders: ${[...names].join(', ')}` : 'no active opioid order';
  return `${opioids}; ${orders.length} medication orders, ${obs} observations`;
}
