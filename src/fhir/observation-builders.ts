/**
 * The Observations the panel writes: a PEG score (LOINC 91148-7 panel with its three items and mean)
 * and a PDMP-review attestation (SNOMED 461651000124104), each carrying its request id as an identifier
 * (REQUEST_ID_SYSTEM) so a save can be found again. Pure: the caller passes the instant.
 */
import type { Observation } from 'fhir/r4';

export const REQUEST_ID_SYSTEM = 'urn:pain-care-panel:request';
const LOINC = 'http://loinc.org';
const SURVEY = {
  coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }],
};

export interface WriteContext {
  patientId: string;
  /** fhirUser of the signed-in user ("Practitioner/123"), when the launch shared it. */
  performer?: string | null;
  /** Idempotency key: the same value on a retry never creates a second resource. */
  clientRequestId: string;
  /** ISO instant the answers were given (the caller's clock). */
  effectiveDateTime: string;
}

export interface PegAnswers {
  pain: number;
  enjoyment: number;
  activity: number;
}

/** A PEG saved to correct an earlier one the user no longer stands by (the earlier one stays on the chart). */
export interface PegCorrection {
  /** "Observation/<id>" of the earlier entry. */
  reference: string;
  /** Its answers, when it had them (named in the note so the chart says what changed). */
  answers: PegAnswers | null;
}

const ITEM_CODES: Record<keyof PegAnswers, string> = { pain: '75893-8', enjoyment: '91145-3', activity: '91146-1' };

const score = (code: string, display: string, value: number) => ({
  code: { coding: [{ system: LOINC, code, display }] },
  valueQuantity: { value, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' },
});

function assertItem(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0 || value > 10) throw new RangeError(`PEG ${name} must be a whole number 0–10`);
}

function common(ctx: WriteContext): Pick<Observation, 'status' | 'subject' | 'effectiveDateTime' | 'identifier' | 'performer'> {
  return {
    status: 'final',
    subject: { reference: `Patient/${ctx.patientId}` },
    effectiveDateTime: ctx.effectiveDateTime,
    identifier: [{ system: REQUEST_ID_SYSTEM, value: ctx.clientRequestId }],
    ...(ctx.performer ? { performer: [{ reference: ctx.performer }] } : {}),
  };
}

/** PEG = mean of pain, enjoyment and activity (0–10 each); decimals are kept. */
export function buildPegObservation(answers: PegAnswers, ctx: WriteContext, correction?: PegCorrection): Observation {
  assertItem('pain', answers.pain);
  assertItem('enjoyment', answers.enjoyment);
  assertItem('activity', answers.activity);
  const mean = (answers.pain + answers.enjoyment + answers.activity) / 3;
  const meanScore = score('91147-9', 'PEG mean score', mean);
  return {
    resourceType: 'Observation',
    ...common(ctx),
    category: [SURVEY],
    code: { coding: [{ system: LOINC, code: '91148-7', display: 'PEG 3 item pain scale' }], text: 'PEG' },
    valueQuantity: meanScore.valueQuantity,
    component: [
      score(ITEM_CODES.pain, 'Pain intensity (average, past week)', answers.pain),
      score(ITEM_CODES.enjoyment, 'Pain interference with enjoyment of life', answers.enjoyment),
      score(ITEM_CODES.activity, 'Pain interference with general activity', answers.activity),
      meanScore,
    ],
    ...(correction ? { note: [{ text: correctionNote(correction) }] } : {}),
  };
}

function correctionNote({ reference, answers }: PegCorrection): string {
  const earlier = answers ? ` (pain ${answers.pain}, enjoyment ${answers.enjoyment}, activity ${answers.activity})` : '';
  return `Correction: replaces the PEG saved earlier as ${reference}${earlier}; these are the answers the patient gave.`;
}

/** The three PEG answers of a PEG Observation the panel wrote (its components), or null when one is missing. */
export function pegAnswersOf(observation: Observation): PegAnswers | null {
  const item = (code: string) =>
    observation.component?.find((c) => c.code?.coding?.some((k) => k.code === code))?.valueQuantity?.value ?? null;
  const [pain, enjoyment, activity] = [item(ITEM_CODES.pain), item(ITEM_CODES.enjoyment), item(ITEM_CODES.activity)];
  return pain === null || enjoyment === null || activity === null ? null : { pain, enjoyment, activity };
}

export const sameAnswers = (a: PegAnswers | null, b: PegAnswers | null): boolean =>
  a !== null && b !== null && a.pain === b.pain && a.enjoyment === b.enjoyment && a.activity === b.activity;

/** "PDMP reviewed" attestation (HL7 CDC opioid CPG IG PDMPReviewObservation). */
export function buildPdmpAttestation(ctx: WriteContext, note?: string): Observation {
  return {
    resourceType: 'Observation',
    ...common(ctx),
    code: {
      coding: [{ system: 'http://snomed.info/sct', code: '461651000124104' }],
      text: 'Prescription drug monitoring program (PDMP) reviewed',
    },
    ...(note ? { note: [{ text: note }] } : {}),
  };
}
