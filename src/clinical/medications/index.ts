/**
 * Non-opioid medication entries for the panel (benzodiazepines, CNS depressants, rescue naloxone, naltrexone),
 * with "current" decided by the MME engine's rule (mme/currency.ts: active/on-hold within the look-back, or
 * completed and still covered by its supply) so opioids and co-prescriptions are judged alike.
 */
import type { MedicationRequest, Resource } from 'fhir/r4';
import { ofType } from '../codes/resources.ts';
import { datePart, daysBetween } from '../dates.ts';
import { assessCurrency } from '../mme/currency.ts';
import { indexMedications } from '../mme/resolve-medication.ts';
import type { Policy } from '../policy/types.ts';
import type { IsoDate, MedicationEntry } from '../types.ts';
import { classifyNonOpioid } from './classify.ts';
import { medicationNaming } from './concept.ts';

export interface ClassifiedOrder extends MedicationEntry {
  resource: MedicationRequest;
}

const NOT_ORDERED = new Set(['entered-in-error', 'cancelled', 'draft', 'unknown']);

export function classifyMedicationRequests(resources: readonly Resource[], policy: Policy, asOf: IsoDate): ClassifiedOrder[] {
  const index = indexMedications(resources);
  const out: ClassifiedOrder[] = [];
  for (const r of ofType<MedicationRequest>(resources, 'MedicationRequest')) {
    try {
      const naming = medicationNaming(r, index);
      const c = classifyNonOpioid(naming);
      if (!c) continue;
      const authoredOn = datePart(r.authoredOn) ?? datePart(r.dispenseRequest?.validityPeriod?.start);
      if (authoredOn && authoredOn > asOf) continue; // ordered after the as-of date: not yet known
      const currency = assessCurrency(r, asOf, policy.medications.currentLookbackDays.value);
      out.push({
        medicationRequestId: r.id ?? '',
        class: c.class,
        display: naming.display,
        status: r.status ?? 'unknown',
        authoredOn,
        current: currency.current,
        matchedBy: c.matchedBy,
        detail: c.detail,
        resource: r,
      });
    } catch {
      // malformed resource (a field of the wrong type): skipped, never fatal
    }
  }
  return out;
}

/** Rescue naloxone ordered (any real order status) within the look-back, newest first. */
export function recentRescueNaloxone(orders: readonly ClassifiedOrder[], policy: Policy, asOf: IsoDate): ClassifiedOrder[] {
  const from = policy.naloxone.lookbackDays.value;
  return orders
    .filter((o) => o.class === 'naloxone' && !NOT_ORDERED.has(o.status) && o.authoredOn !== null)
    .filter((o) => daysBetween(o.authoredOn as IsoDate, asOf) <= from)
    .sort((a, b) => (b.authoredOn as string).localeCompare(a.authoredOn as string));
}

/** Every rescue naloxone order ever (for "last ordered" when none is recent). */
export function allRescueNaloxone(orders: readonly ClassifiedOrder[]): ClassifiedOrder[] {
  return orders
    .filter((o) => o.class === 'naloxone' && !NOT_ORDERED.has(o.status) && o.authoredOn !== null)
    .sort((a, b) => (b.authoredOn as string).localeCompare(a.authoredOn as string));
}
