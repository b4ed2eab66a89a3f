/**
 * The support team writes as the UI uses them: who is signed in, the store's clock for the instant, the FHIR call,
 * then the result upserted into the reviews store. Each returns `{ ok }` or the failure in words; a session that
 * expired ends the panel's session (relaunch), while the form keeps its draft.
 */
import type Client from 'fhirclient/lib/Client';
import type { Resource, ServiceRequest, Task } from 'fhir/r4';
import type { RecommendationItems, ReviewNeed } from '../../clinical/review/types.ts';
import { acknowledgeReview, recordRecommendation, requestReview, startReview } from '../../fhir/reviews.ts';
import type { WriteFailure } from '../../fhir/writes.ts';
import { SESSION_EXPIRED_MESSAGE } from '../../fhir/types.ts';
import { clinicInstant } from '../../store/clock.ts';
import { usePanelStore } from '../../store/index.ts';
import { useReviewsStore } from '../../store/reviews-store.ts';

export type ActionResult = { ok: true; warnings?: string[]; taskId?: string } | { ok: false; message: string; retryable: boolean };

function fail(error: WriteFailure): ActionResult {
  if (error.kind === 'unauthorized') usePanelStore.getState().setSessionError({ kind: 'session-expired', message: SESSION_EXPIRED_MESSAGE });
  return { ok: false, message: error.message, retryable: error.retryable };
}

const now = () => clinicInstant(usePanelStore.getState().clock);

/** The stored Task / ServiceRequest of a review (any set that holds it). */
export function storedResource<T extends Resource>(type: T['resourceType'], id: string | null): T | null {
  if (!id) return null;
  const { patients, team } = useReviewsStore.getState();
  for (const set of [...Object.values(patients), ...(team ? [team] : [])]) {
    const found = set.resources.find((r) => r.resourceType === type && r.id === id);
    if (found) return found as T;
  }
  return null;
}

export async function sendReviewRequest(
  client: Client,
  input: { patientId: string; patientName: string | null; needs: ReviewNeed[]; question: string; clientRequestId: string },
): Promise<ActionResult> {
  const requester = await useReviewsStore.getState().loadUser(client);
  const r = await requestReview(client, { ...input, requester, instant: now() });
  if (!r.ok) return fail(r.error);
  useReviewsStore.getState().upsert(input.patientId, [r.serviceRequest, r.task]);
  return { ok: true };
}

export async function startTeamReview(client: Client, taskId: string, patientId: string | null): Promise<ActionResult> {
  const task = storedResource<Task>('Task', taskId);
  if (!task) return { ok: false, message: 'The request could not be found — read the list again.', retryable: false };
  const by = await useReviewsStore.getState().loadUser(client);
  const r = await startReview(client, task, { kind: 'start', by, instant: now() });
  if (!r.ok) return fail(r.error);
  useReviewsStore.getState().upsert(patientId, [r.task]);
  return { ok: true };
}

export async function sendRecommendation(
  client: Client,
  input: { taskId: string; serviceRequestId: string | null; patientId: string; summary: string; items: RecommendationItems; question: string; needs: ReviewNeed[]; clientRequestId: string },
): Promise<ActionResult> {
  const task = storedResource<Task>('Task', input.taskId);
  if (!task) return { ok: false, message: 'The request could not be found — read the list again.', retryable: false };
  const serviceRequest = storedResource<ServiceRequest>('ServiceRequest', input.serviceRequestId);
  const author = await useReviewsStore.getState().loadUser(client);
  const r = await recordRecommendation(client, { task, serviceRequest }, {
    summary: input.summary, items: input.items, patientId: input.patientId, author, clientRequestId: input.clientRequestId,
    instant: now(), question: input.question, needs: input.needs,
  });
  if (!r.ok) return fail(r.error);
  useReviewsStore.getState().upsert(input.patientId, [r.document, r.task, ...(r.serviceRequest ? [r.serviceRequest] : [])]);
  return { ok: true, warnings: r.warnings };
}

export async function acknowledgeRecommendation(client: Client, taskId: string, patientId: string | null): Promise<ActionResult> {
  const task = storedResource<Task>('Task', taskId);
  if (!task) return { ok: false, message: 'The review could not be found — read the list again.', retryable: false };
  const by = await useReviewsStore.getState().loadUser(client);
  const r = await acknowledgeReview(client, task, { kind: 'acknowledge', by, instant: now() });
  if (!r.ok) return fail(r.error);
  useReviewsStore.getState().upsert(patientId, [r.task]);
  return { ok: true };
}

/** The question filed for a review the team starts itself (no clinician asked): the rules that listed the patient. */
export function teamInitiatedQuestion(reasons: readonly string[]): string {
  return `Review by the support team (no request): the clinic's review rules list this patient — ${reasons.join('; ')}.`;
}

/**
 * A recommendation about a patient nobody asked about (listed by the clinic's rules): the team files the request
 * itself (ServiceRequest + Task, "whole-case review"), then the recommendation — all under one request id, so a
 * retry finds each step already done and files nothing twice.
 */
export async function sendTeamInitiatedRecommendation(
  client: Client,
  input: { patientId: string; patientName: string | null; reasons: readonly string[]; summary: string; items: RecommendationItems; clientRequestId: string },
): Promise<ActionResult> {
  const requester = await useReviewsStore.getState().loadUser(client);
  const question = teamInitiatedQuestion(input.reasons);
  const needs: ReviewNeed[] = ['whole-case'];
  const filed = await requestReview(client, { needs, question, patientId: input.patientId, patientName: input.patientName, requester, clientRequestId: input.clientRequestId, instant: now() });
  if (!filed.ok) return fail(filed.error);
  useReviewsStore.getState().upsert(input.patientId, [filed.serviceRequest, filed.task]);
  const r = await sendRecommendation(client, {
    taskId: filed.task.id!, serviceRequestId: filed.serviceRequest.id ?? null, patientId: input.patientId, summary: input.summary, items: input.items,
    question, needs, clientRequestId: input.clientRequestId,
  });
  return r.ok ? { ...r, taskId: filed.task.id! } : r;
}
