/**
 * Reads Condition resources into risk/exclusion categories. clinicalStatus active/recurrence/relapse = active,
 * inactive/resolved/remission = not active (remission also from the code itself); a missing clinicalStatus is
 * read as active (encounter diagnoses often omit it). verificationStatus refuted/entered-in-error are ignored.
 * Also reads Procedures that mark hospice/end-of-life care or cancer treatment (exclusions).
 */
import type { Condition, Procedure, Resource } from 'fhir/r4';
import { codeSet, codingLabel, conceptText, findCoding, normalizedCodings } from '../codes/systems.ts';
import { END_OF_LIFE_SNOMED, HOSPICE_PROCEDURE_SNOMED } from '../codes/conditions.generated.ts';
import { ofType } from '../codes/resources.ts';
import { datePart } from '../dates.ts';
import type { Policy } from '../policy/types.ts';
import type { ConditionFact } from '../record/types.ts';
import type { ConditionEntry, IsoDate } from '../types.ts';
import { CATEGORY_LABEL, matchConditionCodes, type ConditionCategory } from './rules.ts';

export interface ClassifiedCondition extends ConditionEntry {
  kind: ConditionCategory;
  active: boolean;
  /** Latest of recordedDate and onset (the "recorded" date used by look-backs). */
  date: IsoDate | null;
  abatement: IsoDate | null;
  rule: string;
}

const ACTIVE = new Set(['active', 'recurrence', 'relapse']);
const IGNORED_VERIFICATION = new Set(['refuted', 'entered-in-error']);

function statusCode(c: Condition['clinicalStatus']): string | null {
  return c?.coding?.find((k) => k.code)?.code ?? null;
}

function onsetDate(c: Condition): IsoDate | null {
  return datePart(c.onsetDateTime) ?? datePart(c.onsetPeriod?.start);
}

export function classifyConditions(resources: readonly Resource[], asOf: IsoDate): ClassifiedCondition[] {
  return conditionsAt(conditionFacts(ofType<Condition>(resources, 'Condition')), asOf);
}

/** Each Condition read once into its categories (one fact per matched category), with its dates. */
export function conditionFacts(conditions: readonly Condition[]): ConditionFact[] {
  const out: ConditionFact[] = [];
  for (const r of conditions) {
    const verification = statusCode(r.verificationStatus);
    if (verification && IGNORED_VERIFICATION.has(verification)) continue;
    const clinical = statusCode(r.clinicalStatus);
    const codings = normalizedCodings(r.code).map((c) => ({ ...c, display: c.display || r.code?.text || '' }));
    for (const m of matchConditionCodes(codings)) {
      const remission = m.remissionCode || clinical === 'remission';
      out.push({
        conditionId: r.id ?? '',
        display: conceptText(r.code) || m.coding.display || m.coding.code,
        code: codingLabel(m.coding),
        category: CATEGORY_LABEL[m.category],
        kind: m.category,
        clinicalStatus: clinical,
        inRemission: remission,
        active: (clinical === null || ACTIVE.has(clinical)) && !remission,
        recorded: datePart(r.recordedDate),
        onset: onsetDate(r),
        abatement: datePart(r.abatementDateTime) ?? datePart(r.abatementPeriod?.end),
        rule: m.rule,
      });
    }
  }
  return out;
}

/** The conditions known at asOf: one first recorded after asOf is not yet known; `date` = latest known date. */
export function conditionsAt(facts: readonly ConditionFact[], asOf: IsoDate): ClassifiedCondition[] {
  const out: ClassifiedCondition[] = [];
  for (const f of facts) {
    const dates = [f.recorded, f.onset].filter((d): d is IsoDate => !!d && d <= asOf).sort();
    if ((f.recorded ?? f.onset) && dates.length === 0) continue;
    const { recorded, onset, ...rest } = f;
    out.push({ ...rest, onsetOrRecorded: onset ?? recorded, date: dates.length ? dates[dates.length - 1] : null });
  }
  return out;
}

export interface ExclusionProcedure {
  kind: 'end-of-life' | 'cancer-treatment';
  procedureId: string;
  date: IsoDate;
  code: string;
  display: string;
}

const HOSPICE = codeSet([...HOSPICE_PROCEDURE_SNOMED, ...END_OF_LIFE_SNOMED].map((code) => ({ system: 'http://snomed.info/sct', code })));

function performedDate(p: Procedure): IsoDate | null {
  return datePart(p.performedDateTime) ?? datePart(p.performedPeriod?.end) ?? datePart(p.performedPeriod?.start);
}

export function exclusionProcedures(resources: readonly Resource[], policy: Policy, asOf: IsoDate): ExclusionProcedure[] {
  return procedureFacts(ofType<Procedure>(resources, 'Procedure'), policy).filter((p) => p.date <= asOf);
}

/** Completed or in-progress Procedures that mark hospice/end-of-life care or cancer treatment, with their dates. */
export function procedureFacts(procedures: readonly Procedure[], policy: Policy): ExclusionProcedure[] {
  const cancer = codeSet(policy.codes.cancerTreatmentProcedure.codes);
  const out: ExclusionProcedure[] = [];
  for (const r of procedures) {
    if (r.status !== 'completed' && r.status !== 'in-progress') continue;
    const date = performedDate(r);
    if (!date) continue;
    const hospice = findCoding(r.code, HOSPICE);
    const treatment = findCoding(r.code, cancer);
    const hit = hospice ?? treatment;
    if (!hit) continue;
    out.push({
      kind: hospice ? 'end-of-life' : 'cancer-treatment',
      procedureId: r.id ?? '',
      date,
      code: codingLabel(hit),
      display: conceptText(r.code) || hit.display,
    });
  }
  return out;
}
