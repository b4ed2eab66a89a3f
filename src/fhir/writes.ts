/**
 * Saves what the panel records (PEG scores, PDMP attestation) as a conditional create:
 * `If-None-Exist: identifier=urn:pain-care-panel:request|<id>` makes a retried POST return the
 * resource already created instead of a duplicate, so "try again" is always safe.
 *
 * @example
 *   const r = await savePegObservation(client, { pain: 6, enjoyment: 5, activity: 7, patientId: 'p1',
 *     clientRequestId: 'peg-7f3c', effectiveDateTime: '2026-11-22T15:04:00Z' });
 *   if (!r.ok && r.error.retryable) offerRetry(); // the answers stay on screen
 */
import type Client from 'fhirclient/lib/Client';
import type { Observation } from 'fhir/r4';
import { asFhirError, type FhirErrorKind } from './errors.ts';
import { REQUEST_ID_SYSTEM, buildPdmpAttestation, buildPegObservation, type PegAnswers, type WriteContext } from './observation-builders.ts';
import { parseScopes } from './permissions.ts';
import { createTransport, type TransportOptions } from './transport.ts';

export interface WriteFailure {
  kind: FhirErrorKind;
  retryable: boolean;
  /** Plain words for the panel. */
  message: string;
}

export type WriteResult = { ok: true; observation: Observation } | { ok: false; error: WriteFailure };

const MESSAGES: Record<FhirErrorKind, string> = {
  network: 'Could not reach the EHR — your answers are kept; try again.',
  timeout: 'The EHR did not answer in time — your answers are kept; try again.',
  server: 'The EHR had a problem saving — your answers are kept; try again.',
  'rate-limited': 'The EHR is busy — your answers are kept; try again in a moment.',
  unauthorized: 'Your session has expired — relaunch the app from the chart to save.',
  forbidden: 'This launch is not permitted to save to the chart.',
  client: 'The EHR rejected the entry.',
  'invalid-body': 'The EHR answered in an unexpected way — check the chart before trying again.',
};

/** Can this launch create Observations (patient/Observation.c, .cruds, .write, patient/*.write, user/...)? */
export function canWriteObservation(client: Client): boolean {
  return parseScopes(client.getState('tokenResponse.scope') as string | undefined).canCreate('Observation');
}

export async function saveObservation(client: Client, observation: Observation, options: TransportOptions = {}): Promise<WriteResult> {
  const id = observation.identifier?.find((i) => i.system === REQUEST_ID_SYSTEM)?.value;
  if (!id) throw new Error('saveObservation needs an identifier in the urn:pain-care-panel:request system');
  if (!canWriteObservation(client)) {
    return { ok: false, error: { kind: 'forbidden', retryable: false, message: MESSAGES.forbidden } };
  }
  const transport = createTransport(client, options);
  try {
    const { body, headers } = await transport.send('Observation', {
      method: 'POST',
      headers: { 'content-type': 'application/fhir+json', 'if-none-exist': `identifier=${REQUEST_ID_SYSTEM}|${id}` },
      body: JSON.stringify(observation),
    });
    if ((body as Observation | null)?.resourceType === 'Observation') return { ok: true, observation: body as Observation };
    // return=minimal servers answer 201 with only a Location: .../Observation/<id>/_history/<v>
    const newId = /Observation\/([^/]+)/.exec(headers.get('location') ?? '')?.[1];
    return { ok: true, observation: { ...observation, ...(newId ? { id: newId } : {}) } };
  } catch (e) {
    const error = asFhirError(e, 'POST Observation');
    return { ok: false, error: { kind: error.kind, retryable: error.retryable, message: MESSAGES[error.kind] } };
  }
}

export interface PegInput extends PegAnswers, Omit<WriteContext, 'effectiveDateTime'> {
  effectiveDateTime: string;
}

export function savePegObservation(client: Client, input: PegInput, options?: TransportOptions): Promise<WriteResult> {
  const { pain, enjoyment, activity, ...ctx } = input;
  return saveObservation(client, buildPegObservation({ pain, enjoyment, activity }, ctx), options);
}

export function savePdmpAttestation(client: Client, ctx: WriteContext & { note?: string }, options?: TransportOptions): Promise<WriteResult> {
  return saveObservation(client, buildPdmpAttestation(ctx, ctx.note), options);
}
