/** Small readers for Observation dates, statuses and numeric values (valueQuantity / valueInteger / numeric string). */
import type { Coding, Observation, ObservationComponent, QuestionnaireResponseItemAnswer } from 'fhir/r4';
import { findCoding } from '../codes/systems.ts';
import { datePart } from '../dates.ts';
import type { IsoDate } from '../types.ts';

const RESULTED = new Set(['final', 'amended', 'corrected']);

/** Only resulted observations are evidence (registered/preliminary/cancelled/entered-in-error are not). */
export function isResulted(o: Observation): boolean {
  return RESULTED.has(o.status);
}

/** Clinically relevant date: effective (collection for labs), else issued. */
export function observationDate(o: Observation): IsoDate | null {
  return datePart(o.effectiveDateTime) ?? datePart(o.effectivePeriod?.start) ?? datePart(o.effectiveInstant) ?? datePart(o.issued);
}

/** Full effective timestamp text for ordering several observations on one date. */
export function observationStamp(o: Observation): string {
  return String(o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.effectiveInstant ?? o.issued ?? '');
}

type Valued = Pick<Observation, 'valueQuantity' | 'valueInteger' | 'valueString'> | ObservationComponent;

export function numericValue(v: Valued | undefined): number | null {
  if (!v) return null;
  if (typeof v.valueQuantity?.value === 'number') return v.valueQuantity.value;
  if (typeof v.valueInteger === 'number') return v.valueInteger;
  if (typeof v.valueString === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v.valueString)) return Number(v.valueString);
  const coded = 'valueCodeableConcept' in v ? v.valueCodeableConcept : undefined;
  return coded ? codedValue(coded.coding) : null;
}

/**
 * The score of a coded answer: an ordinalValue / itemWeight extension on the coding, else the LOINC answer code's
 * score for the PHQ/GAD frequency scale (LOINC answer list LL358-3: "Not at all" 0 … "Nearly every day" 3).
 */
const LOINC_ANSWER_SCORE: Record<string, number> = { 'LA6568-5': 0, 'LA6569-3': 1, 'LA6570-1': 2, 'LA6571-9': 3 };
const ORDINAL = /StructureDefinition\/(ordinalValue|itemWeight|iso21090-CO-value)$/;

export function codedValue(codings: readonly Coding[] | undefined): number | null {
  for (const c of codings ?? []) {
    const ext = (c.extension ?? []).find((e) => ORDINAL.test(e.url) && typeof e.valueDecimal === 'number');
    if (ext) return ext.valueDecimal as number;
    if (c.code && c.code in LOINC_ANSWER_SCORE) return LOINC_ANSWER_SCORE[c.code];
  }
  return null;
}

/** The number a questionnaire answer gives: integer, decimal, numeric text, quantity, or a scored coding. */
export function answerValue(a: QuestionnaireResponseItemAnswer | undefined): number | null {
  if (!a) return null;
  if (typeof a.valueInteger === 'number') return a.valueInteger;
  if (typeof a.valueDecimal === 'number') return a.valueDecimal;
  if (typeof a.valueQuantity?.value === 'number') return a.valueQuantity.value;
  if (typeof a.valueString === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(a.valueString)) return Number(a.valueString);
  return a.valueCoding ? codedValue([a.valueCoding]) : null;
}

export function componentValue(o: Observation, codes: Set<string>): number | null {
  for (const c of Array.isArray(o.component) ? o.component : []) if (c && findCoding(c.code, codes)) return numericValue(c);
  return null;
}

export function hasCode(o: Observation, codes: Set<string>): boolean {
  return findCoding(o.code, codes) !== null;
}

/** Resulted observations dated on or before asOf, oldest first. */
export function resultedObservations(resources: readonly { resourceType: string }[], asOf: IsoDate): Observation[] {
  return (resources as Observation[])
    .filter((r) => !!r && r.resourceType === 'Observation' && isResulted(r))
    .filter((o) => {
      try {
        const d = observationDate(o);
        return d !== null && d <= asOf;
      } catch {
        return false; // malformed date (wrong type): not usable evidence
      }
    })
    .sort((a, b) => observationStamp(a).localeCompare(observationStamp(b)));
}
