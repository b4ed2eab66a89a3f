/**
 * Non-opioid medication entries for the panel (benzodiazepines, CNS depressants, rescue naloxone, naltrexone),
 * with "current" decided by the MME engine's rule (mme/currency.ts: active/on-hold within the look-back, or
 * completed and still covered by its supply) so opioids and co-prescriptions are judged alike.
 */
import type { MedicationRequest, Resource } from 'fhir/r4';
import { daysBetween } from '../dates.ts';
import { assessCurrency } from '../mme/currency.ts';
import type { Policy } from '../policy/types.ts';
import { readOrders } from '../record/read-orders.ts';
import type { OrderFact } from '../record/types.ts';
import type { IsoDate, MedicationEntry } from '../types.ts';

export interface ClassifiedOrder extends MedicationEntry {
  resource: MedicationRequest;
}

const NOT_ORDERED = new Set(['entered-in-error', 'cancelled', 'draft', 'unknown']);

export function classifyMedicationRequests(resources: readonly Resource[], policy: Policy, asOf: IsoDate): ClassifiedOrder[] {
  return classifiedOrdersAt(readOrders(resources).orders, policy, asOf);
}

/** The record's non-opioid orders of interest as of a date: class, and "current" by the MME engine's rule. */
export function classifiedOrdersAt(orders: readonly OrderFact[], policy: Policy, asOf: IsoDate): ClassifiedOrder[] {
  const out: ClassifiedOrder[] = [];
  const lookback = policy.medications.currentLookbackDays.value;
  for (const f of orders) {
    const c = f.nonOpioid;
    if (!c) continue;
    if (f.orderDate && f.orderDate > asOf) continue; // ordered after the as-of date: not yet known
    let current = false;
    try {
      current = assessCurrency(f.resource, asOf, lookback, undefined, f.authored).current;
    } catch {
      current = false; // unreadable dates were reported by the normaliser; never fatal
    }
    out.push({
      medicationRequestId: f.resource.id ?? '',
      class: c.class,
      display: f.display,
      status: typeof f.resource.status === 'string' ? f.resource.status : 'unknown',
      authoredOn: f.orderDate,
      current,
      matchedBy: c.matchedBy,
      detail: c.detail,
      ...(c.why ? { why: c.why } : {}),
      resource: f.resource,
    });
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
