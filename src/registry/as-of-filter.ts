/**
 * A patient's record as it stood on a past date, for the run chart: resources first dated after
 * that day did not exist yet and are left out (an order written in May, a PDMP check in June, a
 * diagnosis recorded later). Resources without a date are kept. Appointments do not affect measures.
 */
import type { Resource } from 'fhir/r4';
import { datePart } from '../clinical/dates.ts';
import type { IsoDate } from '../clinical/types.ts';

type Loose = Record<string, unknown>;
const period = (v: unknown) => (v as { start?: string } | undefined)?.start;

/** The date a resource came into being, as far as its content says (null: unknown → keep). */
export function resourceDate(r: Resource): IsoDate | null {
  const x = r as unknown as Loose;
  switch (r.resourceType) {
    case 'MedicationRequest': return datePart(x.authoredOn as string);
    case 'Observation': return datePart((x.effectiveDateTime ?? x.effectiveInstant ?? period(x.effectivePeriod) ?? x.issued) as string);
    case 'Procedure': return datePart((x.performedDateTime ?? period(x.performedPeriod)) as string);
    case 'DocumentReference': return datePart(x.date as string);
    case 'Condition': return datePart((x.recordedDate ?? x.onsetDateTime ?? period(x.onsetPeriod)) as string);
    case 'MedicationDispense': return datePart((x.whenHandedOver ?? x.whenPrepared) as string);
    case 'QuestionnaireResponse': return datePart(x.authored as string);
    default: return null;
  }
}

export function resourcesAsOf(resources: readonly Resource[], asOf: IsoDate): Resource[] {
  return resources.filter((r) => {
    if (r.resourceType === 'Appointment') return false;
    const d = resourceDate(r);
    return d === null || d <= asOf;
  });
}
