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
  const out: ClassifiedCondition[] = [];
  for (const r of ofType<Condition>(resources, 'Condition')) {
    try {
      const verification = statusCode(r.verificationStatus);
      if (verification && IGNORED_VERIFICATION.has(verification)) continue;
      const clinical = statusCode(r.clinicalStatus);
      const codings = normalizedCodings(r.code).map((c) => ({ ...c, display: c.display || r.code?.text || '' }));
      const recorded = datePart(r.recordedDate);
      const onset = onsetDate(r);
      const dates = [recorded, onset].filter((d): d is IsoDate => !!d && d <= asOf).sort();
      if ((recorded ?? onset) && dates.length === 0) continue; // first recorded after the as-of date
      for (const m of matchConditionCodes(codings)) {
        const remission = m.remissionCode || clinical === 'remission';
        out.push({
          conditionId: r.id ?? '',
          display: conceptText(r.code) || m.coding.display || m.coding.code,
          code: codingLabel(m.coding),
          category: CATEGORY_LABEL[m.category],
          kind: m.category,
          clinicalStatus: clinical,
          onsetOrRecorded: onset ?? recorded,
          inRemission: remission,
          active: (clinical === null || ACTIVE.has(clinical)) && !remission,
          date: dates.length ? dates[dates.length - 1] : null,
          abatement: datePart(r.abatementDateTime) ?? datePart(r.abatementPeriod?.end),
          rule: m.rule,
        });
      }
    } catch {
      // malformed resource (a field of the wrong type): skipped, never fatal
    }
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
  const cancer = codeSet(policy.codes.cancerTreatmentProcedure.codes);
  const out: ExclusionProcedure[] = [];
  for (const r of ofType<Procedure>(resources, 'Procedure')) {
    try {
      if (r.status !== 'completed' && r.status !== 'in-progress') continue;
      const date = performedDate(r);
      if (!date || date > asOf) continue;
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
    } catch {
      // malformed resource (a field of the wrong type): skipped, never fatal
    }
  }
  return out;
}
