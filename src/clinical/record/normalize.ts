/**
 * The one ingest path: a patient's FHIR resources (and vendor shapes) → ClinicalRecord. The panel, the registry
 * and `summarize` all call this, then the rules read only the record. Nothing is dropped silently: a resource the
 * engine cannot read becomes an UnreadableRecord naming what it may have been, and the sources it belongs to are
 * read as "partly loaded" by the rules.
 *
 * @example
 *   const record = normalizeRecord(bundleResources, policy);
 *   record.udt        // every resulted urine drug test, any date (rules keep those on or before asOf)
 *   record.unreadable // [{ ref: 'MedicationRequest/7', reason: 'dosageInstruction is not a list of Dosage', mayBe: ['medication-order'], … }]
 */
import type { Condition, DocumentReference, MedicationDispense, MedicationRequest, MedicationStatement, Observation, Patient, Procedure, QuestionnaireResponse, Resource, ServiceRequest } from 'fhir/r4';
import { conditionFacts, procedureFacts } from '../conditions/index.ts';
import { datePart } from '../dates.ts';
import { agreementEvents, pdmpEvents } from '../observations/evidence.ts';
import { readPeg } from '../observations/peg.ts';
import { readGad7, readOrt, readPhq2, readPhq9 } from '../observations/scores.ts';
import { readUdtTests } from '../observations/udt.ts';
import { isResulted, observationDate, observationStamp } from '../observations/values.ts';
import type { Policy } from '../policy/types.ts';
import type { SourceKey } from '../types.ts';
import { observationCodeSets, observationKinds } from './observation-kinds.ts';
import { indexMedications } from '../mme/resolve-medication.ts';
import { readDispense, readStatement } from './fills.ts';
import { formObservation, withMembers } from './forms.ts';
import { isUnreadable, readOrder, refOf } from './orders.ts';
import { therapyFacts } from './therapies.ts';
import { shapeProblems } from './shape.ts';
import type { ClinicalRecord, FactKind, PatientFacts, UnreadableRecord } from './types.ts';

const KIND_SOURCE: Record<FactKind, SourceKey> = {
  'opioid-order': 'medications', 'medication-order': 'medications', fill: 'dispenses', 'reported-medication': 'statements',
  udt: 'udt', survey: 'surveys', pdmp: 'pdmp', agreement: 'agreement', condition: 'conditions', procedure: 'procedures',
  therapy: 'referrals', patient: 'patient',
};
const ALL_OBSERVATION_KINDS: FactKind[] = ['udt', 'survey', 'pdmp', 'agreement'];

function unreadable(r: Resource, reason: string, mayBe: FactKind[], sources?: SourceKey[]): UnreadableRecord {
  return { ref: refOf(r), resourceType: r.resourceType, reason, mayBe, sources: sources ?? [...new Set(mayBe.map((k) => KIND_SOURCE[k]))] };
}

// Units a questionnaire score may carry (UCUM annotations, dimensionless, or the usual free text).
const SCORE_UNIT = /^(\{[^}]*\}|1|score|scores|points?|)$/i;

/** A score in a physical unit (mg/dL) is not a questionnaire score: the unit, else null. */
function oddScoreUnit(o: Observation): string | null {
  const parts: unknown[] = Array.isArray(o.component) ? o.component : [];
  for (const q of [o.valueQuantity, ...parts.map((c) => (c as { valueQuantity?: unknown } | null)?.valueQuantity)]) {
    if (!q || typeof q !== 'object') continue;
    const { code, unit } = q as { code?: unknown; unit?: unknown };
    for (const u of [code, unit]) if (typeof u === 'string' && !SCORE_UNIT.test(u.trim())) return u;
  }
  return null;
}

function readPatient(p: Patient, out: UnreadableRecord[]): PatientFacts {
  const problems = shapeProblems(p);
  if (problems.length) out.push(unreadable(p, problems.join('; '), ['patient']));
  const birthDate = typeof p.birthDate === 'string' ? p.birthDate : undefined;
  const deceasedDate = typeof p.deceasedDateTime === 'string' ? datePart(p.deceasedDateTime) : null;
  const deceased = p.deceasedBoolean === true || deceasedDate ? { date: deceasedDate } : null;
  return { id: typeof p.id === 'string' ? p.id : null, birthDate, deceased };
}

/** Resulted, dated, readable monitored observations; anything else monitored becomes an unreadable record. */
function readableObservations(observations: readonly Observation[], policy: Policy, out: UnreadableRecord[]): Observation[] {
  const sets = observationCodeSets(policy);
  const kept: Observation[] = [];
  for (const o of observations) {
    const problems = shapeProblems(o);
    const codeUnreadable = problems.some((p) => p.startsWith('missing code') || p.startsWith('code '));
    const kinds = codeUnreadable ? ALL_OBSERVATION_KINDS : observationKinds(o, sets);
    if (kinds.length === 0) continue; // not a monitored observation
    if (problems.length) out.push(unreadable(o, problems.join('; '), kinds));
    // What can still be read is true (a PHQ-9 total beside a broken component list still counts); its source is
    // marked partly read above, so nothing it might have held is read as absent.
    if (problems.some((p) => p.startsWith('status') || p.startsWith('missing status')) || codeUnreadable) continue;
    if (!isResulted(o)) continue; // registered/preliminary/cancelled: not evidence (pitfall 13)
    let date: string | null = null;
    try {
      date = observationDate(o);
    } catch {
      date = null;
    }
    if (!date) {
      if (!problems.length) out.push(unreadable(o, 'no date (neither effective[x] nor issued)', kinds));
      continue;
    }
    const unit = kinds.includes('survey') ? oddScoreUnit(o) : null;
    if (unit !== null) { out.push(unreadable(o, `score in an unexpected unit (${unit})`, kinds)); continue; }
    kept.push(o);
  }
  return kept.sort((a, b) => observationStamp(a).localeCompare(observationStamp(b)));
}

function readable<T extends Resource>(items: readonly T[], kind: FactKind, out: UnreadableRecord[], sources?: SourceKey[]): T[] {
  return items.filter((r) => {
    const problems = shapeProblems(r);
    if (problems.length) out.push(unreadable(r, problems.join('; '), [kind], sources));
    return problems.length === 0;
  });
}

/** Forms and member-item panels become the panel Observations the readers understand; `from` says where each came from. */
function surveyObservations(observations: readonly Observation[], forms: readonly QuestionnaireResponse[], out: UnreadableRecord[]): { list: Observation[]; from: Map<string, 'questionnaire' | 'panel items'> } {
  const from = new Map<string, 'questionnaire' | 'panel items'>();
  const byRef = new Map<string, Observation>();
  for (const o of observations) if (typeof o.id === 'string') byRef.set(`Observation/${o.id}`, o);
  const list = observations.map((o) => {
    const panel = withMembers(o, byRef);
    if (!panel) return o;
    if (o.id) from.set(o.id, 'panel items');
    return panel;
  });
  for (const qr of forms) {
    const problems = shapeProblems(qr);
    if (problems.length) { out.push(unreadable(qr, problems.join('; '), ['survey'], ['questionnaires'])); continue; }
    const o = formObservation(qr);
    if (!o) continue;
    from.set(o.id!, 'questionnaire');
    list.push(o);
  }
  return { list, from };
}

const tag = <T extends { observationId?: string; from?: 'questionnaire' | 'panel items' }>(entries: T[], from: Map<string, 'questionnaire' | 'panel items'>): T[] =>
  entries.map((e) => (e.observationId && from.has(e.observationId) ? { ...e, from: from.get(e.observationId)! } : e));

/** Reads each resource of one type with `read`, sending what cannot be read to `out`. */
function readAll<R, F>(items: readonly R[], read: (r: R) => F | UnreadableRecord, out: UnreadableRecord[]): F[] {
  const facts: F[] = [];
  for (const r of items) {
    const f = read(r);
    if (isUnreadable(f as object)) out.push(f as UnreadableRecord);
    else facts.push(f as F);
  }
  return facts;
}

export function normalizeRecord(resources: readonly Resource[], policy: Policy): ClinicalRecord {
  const unreadableRecords: UnreadableRecord[] = [];
  const byType = new Map<string, Resource[]>();
  for (const r of resources) {
    if (!r || typeof r !== 'object' || typeof r.resourceType !== 'string') continue;
    const list = byType.get(r.resourceType);
    if (list) list.push(r);
    else byType.set(r.resourceType, [r]);
  }
  const of = <T extends Resource>(type: T['resourceType']) => (byType.get(type) ?? []) as T[];

  const patientResource = of<Patient>('Patient')[0];
  const patient = patientResource ? readPatient(patientResource, unreadableRecords) : null;
  const index = indexMedications(resources);
  const orders = readAll(of<MedicationRequest>('MedicationRequest'), (mr) => readOrder(mr, index), unreadableRecords);
  const dispenses = readAll(of<MedicationDispense>('MedicationDispense'), (d) => readDispense(d, index), unreadableRecords);
  const statements = readAll(of<MedicationStatement>('MedicationStatement'), (m) => readStatement(m, index), unreadableRecords);
  const conditions = readable(of<Condition>('Condition'), 'condition', unreadableRecords);
  const procedures = readable(of<Procedure>('Procedure'), 'procedure', unreadableRecords);
  const referrals = readable(of<ServiceRequest>('ServiceRequest'), 'therapy', unreadableRecords, ['referrals']);
  const documents = readable(of<DocumentReference>('DocumentReference'), 'agreement', unreadableRecords, ['documents']);
  const surveys = surveyObservations(of<Observation>('Observation'), of<QuestionnaireResponse>('QuestionnaireResponse'), unreadableRecords);
  const observations = readableObservations(surveys.list, policy, unreadableRecords);
  const agreement = agreementEvents(observations, documents, policy);
  return {
    patient,
    orders,
    dispenses,
    statements,
    therapies: therapyFacts(referrals, procedures),
    conditions: conditionFacts(conditions),
    procedures: procedureFacts(procedures, policy),
    udt: readUdtTests(observations, policy),
    peg: tag(readPeg(observations, policy), surveys.from),
    phq9: tag(readPhq9(observations, policy), surveys.from),
    phq2: tag(readPhq2(observations, policy), surveys.from),
    gad7: tag(readGad7(observations, policy), surveys.from),
    ort: readOrt(observations, policy),
    pdmp: pdmpEvents(observations, procedures, policy),
    agreement: agreement.events,
    agreementNotSigned: agreement.notSigned,
    unreadable: unreadableRecords,
  };
}
