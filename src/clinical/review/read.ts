/**
 * Reads the support team workflow back from FHIR: Task (status, business status, output) + its ServiceRequest
 * (the kinds of help asked for and the question) + the consult-note DocumentReference (the recommendation).
 * Pure: resources in, Review objects out. Anything it cannot read is said in `problems`, never guessed.
 */
import type { Attachment, DocumentReference, Reference, Resource, ServiceRequest, Task } from 'fhir/r4';
import { datePart } from '../dates.ts';
import { BUSINESS, NEED_SYSTEM, OUTPUT_RECOMMENDATION, TEAM_SYSTEM, CASE_REVIEW_CODE, isReviewNeed } from './codes.ts';
import type { Recommendation, RecommendationItems, Review, ReviewNeed, ReviewStatus } from './types.ts';

const STATUSES: ReadonlySet<string> = new Set(['requested', 'in-progress', 'completed', 'cancelled']);

const refId = (ref: string | undefined, type: string): string | null => {
  const m = typeof ref === 'string' ? new RegExp(`(?:^|/)${type}/([^/]+)$`).exec(ref) : null;
  return m ? m[1] : null;
};

const codings = (x: { coding?: { system?: string; code?: string }[] } | undefined) => (Array.isArray(x?.coding) ? x!.coding! : []);

/** True for a Task or ServiceRequest of the support team workflow (its code names the case review). */
export function isTeamReview(r: Resource): boolean {
  if (r.resourceType === 'Task') return codings((r as Task).code).some((c) => c.system === TEAM_SYSTEM && c.code === CASE_REVIEW_CODE);
  if (r.resourceType === 'ServiceRequest') {
    const sr = r as ServiceRequest;
    return [sr.code, ...(sr.category ?? [])].some((cc) => codings(cc).some((c) => c.system === TEAM_SYSTEM && c.code === CASE_REVIEW_CODE));
  }
  return false;
}

/** UTF-8 text of a base64 attachment (or its plain `data` when it is not base64), null when absent. */
export function attachmentText(a: Attachment | undefined): string | null {
  if (!a || typeof a.data !== 'string') return null;
  try {
    const bytes = Uint8Array.from(atob(a.data), (ch) => ch.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const display = (ref: Reference | undefined): string | null => (typeof ref?.display === 'string' && ref.display.trim() ? ref.display.trim() : null);

function readItems(json: unknown): { summary: string; items: RecommendationItems } | null {
  if (!json || typeof json !== 'object') return null;
  const o = json as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
  const items = (o.items && typeof o.items === 'object' ? o.items : {}) as Record<string, unknown>;
  return {
    summary: typeof o.summary === 'string' ? o.summary : '',
    items: Object.fromEntries(
      (['taperPlan', 'referrals', 'monitoring', 'suggestedLanguage'] as const).flatMap((k) => (str(items[k]) ? [[k, str(items[k])]] : [])),
    ) as RecommendationItems,
  };
}

export function readRecommendation(doc: DocumentReference): Recommendation {
  const contents = Array.isArray(doc.content) ? doc.content : [];
  const text = contents.map((c) => c?.attachment).find((a) => a && /^text\/plain/i.test(a.contentType ?? 'text/plain'));
  const json = contents.map((c) => c?.attachment).find((a) => a && /^application\/json/i.test(a.contentType ?? ''));
  const noteText = attachmentText(text) ?? '';
  let structured: { summary: string; items: RecommendationItems } | null = null;
  try {
    const raw = attachmentText(json);
    structured = raw ? readItems(JSON.parse(raw)) : null;
  } catch {
    structured = null;
  }
  return {
    documentId: doc.id ?? '',
    date: datePart(doc.date),
    author: (doc.author ?? []).map(display).find(Boolean) ?? null,
    text: noteText,
    summary: structured?.summary ?? noteText,
    items: structured?.items ?? {},
  };
}

function statusOf(task: Task): ReviewStatus {
  return STATUSES.has(task.status) ? (task.status as ReviewStatus) : 'other';
}

function acknowledgement(task: Task): Review['acknowledged'] {
  const acked = codings(task.businessStatus).some((c) => c.system === TEAM_SYSTEM && c.code === BUSINESS.acknowledged.code);
  if (!acked) return null;
  const note = [...(task.note ?? [])].reverse().find((n) => /^Recommendation read by\b/.test(n.text ?? ''));
  return { on: datePart(note?.time) ?? datePart(task.lastModified), by: display(note?.authorReference) };
}

/** One Review per support team Task; its ServiceRequest and recommendation are joined when present. */
export function readReviews(resources: readonly Resource[]): Review[] {
  const byRef = new Map(resources.filter((r) => r.id).map((r) => [`${r.resourceType}/${r.id}`, r]));
  const tasks = resources.filter((r): r is Task => r.resourceType === 'Task' && isTeamReview(r));
  return tasks.map((task) => {
    const problems: string[] = [];
    const srRef = task.focus?.reference ?? task.basedOn?.[0]?.reference;
    const srId = refId(srRef, 'ServiceRequest');
    const sr = srId ? (byRef.get(`ServiceRequest/${srId}`) as ServiceRequest | undefined) : undefined;
    if (srId && !sr) problems.push('the request itself could not be read');
    const needs: ReviewNeed[] = [];
    for (const rc of sr?.reasonCode ?? []) for (const c of codings(rc)) if (c.system === NEED_SYSTEM && isReviewNeed(c.code) && !needs.includes(c.code)) needs.push(c.code);
    const question = (sr?.note ?? []).map((n) => n.text).find((t) => typeof t === 'string' && t.trim()) ?? task.description ?? '';
    const out = (task.output ?? []).find((o) => codings(o.type).some((c) => c.system === TEAM_SYSTEM && c.code === OUTPUT_RECOMMENDATION.code));
    const recommendationRef = out?.valueReference?.reference ?? null;
    const docId = refId(recommendationRef ?? undefined, 'DocumentReference');
    const doc = docId ? (byRef.get(`DocumentReference/${docId}`) as DocumentReference | undefined) : undefined;
    if (docId && !doc) problems.push('the recommendation note could not be read');
    const patientId = refId(task.for?.reference, 'Patient') ?? refId(sr?.subject?.reference, 'Patient');
    return {
      taskId: task.id ?? '',
      taskVersion: task.meta?.versionId ?? null,
      serviceRequestId: sr?.id ?? srId,
      serviceRequestVersion: sr?.meta?.versionId ?? null,
      patientId,
      patientName: display(task.for) ?? display(sr?.subject),
      status: statusOf(task),
      fhirStatus: task.status,
      needs,
      question,
      requestedOn: datePart(sr?.authoredOn) ?? datePart(task.authoredOn),
      requester: display(sr?.requester) ?? display(task.requester),
      requesterRef: sr?.requester?.reference ?? task.requester?.reference ?? null,
      recommendationRef,
      recommendation: doc ? readRecommendation(doc) : null,
      acknowledged: acknowledgement(task),
      changedOn: datePart(task.lastModified) ?? datePart(task.authoredOn),
      problems,
    };
  });
}

/** Open first (oldest request first: it has waited longest), then answered not yet read, then the rest newest first. */
export function sortReviews(reviews: readonly Review[]): Review[] {
  const rank = (r: Review) => (r.status === 'requested' || r.status === 'in-progress' ? 0 : r.status === 'completed' && !r.acknowledged ? 1 : 2);
  return [...reviews].sort((a, b) => {
    const d = rank(a) - rank(b);
    if (d) return d;
    const ad = a.requestedOn ?? '';
    const bd = b.requestedOn ?? '';
    return rank(a) === 0 ? ad.localeCompare(bd) : bd.localeCompare(ad);
  });
}

export const isOpen = (r: Review) => r.status === 'requested' || r.status === 'in-progress';
export const awaitsAcknowledgement = (r: Review) => r.status === 'completed' && r.acknowledged === null;
