/**
 * Reads one patient's record into the panel's store for a case review opened from the registry: the same loader,
 * policy and engine as the panel, with the registry's (user-level) session pointed at the patient. A load that is
 * no longer wanted (the team went back, or opened another patient) writes nothing, so two patients' records can
 * never mix in the store.
 */
import type Client from 'fhirclient/lib/Client';
import type { IsoDate } from '../../../clinical/types.ts';
import { loadPatientRecord } from '../../../fhir/loader.ts';
import { canWriteObservation } from '../../../fhir/writes.ts';
import { loadPolicy } from '../../../store/launch.ts';
import { usePanelStore } from '../../../store/index.ts';
import { queryConfigFromPolicy } from '../../../store/policy-config.ts';

/** The same session, aimed at one patient (fhirclient reads the patient from the token response). */
export function clientForPatient(client: Client, patientId: string): Client {
  const aimed = Object.create(client) as Client;
  Object.defineProperty(aimed, 'state', {
    value: { ...client.state, tokenResponse: { ...client.state.tokenResponse, patient: patientId } },
    writable: true,
    enumerable: true,
  });
  return aimed;
}

export async function loadCaseRecord(client: Client, patientId: string, asOf: IsoDate, live: () => boolean): Promise<void> {
  if (!usePanelStore.getState().policy) await loadPolicy();
  if (!live()) return;
  const aimed = clientForPatient(client, patientId);
  usePanelStore.getState().startSession({
    client: aimed,
    asOf,
    patientId,
    permissions: { canWriteObservation: canWriteObservation(aimed), fhirUser: aimed.getFhirUser() ?? null },
  });
  const policy = usePanelStore.getState().policy;
  await loadPatientRecord(aimed, {
    asOf,
    config: policy ? queryConfigFromPolicy(policy) : undefined,
    onStart: (sources) => live() && usePanelStore.getState().startSources(sources),
    onSource: (load) => live() && usePanelStore.getState().receiveSource(load),
  });
  if (live()) usePanelStore.getState().setLoadedAt(usePanelStore.getState().clock().toISOString());
}
