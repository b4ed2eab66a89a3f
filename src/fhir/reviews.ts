/**
 * Reads and writes of the pain support team workflow (shapes in review-builders.ts; README "Pain support team").
 *
 * Reads:  a patient's reviews — `Task?patient=<id>&code=urn:pain-care-panel:support-team|case-review`,
 *         `ServiceRequest?patient=<id>&category=…|case-review`, the answered notes by id, `Goal?patient=<id>`;
 *         the team's queue — `Task?code=…|case-review&status=requested,in-progress` and
 *         `Task?code=…|case-review&status=completed&business-status=…|answered`, then their ServiceRequests by id.
 * Writes: every create is conditional (`If-None-Exist: identifier=urn:pain-care-panel:request|<id>`), so a retry
 *         with the kept request id returns what the first attempt filed; Task updates are PUTs with `If-Match` on the
 *         version read — on 412 (someone saved first) the Task is read again: a change already there is success, a
 *         change still possible is re-applied once to the newer version, anything else is a conflict in words.
 * Only with write scopes: nothing is sent without them (the form says why and offers the text to copy).
 */
import type Client from 'fhirclient/lib/Client';
import type { DocumentReference, Goal, Resource, ServiceRequest, Task } from 'fhir/r4';
import { CASE_REVIEW_TOKEN, BUSINESS, TEAM_SYSTEM } from '../clinical/review/codes.ts';
import { readCapabilities } from './capabilities.ts';
import { FhirError, asFhirError, describeFailure, type FhirErrorKind } from './errors.ts';
import { REQUEST_ID_SYSTEM } from './observation-builders.ts';
import { readAllPages } from './paging.ts';
import {
  applyTaskChange, buildConsultNote, buildReviewServiceRequest, buildReviewTask, canApply, completedServiceRequest, isDone,
  type Actor, type RecommendationInput, type ReviewRequestInput, type TaskChange,
} from './review-builders.ts';
import { sanitize } from './sanitize.ts';
import { createTransport, type Transport, type TransportOptions } from './transport.ts';
import type { WriteFailure } from './writes.ts';

// ---------------------------------------------------------------------------------------------
// Permissions (SMART v2 letters and v1 read/write/*; patient/, user/ or system/ level)
// ---------------------------------------------------------------------------------------------

export interface ReviewPermissions {
  /** False when the server named no scopes at all (then nothing is ruled out up front). */
  known: boolean;
  canRead(type: string): boolean;
  canCreate(type: string): boolean;
  canUpdate(type: string): boolean;
}

const SCOPE = /^(patient|user|system)\/([A-Za-z]+|\*)\.([a-z*]+)(\?.*)?$/;

export function reviewPermissions(scope: string | null | undefined): ReviewPermissions {
  const text = (scope ?? '').trim();
  const grants: { type: string; letters: Set<string> }[] = [];
  for (const s of text.split(/\s+/)) {
    const m = SCOPE.exec(s);
    if (!m) continue;
    const access = m[3];
    const letters = access === 'read' ? 'rs' : access === 'write' ? 'cud' : access === '*' ? 'cruds' : /^c?r?u?d?s?$/.test(access) ? access : '';
    if (letters) grants.push({ type: m[2], letters: new Set(letters) });
  }
  const known = text.length > 0;
  const has = (type: string, letter: string) => !known || grants.some((g) => (g.type === '*' || g.type === type) && g.letters.has(letter));
  return { known, canRead: (t) => has(t, 's'), canCreate: (t) => has(t, 'c'), canUpdate: (t) => has(t, 'u') };
}

export const permissionsOf = (client: Client) => reviewPermissions(client.getState('tokenResponse.scope') as string | undefined);

/** What this launch may do in the workflow. */
export function reviewAbilities(p: ReviewPermissions) {
  return {
    read: p.canRead('Task') && p.canRead('ServiceRequest'),
    request: p.canCreate('ServiceRequest') && p.canCreate('Task'),
    start: p.canUpdate('Task'),
    respond: p.canCreate('DocumentReference') && p.canUpdate('Task'),
    acknowledge: p.canUpdate('Task'),
    goals: p.canRead('Goal'),
  };
}
export type ReviewAbilities = ReturnType<typeof reviewAbilities>;

// ---------------------------------------------------------------------------------------------
// Reads
// ---------------------------------------------------------------------------------------------

export type ReviewLoad =
  | { ok: true; resources: Resource[]; goals: Goal[]; notes: string[] }
  | { ok: false; kind: FhirErrorKind; reason: string; unsupported?: boolean };

const UNSUPPORTED: ReviewLoad = { ok: false, kind: 'client', reason: 'this EHR does not list task searches (Task) among what it supports', unsupported: true };

async function search<T extends Resource>(transport: Transport, url: string, type: T['resourceType']): Promise<{ items: T[]; notes: string[] }> {
  const r = await readAllPages(transport, url);
  const { kept } = sanitize(r.items, { expect: [type] });
  const notes = [...r.warnings, ...r.gaps];
  if (r.failure) notes.push(`${type}: only part of the results could be read (${describeFailure(r.failure)})`);
  return { items: kept as T[], notes };
}

const ids = (refs: (string | undefined)[], type: string) =>
  [...new Set(refs.map((r) => (typeof r === 'string' ? new RegExp(`(?:^|/)${type}/([^/]+)$`).exec(r)?.[1] : undefined)).filter((x): x is string => Boolean(x)))];

async function byIds<T extends Resource>(transport: Transport, type: T['resourceType'], list: string[], patientId?: string): Promise<{ items: T[]; notes: string[] }> {
  const out: T[] = [];
  const notes: string[] = [];
  for (let i = 0; i < list.length; i += 50) {
    const chunk = list.slice(i, i + 50).map(encodeURIComponent).join(',');
    const r = await search<T>(transport, `${type}?${patientId ? `patient=${encodeURIComponent(patientId)}&` : ''}_id=${chunk}&_count=100`, type);
    out.push(...r.items);
    notes.push(...r.notes);
  }
  return { items: out, notes };
}

function failed(e: unknown, what: string): ReviewLoad {
  const error = asFhirError(e, what);
  return { ok: false, kind: error.kind, reason: describeFailure(error) };
}

/** One patient's support team reviews (Task + ServiceRequest + answered notes) and goals. */
export async function loadPatientReviews(client: Client, patientId: string, options: TransportOptions = {}): Promise<ReviewLoad> {
  const transport = createTransport(client, options);
  const abilities = reviewAbilities(permissionsOf(client));
  if (!abilities.read) return { ok: false, kind: 'forbidden', reason: 'this launch was not granted permission to read support team requests' };
  const pid = encodeURIComponent(patientId);
  const capabilities = await readCapabilities(transport);
  if (capabilities.known && !capabilities.supportsSearchParam('Task', 'code')) return UNSUPPORTED;
  const goalsListed = !capabilities.known || capabilities.supportsSearchParam('Goal', 'patient');
  try {
    const [tasks, requests, goals] = await Promise.all([
      search<Task>(transport, `Task?patient=${pid}&code=${encodeURIComponent(CASE_REVIEW_TOKEN)}&_count=100`, 'Task'),
      search<ServiceRequest>(transport, `ServiceRequest?patient=${pid}&category=${encodeURIComponent(CASE_REVIEW_TOKEN)}&_count=100`, 'ServiceRequest'),
      abilities.goals && goalsListed
        ? search<Goal>(transport, `Goal?patient=${pid}&_count=100`, 'Goal').catch((e: unknown) => ({ items: [] as Goal[], notes: [`Goals could not be read (${describeFailure(asFhirError(e, 'Goal'))})`] }))
        : Promise.resolve({ items: [] as Goal[], notes: [abilities.goals ? 'This EHR does not list goal searches (Goal)' : 'Goals were not part of this launch'] }),
    ]);
    const docIds = ids(tasks.items.flatMap((t) => (t.output ?? []).map((o) => o.valueReference?.reference)), 'DocumentReference');
    const docs = docIds.length ? await byIds<DocumentReference>(transport, 'DocumentReference', docIds, patientId) : { items: [], notes: [] };
    return { ok: true, resources: [...tasks.items, ...requests.items, ...docs.items], goals: goals.items, notes: [...tasks.notes, ...requests.notes, ...docs.notes, ...goals.notes] };
  } catch (e) {
    return failed(e, 'support team reviews');
  }
}

/** The team's worklist: open requests and answered ones not yet read, of every patient (user-level scopes). */
export async function loadTeamReviews(client: Client, options: TransportOptions = {}): Promise<ReviewLoad> {
  const transport = createTransport(client, options);
  if (!reviewAbilities(permissionsOf(client)).read) return { ok: false, kind: 'forbidden', reason: 'this launch was not granted permission to read support team requests' };
  const code = encodeURIComponent(CASE_REVIEW_TOKEN);
  const capabilities = await readCapabilities(transport);
  if (capabilities.known && !capabilities.supportsSearchParam('Task', 'code')) return UNSUPPORTED;
  try {
    const [open, answered] = await Promise.all([
      search<Task>(transport, `Task?code=${code}&status=requested,in-progress&_count=200`, 'Task'),
      search<Task>(transport, `Task?code=${code}&status=completed&business-status=${encodeURIComponent(`${TEAM_SYSTEM}|${BUSINESS.answered.code}`)}&_count=200`, 'Task'),
    ]);
    const tasks = [...open.items, ...answered.items];
    const srIds = ids(tasks.map((t) => t.focus?.reference ?? t.basedOn?.[0]?.reference), 'ServiceRequest');
    const requests = srIds.length ? await byIds<ServiceRequest>(transport, 'ServiceRequest', srIds) : { items: [], notes: [] };
    return { ok: true, resources: [...tasks, ...requests.items], goals: [], notes: [...open.notes, ...answered.notes, ...requests.notes] };
  } catch (e) {
    return failed(e, 'support team queue');
  }
}

// ---------------------------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------------------------

const MESSAGES: Record<FhirErrorKind, string> = {
  network: 'Could not reach the EHR — what you wrote is kept; try again.',
  timeout: 'The EHR did not answer in time — what you wrote is kept; try again.',
  server: 'The EHR had a problem saving — what you wrote is kept; try again.',
  'rate-limited': 'The EHR is busy — what you wrote is kept; try again in a moment.',
  unauthorized: 'Your session has expired — what you wrote is kept in this browser tab; relaunch the app from the chart to send it.',
  forbidden: 'This launch is not permitted to save this to the chart.',
  client: 'The EHR rejected the entry.',
  'invalid-body': 'The EHR answered in an unexpected way — check the chart before trying again.',
};

const failure = (e: unknown, what: string): WriteFailure => {
  const error = asFhirError(e, what);
  return { kind: error.kind, retryable: error.retryable, message: MESSAGES[error.kind] };
};
const forbidden = (message: string): WriteFailure => ({ kind: 'forbidden', retryable: false, message });

/** POST with If-None-Exist on the request identifier: a retry finds the first attempt's resource. */
async function createOnce<T extends Resource>(transport: Transport, resource: T): Promise<T> {
  const id = (resource as { identifier?: { system?: string; value?: string }[] }).identifier?.find((i) => i.system === REQUEST_ID_SYSTEM)?.value;
  if (!id) throw new Error('createOnce needs an identifier in the urn:pain-care-panel:request system');
  const { body, headers } = await transport.send(resource.resourceType, {
    method: 'POST',
    headers: { 'content-type': 'application/fhir+json', 'if-none-exist': `identifier=${REQUEST_ID_SYSTEM}|${id}` },
    body: JSON.stringify(resource),
  });
  if ((body as Resource | null)?.resourceType === resource.resourceType) return body as T;
  const newId = new RegExp(`${resource.resourceType}/([^/]+)`).exec(headers.get('location') ?? '')?.[1];
  if (!newId) throw new FhirError('invalid-body', `POST ${resource.resourceType}: the answer named no resource`);
  return { ...resource, id: newId };
}

async function put<T extends Resource>(transport: Transport, resource: T, version: string | null): Promise<T> {
  const { body } = await transport.send(`${resource.resourceType}/${encodeURIComponent(resource.id!)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/fhir+json', ...(version ? { 'if-match': `W/"${version}"` } : {}) },
    body: JSON.stringify(resource),
  });
  return ((body as T | null)?.resourceType === resource.resourceType ? body : resource) as T;
}

async function read<T extends Resource>(transport: Transport, type: T['resourceType'], id: string): Promise<T> {
  const { body } = await transport.send(`${type}/${encodeURIComponent(id)}`);
  if ((body as Resource | null)?.resourceType !== type) throw new FhirError('invalid-body', `GET ${type}: not a ${type}`);
  return body as T;
}

export type TaskResult = { ok: true; task: Task } | { ok: false; error: WriteFailure };

const CONFLICT: WriteFailure = {
  kind: 'client', retryable: false,
  message: 'Someone else changed this review meanwhile — the list has been read again; check it before saving again. What you wrote is kept.',
};

/** Applies one change to a Task: PUT with If-Match; on 412 read again, and succeed, re-apply once, or report a conflict. */
async function changeTask(transport: Transport, task: Task, change: TaskChange): Promise<TaskResult> {
  let current = task;
  for (let attempt = 0; attempt < 2; attempt++) {
    if (isDone(current, change)) return { ok: true, task: current };
    if (!canApply(current, change)) return { ok: false, error: CONFLICT };
    try {
      return { ok: true, task: await put(transport, { ...applyTaskChange(current, change), id: current.id }, current.meta?.versionId ?? null) };
    } catch (e) {
      if (!(e instanceof FhirError) || e.status !== 412) return { ok: false, error: failure(e, 'PUT Task') };
      try {
        current = await read<Task>(transport, 'Task', task.id!);
      } catch (again) {
        return { ok: false, error: failure(again, 'GET Task') };
      }
    }
  }
  return isDone(current, change) ? { ok: true, task: current } : { ok: false, error: CONFLICT };
}

export type RequestResult = { ok: true; serviceRequest: ServiceRequest; task: Task } | { ok: false; error: WriteFailure };

/** Files a request: the ServiceRequest, then its Task — both conditional, so "try again" never files twice. */
export async function requestReview(client: Client, input: ReviewRequestInput, options: TransportOptions = {}): Promise<RequestResult> {
  if (!reviewAbilities(permissionsOf(client)).request) return { ok: false, error: forbidden('This launch is not permitted to send requests to the support team.') };
  const transport = createTransport(client, options);
  try {
    const serviceRequest = await createOnce(transport, buildReviewServiceRequest(input));
    const task = await createOnce(transport, buildReviewTask(input, serviceRequest.id!));
    return { ok: true, serviceRequest, task };
  } catch (e) {
    return { ok: false, error: failure(e, 'send the request') };
  }
}

/** The team takes the request up (Task → in-progress). */
export async function startReview(client: Client, task: Task, change: Extract<TaskChange, { kind: 'start' }>, options: TransportOptions = {}): Promise<TaskResult> {
  if (!reviewAbilities(permissionsOf(client)).start) return { ok: false, error: forbidden('This launch is not permitted to update support team requests.') };
  return changeTask(createTransport(client, options), task, change);
}

/** The clinician has read the recommendation (Task.businessStatus acknowledged + a note). */
export async function acknowledgeReview(client: Client, task: Task, change: Extract<TaskChange, { kind: 'acknowledge' }>, options: TransportOptions = {}): Promise<TaskResult> {
  if (!reviewAbilities(permissionsOf(client)).acknowledge) return { ok: false, error: forbidden('This launch is not permitted to update support team requests.') };
  return changeTask(createTransport(client, options), task, change);
}

export type RecommendationResult =
  | { ok: true; document: DocumentReference; task: Task; serviceRequest: ServiceRequest | null; warnings: string[] }
  | { ok: false; error: WriteFailure };

/**
 * The team's answer: the consult note (conditional create), then the Task completed with the note as output, then
 * the ServiceRequest completed. A retry re-finds the note by its request id and finishes what is left.
 */
export async function recordRecommendation(
  client: Client,
  target: { task: Task; serviceRequest: ServiceRequest | null },
  input: Omit<RecommendationInput, 'taskId' | 'serviceRequestId'>,
  options: TransportOptions = {},
): Promise<RecommendationResult> {
  if (!reviewAbilities(permissionsOf(client)).respond) return { ok: false, error: forbidden('This launch is not permitted to file recommendations (it needs to create DocumentReference and update Task).') };
  const transport = createTransport(client, options);
  let document: DocumentReference;
  try {
    document = await createOnce(transport, buildConsultNote({ ...input, taskId: target.task.id!, serviceRequestId: target.serviceRequest?.id ?? null }));
  } catch (e) {
    return { ok: false, error: failure(e, 'save the recommendation') };
  }
  const done = await changeTask(transport, target.task, { kind: 'complete', by: input.author, instant: input.instant, documentId: document.id! });
  if (!done.ok) return done;
  const warnings: string[] = [];
  let serviceRequest = target.serviceRequest;
  if (serviceRequest && serviceRequest.status !== 'completed') {
    try {
      serviceRequest = await put(transport, { ...completedServiceRequest(serviceRequest), id: serviceRequest.id }, null);
    } catch (e) {
      warnings.push(`The recommendation is filed, but the request's own status could not be set to completed (${describeFailure(asFhirError(e, 'PUT ServiceRequest'))}); the review is shown as answered.`);
    }
  }
  return { ok: true, document, task: done.task, serviceRequest, warnings };
}

// ---------------------------------------------------------------------------------------------
// Who is signed in (their name goes on what they file)
// ---------------------------------------------------------------------------------------------

function personName(r: { name?: { text?: string; prefix?: string[]; given?: string[]; family?: string }[] } | null): string | null {
  const n = r?.name?.[0];
  if (!n) return null;
  if (n.text) return n.text;
  const parts = [...(n.prefix ?? []), ...(n.given ?? []), n.family ?? ''].filter(Boolean);
  return parts.length ? parts.join(' ') : null;
}

/** The signed-in user (fhirUser) with their name when the server lets the app read it (SMART `fhirUser`). */
export async function readCurrentUser(client: Client, options: TransportOptions = {}): Promise<Actor> {
  const reference = client.getFhirUser?.() ?? null;
  if (!reference || !/^[A-Za-z]+\/[^/]+$/.test(reference)) return { reference: null, display: null };
  try {
    const { body } = await createTransport(client, { ...options, maxAttempts: 1 }).send(reference);
    return { reference, display: personName(body as never) };
  } catch {
    return { reference, display: null };
  }
}
