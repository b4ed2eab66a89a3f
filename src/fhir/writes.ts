/**
 * Saves what the panel records (PEG scores, PDMP attestation) so that a retry can never file it twice.
 * Every Observation carries its request id as an identifier (`urn:pain-care-panel:request|<id>`):
 * - a server whose CapabilityStatement lists `conditionalCreate` for Observation gets a conditional create
 *   (`If-None-Exist: identifier=…`): a repeated POST returns the resource already created;
 * - any other server (or /metadata unreadable) is first searched for that identifier, before every POST.
 * POSTs are tried up to 3 times here, one HTTP try each (the transport does not retry them on its own), and a
 * failure says whether an attempt may have reached the chart (`outcomeUnknown`: network error, timeout, 5xx).
 *
 * @example
 *   const r = await savePegObservation(client, { pain: 6, enjoyment: 5, activity: 7, patientId: 'p1',
 *     clientRequestId: 'peg-7f3c', effectiveDateTime: '2026-11-22T15:04:00Z' });
 *   if (!r.ok && r.error.retryable) offerRetry(); // the answers stay on screen
 */
import type Client from 'fhirclient/lib/Client';
import type { Bundle, Observation } from 'fhir/r4';
import { readCapabilities, type Capabilities } from './capabilities.ts';
import { FhirError, asFhirError, type FhirErrorKind } from './errors.ts';
import {
  REQUEST_ID_SYSTEM,
  buildPdmpAttestation,
  buildPegObservation,
  type PegAnswers,
  type PegCorrection,
  type WriteContext,
} from './observation-builders.ts';
import { parseScopes } from './permissions.ts';
import { withRetry } from './retry.ts';
import { createTransport, type Transport, type TransportOptions } from './transport.ts';

export interface WriteFailure {
  kind: FhirErrorKind;
  retryable: boolean;
  /** Plain words for the panel. */
  message: string;
  /** An attempt may have been stored before its answer was lost: look for it before saving other answers. */
  outcomeUnknown?: boolean;
}

/** `existing`: the Observation was already on the chart under this request id (found, not created now). */
export type WriteResult = { ok: true; observation: Observation; existing?: boolean } | { ok: false; error: WriteFailure };

export interface SaveOptions extends TransportOptions {
  /** What the server supports; read from /metadata (once per client) when not given. */
  capabilities?: Capabilities;
}

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

/** Failures after which the server may hold the resource (it may have stored it before the answer was lost). */
const AMBIGUOUS: ReadonlySet<FhirErrorKind> = new Set(['network', 'timeout', 'server', 'invalid-body']);

/** Can this launch create Observations (patient/Observation.c, .cruds, .write, patient/*.write, user/...)? */
export function canWriteObservation(client: Client): boolean {
  return parseScopes(client.getState('tokenResponse.scope') as string | undefined).canCreate('Observation');
}

const failure = (e: unknown, what: string, outcomeUnknown = false): WriteFailure => {
  const error = asFhirError(e, what);
  return { kind: error.kind, retryable: error.retryable, message: MESSAGES[error.kind], ...(outcomeUnknown ? { outcomeUnknown } : {}) };
};

/** The server's CapabilityStatement, read once per client (an unreadable one is read again next time). */
const capabilityCache = new WeakMap<Client, Promise<Capabilities>>();
function writeCapabilities(client: Client, transport: Transport): Promise<Capabilities> {
  let cached = capabilityCache.get(client);
  if (!cached) {
    cached = readCapabilities(transport).then((caps) => {
      if (!caps.known) capabilityCache.delete(client);
      return caps;
    });
    capabilityCache.set(client, cached);
  }
  return cached;
}

const requestIdOf = (observation: Observation) => observation.identifier?.find((i) => i.system === REQUEST_ID_SYSTEM)?.value;

async function searchByRequestId(transport: Transport, patientId: string, requestId: string): Promise<Observation | null> {
  const query = new URLSearchParams({ patient: patientId, identifier: `${REQUEST_ID_SYSTEM}|${requestId}` });
  const { body } = await transport.send(`Observation?${query}`);
  const bundle = body as Bundle | null;
  if (bundle?.resourceType !== 'Bundle') throw new FhirError('invalid-body', 'GET Observation: the answer to the identifier search is not a Bundle');
  const found = (bundle.entry ?? []).map((e) => e.resource).find((r): r is Observation => r?.resourceType === 'Observation' && requestIdOf(r) === requestId);
  return found ?? null;
}

/** The Observation saved under this request id, if the chart has one (`Observation?identifier=…|<id>`). */
export async function findByRequestId(
  client: Client,
  patientId: string,
  requestId: string,
  options: TransportOptions = {},
): Promise<{ ok: true; observation: Observation | null } | { ok: false; error: WriteFailure }> {
  try {
    return { ok: true, observation: await searchByRequestId(createTransport(client, options), patientId, requestId) };
  } catch (e) {
    return { ok: false, error: failure(e, 'GET Observation', true) };
  }
}

export async function saveObservation(client: Client, observation: Observation, options: SaveOptions = {}): Promise<WriteResult> {
  const id = requestIdOf(observation);
  if (!id) throw new Error('saveObservation needs an identifier in the urn:pain-care-panel:request system');
  if (!canWriteObservation(client)) {
    return { ok: false, error: { kind: 'forbidden', retryable: false, message: MESSAGES.forbidden } };
  }
  const patientId = observation.subject?.reference?.replace(/^Patient\//, '') ?? '';
  // One HTTP try per send: this function decides whether the next try may POST again.
  const transport = createTransport(client, { ...options, maxAttempts: 1 });
  const capabilities = options.capabilities ?? (await writeCapabilities(client, transport));
  const conditional = capabilities.supportsConditionalCreate('Observation');
  let ambiguous = false;

  const attempt = async (): Promise<WriteResult> => {
    if (!conditional) {
      const found = await searchByRequestId(transport, patientId, id);
      if (found) return { ok: true, observation: found, existing: true };
    }
    try {
      const { status, body, headers } = await transport.send('Observation', {
        method: 'POST',
        headers: { 'content-type': 'application/fhir+json', ...(conditional ? { 'if-none-exist': `identifier=${REQUEST_ID_SYSTEM}|${id}` } : {}) },
        body: JSON.stringify(observation),
      });
      const existing = conditional && status === 200; // a conditional create that matched answers 200, a new one 201
      if ((body as Observation | null)?.resourceType === 'Observation') return { ok: true, observation: body as Observation, existing };
      // return=minimal servers answer 201 with only a Location: .../Observation/<id>/_history/<v>
      const newId = /Observation\/([^/]+)/.exec(headers.get('location') ?? '')?.[1];
      return { ok: true, observation: { ...observation, ...(newId ? { id: newId } : {}) }, existing };
    } catch (e) {
      if (AMBIGUOUS.has(asFhirError(e, 'POST Observation').kind)) ambiguous = true;
      throw e;
    }
  };

  try {
    return await withRetry(attempt, options);
  } catch (e) {
    return { ok: false, error: failure(e, 'POST Observation', ambiguous) };
  }
}

export interface PegInput extends PegAnswers, Omit<WriteContext, 'effectiveDateTime'> {
  effectiveDateTime: string;
}

export function savePegObservation(client: Client, input: PegInput, options?: SaveOptions, correction?: PegCorrection): Promise<WriteResult> {
  const { pain, enjoyment, activity, ...ctx } = input;
  return saveObservation(client, buildPegObservation({ pain, enjoyment, activity }, ctx, correction), options);
}

export function savePdmpAttestation(client: Client, ctx: WriteContext & { note?: string }, options?: SaveOptions): Promise<WriteResult> {
  return saveObservation(client, buildPdmpAttestation(ctx, ctx.note), options);
}

