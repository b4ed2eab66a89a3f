/**
 * The resources of the pain support team workflow (README "Pain support team"). Pure: the caller passes the
 * instant, the request id and the signed-in user.
 *
 *  - request:   ServiceRequest (status active, intent order, category SNOMED 306206005 "Referral to service" +
 *               the app's case-review code, code SNOMED 11429006 "Consultation", reasonCode = the kinds of help,
 *               note = the question) and a Task (code task-code#fulfill + case-review, focus/basedOn the
 *               ServiceRequest, for the patient, status requested, businessStatus "waiting");
 *  - answer:    DocumentReference consult note (LOINC 11488-4; text/plain note + application/json structured items),
 *               Task → completed with output = the note, businessStatus "answered"; ServiceRequest → completed;
 *  - read:      Task.businessStatus "acknowledged" + a Task.note naming who read it and when.
 * Every created resource carries identifier urn:pain-care-panel:request|<id> for the conditional create.
 */
import type { Annotation, DocumentReference, Reference, ServiceRequest, Task } from 'fhir/r4';
import {
  BUSINESS, CASE_REVIEW_CODE, CASE_REVIEW_DISPLAY, CONSULT_NOTE, CONSULTATION, NEED_LABEL, NEED_SYSTEM, OUTPUT_RECOMMENDATION,
  REFERRAL_TO_SERVICE, TASK_CODE_SYSTEM, TEAM_SYSTEM, US_CORE_DOC_CATEGORY, type BusinessCode,
} from '../clinical/review/codes.ts';
import type { RecommendationItems, ReviewNeed } from '../clinical/review/types.ts';
import { REQUEST_ID_SYSTEM } from './observation-builders.ts';

export const TEAM_NAME = 'Pain support team';

export interface Actor {
  /** fhirUser ("Practitioner/123"), when the launch shared it. */
  reference: string | null;
  /** The name shown to others ("Dr. Sam Sandbox"); null when unknown. */
  display: string | null;
}

export interface ReviewRequestInput {
  needs: ReviewNeed[];
  question: string;
  patientId: string;
  patientName: string | null;
  requester: Actor;
  clientRequestId: string;
  /** ISO instant (the store's clock). */
  instant: string;
}

const ref = (a: Actor): Reference | undefined =>
  a.reference || a.display ? { ...(a.reference ? { reference: a.reference } : {}), ...(a.display ? { display: a.display } : {}) } : undefined;

const teamCoding = { system: TEAM_SYSTEM, code: CASE_REVIEW_CODE, display: CASE_REVIEW_DISPLAY };
const business = (b: (typeof BUSINESS)[keyof typeof BUSINESS]) => ({ coding: [{ system: TEAM_SYSTEM, code: b.code, display: b.display }], text: b.display });

export function buildReviewServiceRequest(input: ReviewRequestInput): ServiceRequest {
  if (input.needs.length === 0) throw new RangeError('A review request names at least one kind of help');
  if (!input.question.trim()) throw new RangeError('A review request needs a question');
  const requester = ref(input.requester);
  return {
    resourceType: 'ServiceRequest',
    identifier: [{ system: REQUEST_ID_SYSTEM, value: input.clientRequestId }],
    status: 'active',
    intent: 'order',
    category: [{ coding: [REFERRAL_TO_SERVICE, teamCoding], text: TEAM_NAME }],
    code: { coding: [CONSULTATION, teamCoding], text: CASE_REVIEW_DISPLAY },
    subject: { reference: `Patient/${input.patientId}`, ...(input.patientName ? { display: input.patientName } : {}) },
    authoredOn: input.instant,
    ...(requester ? { requester } : {}),
    performer: [{ display: TEAM_NAME }],
    reasonCode: input.needs.map((n) => ({ coding: [{ system: NEED_SYSTEM, code: n, display: NEED_LABEL[n] }], text: NEED_LABEL[n] })),
    note: [{ text: input.question.trim(), time: input.instant, ...(requester ? { authorReference: requester } : {}) }],
  };
}

export function buildReviewTask(input: ReviewRequestInput, serviceRequestId: string): Task {
  const requester = ref(input.requester);
  const focus = { reference: `ServiceRequest/${serviceRequestId}` };
  return {
    resourceType: 'Task',
    identifier: [{ system: REQUEST_ID_SYSTEM, value: input.clientRequestId }],
    status: 'requested',
    intent: 'order',
    businessStatus: business(BUSINESS.waiting),
    code: { coding: [{ system: TASK_CODE_SYSTEM, code: 'fulfill', display: 'Fulfill the focal request' }, teamCoding], text: CASE_REVIEW_DISPLAY },
    description: `${TEAM_NAME} review: ${input.needs.map((n) => NEED_LABEL[n]).join('; ')}`,
    focus,
    basedOn: [focus],
    for: { reference: `Patient/${input.patientId}`, ...(input.patientName ? { display: input.patientName } : {}) },
    authoredOn: input.instant,
    lastModified: input.instant,
    ...(requester ? { requester } : {}),
    owner: { display: TEAM_NAME },
  };
}

export interface RecommendationInput {
  summary: string;
  items: RecommendationItems;
  patientId: string;
  author: Actor;
  clientRequestId: string;
  instant: string;
  /** The request answered (its question is repeated at the top of the note). */
  taskId: string;
  serviceRequestId: string | null;
  question: string;
  needs: ReviewNeed[];
}

const ITEM_HEADINGS: readonly [keyof RecommendationItems, string][] = [
  ['taperPlan', 'Taper plan'],
  ['referrals', 'Referrals'],
  ['monitoring', 'Monitoring changes'],
  ['suggestedLanguage', 'Suggested words for the conversation'],
];

/** The note as any EHR shows it: the question, the recommendation, then each structured part under its heading. */
export function recommendationText(input: Pick<RecommendationInput, 'summary' | 'items' | 'question' | 'needs' | 'instant' | 'author'>): string {
  const parts = [
    `${TEAM_NAME} recommendation (${input.instant.slice(0, 10)}${input.author.display ? `, ${input.author.display}` : ''})`,
    `Question${input.needs.length ? ` (${input.needs.map((n) => NEED_LABEL[n]).join('; ')})` : ''}: ${input.question}`,
    `Recommendation:\n${input.summary.trim()}`,
    ...ITEM_HEADINGS.flatMap(([k, h]) => (input.items[k]?.trim() ? [`${h}:\n${input.items[k]!.trim()}`] : [])),
  ];
  return `${parts.join('\n\n')}\n`;
}

/** Base64 of the UTF-8 bytes (attachments carry bytes; names with accents and "≥" survive). */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function buildConsultNote(input: RecommendationInput): DocumentReference {
  if (!input.summary.trim()) throw new RangeError('A recommendation needs its text');
  const items = Object.fromEntries(Object.entries(input.items).filter(([, v]) => typeof v === 'string' && v.trim()).map(([k, v]) => [k, (v as string).trim()]));
  const author = ref(input.author);
  return {
    resourceType: 'DocumentReference',
    identifier: [{ system: REQUEST_ID_SYSTEM, value: input.clientRequestId }],
    status: 'current',
    docStatus: 'final',
    type: { coding: [CONSULT_NOTE], text: `${TEAM_NAME} recommendation` },
    category: [{ coding: [{ system: US_CORE_DOC_CATEGORY, code: 'clinical-note', display: 'Clinical Note' }] }],
    subject: { reference: `Patient/${input.patientId}` },
    date: input.instant,
    author: [author ?? { display: TEAM_NAME }],
    description: `${TEAM_NAME} recommendation`,
    content: [
      { attachment: { contentType: 'text/plain; charset=utf-8', title: `${TEAM_NAME} recommendation`, creation: input.instant, data: base64Utf8(recommendationText(input)) } },
      { attachment: { contentType: 'application/json', title: 'Structured recommendation', creation: input.instant, data: base64Utf8(JSON.stringify({ summary: input.summary.trim(), items })) } },
    ],
    context: { related: [{ reference: `Task/${input.taskId}` }, ...(input.serviceRequestId ? [{ reference: `ServiceRequest/${input.serviceRequestId}` }] : [])] },
  };
}

// ---------------------------------------------------------------------------------------------
// Task changes: each is a pure function of the current Task, so a conflict (someone else saved first) can be
// re-applied to the newer version, and `isDone` tells whether a change is already there (a retry after a lost
// answer finds it done and files nothing).
// ---------------------------------------------------------------------------------------------

export type TaskChange =
  | { kind: 'start'; by: Actor; instant: string }
  | { kind: 'complete'; by: Actor; instant: string; documentId: string }
  | { kind: 'acknowledge'; by: Actor; instant: string };

const hasBusiness = (t: Task, code: BusinessCode) => (t.businessStatus?.coding ?? []).some((c) => c.system === TEAM_SYSTEM && c.code === code);
const note = (text: string, by: Actor, instant: string): Annotation => ({ text, time: instant, ...(ref(by) ? { authorReference: ref(by) } : {}) });
const stripMeta = (t: Task): Task => {
  const { meta: _meta, ...rest } = t;
  return rest as Task;
};

/** Is the change already in this Task (so nothing needs saving)? */
export function isDone(task: Task, change: TaskChange): boolean {
  switch (change.kind) {
    case 'start':
      return task.status === 'in-progress' || task.status === 'completed';
    case 'complete':
      return task.status === 'completed' && (task.output ?? []).some((o) => o.valueReference?.reference === `DocumentReference/${change.documentId}`);
    case 'acknowledge':
      return hasBusiness(task, BUSINESS.acknowledged.code);
  }
}

/** Can the change be made from this Task's state? (A completed review cannot be started; a waiting one not read.) */
export function canApply(task: Task, change: TaskChange): boolean {
  switch (change.kind) {
    case 'start':
      return task.status === 'requested';
    case 'complete':
      return task.status === 'requested' || task.status === 'in-progress';
    case 'acknowledge':
      return task.status === 'completed';
  }
}

export function applyTaskChange(task: Task, change: TaskChange): Task {
  const t = stripMeta(task);
  const who = change.by.display ?? 'a team member';
  switch (change.kind) {
    case 'start':
      return {
        ...t, status: 'in-progress', businessStatus: business(BUSINESS.inReview), lastModified: change.instant,
        executionPeriod: { ...t.executionPeriod, start: change.instant },
        note: [...(t.note ?? []), note(`Review started by ${who}`, change.by, change.instant)],
      };
    case 'complete':
      return {
        ...t, status: 'completed', businessStatus: business(BUSINESS.answered), lastModified: change.instant,
        executionPeriod: { start: t.executionPeriod?.start ?? change.instant, end: change.instant },
        output: [
          ...(t.output ?? []).filter((o) => o.valueReference?.reference !== `DocumentReference/${change.documentId}`),
          {
            type: { coding: [{ system: TEAM_SYSTEM, code: OUTPUT_RECOMMENDATION.code, display: OUTPUT_RECOMMENDATION.display }], text: 'Consult note' },
            valueReference: { reference: `DocumentReference/${change.documentId}`, display: `${TEAM_NAME} recommendation` },
          },
        ],
        note: [...(t.note ?? []), note(`Recommendation sent by ${who}`, change.by, change.instant)],
      };
    case 'acknowledge':
      return {
        ...t, businessStatus: business(BUSINESS.acknowledged), lastModified: change.instant,
        note: [...(t.note ?? []), note(`Recommendation read by ${change.by.display ?? 'the clinician'}`, change.by, change.instant)],
      };
  }
}

/** The answered request's ServiceRequest is completed too. */
export function completedServiceRequest(sr: ServiceRequest): ServiceRequest {
  const { meta: _meta, ...rest } = sr;
  return { ...(rest as ServiceRequest), status: 'completed' };
}
