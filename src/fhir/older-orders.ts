/**
 * Orders older than the launch window, read on demand ("Show older orders"): every page of the orders authored
 * before the window. Afterwards the medications source covers the whole record (since = null), so the course
 * start and the PEG baseline are computed from the full history.
 */
import type Client from 'fhirclient/lib/Client';
import { readCapabilities } from './capabilities.ts';
import { DEFAULT_QUERY_CONFIG, type QueryConfig } from './codes.ts';
import { asFhirError, describeFailure } from './errors.ts';
import { readReferencedMedications } from './medications.ts';
import { olderOrdersSearch } from './queries.ts';
import { sanitize } from './sanitize.ts';
import { readSearch } from './source-load.ts';
import { createTransport, type TransportOptions } from './transport.ts';
import type { Resource } from 'fhir/r4';

export type OlderOrders = { ok: true; resources: Resource[]; complete: boolean; reason?: string } | { ok: false; reason: string };

export async function loadOlderOrders(client: Client, before: string, options: TransportOptions & { config?: QueryConfig } = {}): Promise<OlderOrders> {
  const patientId = client.getState('tokenResponse.patient') as string | undefined;
  if (!patientId) return { ok: false, reason: 'no patient in this launch' };
  const transport = createTransport(client, options);
  try {
    const capabilities = await readCapabilities(transport);
    const paged = await readSearch(transport, olderOrdersSearch(patientId, before, options.config ?? DEFAULT_QUERY_CONFIG, capabilities));
    const { kept, skipped } = sanitize(paged.items, { expect: ['MedicationRequest', 'Medication'] });
    const resources: Resource[] = [...kept];
    const gaps = [...paged.gaps, ...skipped.filter((s) => s.mayHideRecords).map((s) => `${s.count} entries were not resources`)];
    if (paged.failure) gaps.push(`a page could not be read (${describeFailure(paged.failure)})`);
    if (!capabilities.supportsInclude('MedicationRequest', 'MedicationRequest:medication')) {
      const meds = await readReferencedMedications(transport, kept);
      resources.push(...meds.medications);
      if (meds.failed) gaps.push(`${meds.failed} referenced Medication resources could not be read`);
    }
    return gaps.length ? { ok: true, resources, complete: false, reason: gaps.join('; ') } : { ok: true, resources, complete: true };
  } catch (e) {
    return { ok: false, reason: describeFailure(asFhirError(e, 'MedicationRequest')) };
  }
}
