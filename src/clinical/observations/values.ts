/** Small readers for Observation dates, statuses and numeric values (valueQuantity / valueInteger / numeric string). */
import type { Observation, ObservationComponent } from 'fhir/r4';
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
  return null;
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
