/**
 * The pain support team's review workflow as the app sees it: a clinician's request (ServiceRequest tracked by a
 * Task), the team's recommendation (a consult-note DocumentReference linked from Task.output) and the clinician's
 * acknowledgement (Task.businessStatus). Pure types; read from FHIR by read.ts, written by src/fhir/review-builders.ts.
 */
import type { IsoDate, RiskTier } from '../types.ts';

/** What the clinician needs (Sokol et al. 2021, Table 1 — see codes.ts). */
export type ReviewNeed = 'safer-prescribing' | 'possible-oud' | 'non-opioid' | 'difficult-conversation' | 'whole-case' | 'other';

/** Task.status as the workflow uses it; anything else is 'other' (shown with its FHIR status in words). */
export type ReviewStatus = 'requested' | 'in-progress' | 'completed' | 'cancelled' | 'other';

/** The optional structured parts of a recommendation (each free text). */
export interface RecommendationItems {
  taperPlan?: string;
  referrals?: string;
  monitoring?: string;
  /** Word-for-word suggested language for the conversation (the consult study's most valued help). */
  suggestedLanguage?: string;
}

export interface Recommendation {
  documentId: string;
  /** Calendar date of the note (DocumentReference.date). */
  date: IsoDate | null;
  author: string | null;
  /** The whole note as filed (what any EHR shows). */
  text: string;
  /** The recommendation itself, without the structured parts, when the note carries them separately. */
  summary: string;
  items: RecommendationItems;
}

export interface Review {
  taskId: string;
  /** Task.meta.versionId, for If-Match on updates. */
  taskVersion: string | null;
  serviceRequestId: string | null;
  serviceRequestVersion: string | null;
  patientId: string | null;
  /** Task.for.display, as the requester saw it. */
  patientName: string | null;
  status: ReviewStatus;
  /** Task.status as recorded (for 'other'). */
  fhirStatus: string;
  needs: ReviewNeed[];
  question: string;
  requestedOn: IsoDate | null;
  requester: string | null;
  requesterRef: string | null;
  /** Reference of the recommendation (Task.output), when the team has answered. */
  recommendationRef: string | null;
  /** The note itself when it was read. */
  recommendation: Recommendation | null;
  acknowledged: { on: IsoDate | null; by: string | null } | null;
  /** Last change (Task.lastModified). */
  changedOn: IsoDate | null;
  /** What could not be read, in words. */
  problems: string[];
}

/** A patient's facts the team's rules read, independent of the policy (computed once per registry row). */
export interface ReviewFacts {
  /** Course flags with their dates (pace: taper, stop, escalation; refills; prescribers). */
  courseFlags: { code: string; date: IsoDate; detail: string }[];
  /** Signs that may point to opioid use disorder — each a reason to look closer, never a diagnosis. */
  oudMarkers: { text: string; date: IsoDate | null }[];
  /** Safety monitoring items overdue or never done (PDMP, UDT, agreement, naloxone). */
  gaps: { item: string; label: string; status: 'overdue' | 'never-done'; dueDate: IsoDate | null; lastDate: IsoDate | null }[];
}

/** What the team views read of a registry patient (a RegistryRow satisfies it). */
export interface TeamPatient {
  patientId: string;
  name: string;
  prescriber: { key: string; display: string };
  tier: RiskTier;
  topReason: string;
  /** MME/day; a lower bound when !mmeComplete; null = could not compute. */
  mme: number | null;
  mmeComplete: boolean;
  benzoOverlap: boolean;
  supplyEnds?: IsoDate | null;
  daysLeft?: number | null;
  appointments?: { date: IsoDate; time: string | null; type: string }[];
  review?: ReviewFacts;
}
