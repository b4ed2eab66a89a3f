/**
 * Codes of the pain support team workflow (FHIR shapes in README "Pain support team"). Standard codes where one
 * exists; the app's own code system `urn:pain-care-panel:support-team` only where none does (the kinds of help a
 * clinician asks for, the review's business status), so a search can never pick up another workflow's requests.
 *
 * Sources:
 *  - SNOMED CT 306206005 |Referral to service (procedure)| — ServiceRequest.category of referrals (US Core examples);
 *  - SNOMED CT 11429006 |Consultation (procedure)| — ServiceRequest.code;
 *  - LOINC 11488-4 "Consult note" — the recommendation's DocumentReference.type (US Core Clinical Notes);
 *  - US Core DocumentReference category `clinical-note`;
 *  - FHIR R4 CodeSystem task-code `fulfill` "Fulfill the focal request" — the Task that tracks the ServiceRequest.
 *  - The kinds of help: the expressed needs of primary-care clinicians referring to a multidisciplinary pain and
 *    addiction consult service (Sokol, Pines, Chew. Ann Fam Med 2021;19:224-231, Table 1).
 */
import type { ReviewNeed } from './types.ts';

export const SNOMED = 'http://snomed.info/sct';
export const LOINC = 'http://loinc.org';
export const TASK_CODE_SYSTEM = 'http://hl7.org/fhir/CodeSystem/task-code';
export const US_CORE_DOC_CATEGORY = 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category';

/** The app's own codes for the support team workflow. */
export const TEAM_SYSTEM = 'urn:pain-care-panel:support-team';
/** The one code that marks a pain support team review (ServiceRequest.category/code, Task.code). */
export const CASE_REVIEW_CODE = 'case-review';
export const CASE_REVIEW_DISPLAY = 'Pain support team case review';

/** The kinds of help asked for (ServiceRequest.reasonCode). */
export const NEED_SYSTEM = 'urn:pain-care-panel:support-team-need';

/** Task.businessStatus codes (TEAM_SYSTEM). */
export const BUSINESS = {
  waiting: { code: 'waiting', display: 'Waiting for the team' },
  inReview: { code: 'in-review', display: 'The team is reviewing' },
  answered: { code: 'answered', display: 'Recommendation sent — not yet read' },
  acknowledged: { code: 'acknowledged', display: 'Recommendation read by the clinician' },
} as const;
export type BusinessCode = (typeof BUSINESS)[keyof typeof BUSINESS]['code'];

/** Task.output type of the recommendation (TEAM_SYSTEM). */
export const OUTPUT_RECOMMENDATION = { code: 'recommendation', display: 'Pain support team recommendation' } as const;

export const CONSULT_NOTE = { system: LOINC, code: '11488-4', display: 'Consult note' } as const;
export const REFERRAL_TO_SERVICE = { system: SNOMED, code: '306206005', display: 'Referral to service (procedure)' } as const;
export const CONSULTATION = { system: SNOMED, code: '11429006', display: 'Consultation (procedure)' } as const;

export interface NeedDef {
  code: ReviewNeed;
  label: string;
  /** What it covers, in the words of the consult study's categories. */
  hint: string;
}

/** The consult study's expressed needs (Table 1), plus "something else". Order = the form's order. */
export const REVIEW_NEEDS: readonly NeedDef[] = [
  { code: 'safer-prescribing', label: 'Safer prescribing or tapering', hint: 'dose and medicine choice, benefits and risks with other conditions and medicines, how to taper, flares of pain' },
  { code: 'possible-oud', label: 'Possible opioid use disorder', hint: 'whether a pattern may be opioid use disorder, and treatment such as buprenorphine' },
  { code: 'non-opioid', label: 'Non-opioid options', hint: 'other medicines and non-drug therapies' },
  { code: 'difficult-conversation', label: 'A difficult conversation', hint: 'words for goals of care, boundaries, changing the plan, sharing a concern' },
  { code: 'whole-case', label: 'Whole-case review', hint: 'a biopsychosocial look at the whole picture, with the patient\'s function, values and goals' },
  { code: 'other', label: 'Something else', hint: 'say what in the question' },
];

export const NEED_LABEL: Record<ReviewNeed, string> = Object.fromEntries(REVIEW_NEEDS.map((n) => [n.code, n.label])) as Record<ReviewNeed, string>;

export function isReviewNeed(code: unknown): code is ReviewNeed {
  return typeof code === 'string' && REVIEW_NEEDS.some((n) => n.code === code);
}

/** Search token for the review code: `urn:pain-care-panel:support-team|case-review`. */
export const CASE_REVIEW_TOKEN = `${TEAM_SYSTEM}|${CASE_REVIEW_CODE}`;
export const CONSULT_NOTE_TOKEN = `${LOINC}|${CONSULT_NOTE.code}`;
