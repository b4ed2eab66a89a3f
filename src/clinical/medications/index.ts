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
import { DISPENSED, fillCovers, statementCovers } from '../record/fills.ts';
import type { DispenseFact, OrderFact, StatementFact } from '../record/types.ts';
import type { IsoDate, MedicationEntry } from '../types.ts';

export interface ClassifiedOrder extends MedicationEntry {
  /** The order (absent for a fill or a reported medication). */
  resource?: MedicationRequest;
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

/**
 * Orders, pharmacy fills and reported medications of interest as of a date, one entry per exposure: a fill of an
 * order is that order's exposure (it makes the order current while its supply lasts, and says when it was filled);
 * a fill or a reported medication that no order explains is its own entry (an outside prescriber's benzodiazepine).
 * CDC 2022 Rec 11 asks about co-prescribing from the PDMP or the EHR: fills count as much as orders.
 */
export function classifiedExposuresAt(ex: { orders: readonly OrderFact[]; dispenses: readonly DispenseFact[]; statements: readonly StatementFact[] }, policy: Policy, asOf: IsoDate): ClassifiedOrder[] {
  const orders = classifiedOrdersAt(ex.orders, policy, asOf);
  const byRef = new Map(orders.map((o) => [`MedicationRequest/${o.medicationRequestId}`, o]));
  const out = [...orders];
  const fills = ex.dispenses.filter((d) => d.nonOpioid && d.date && d.date <= asOf && DISPENSED.has(d.status)).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  for (const d of fills) {
    const covers = fillCovers(d, asOf);
    const linked = d.orderRefs.map((r) => byRef.get(r)).find((o) => o !== undefined);
    const filled = `filled ${d.date}${d.supplyEnds ? `, supply until ${d.supplyEnds}` : ''}`;
    if (linked) {
      // One exposure: the order, current while its fill lasts.
      if (!linked.filled || (d.date ?? '') > linked.filled) {
        linked.filled = d.date ?? undefined;
        linked.current ||= covers;
        linked.detail = [linked.detail?.replace(/; filled .*$/, ''), filled].filter(Boolean).join('; ');
      }
      continue;
    }
    const c = d.nonOpioid!;
    out.push({ medicationRequestId: d.resource.id ?? '', class: c.class, display: d.display, status: 'dispensed', authoredOn: d.date, current: covers, matchedBy: c.matchedBy, detail: [c.detail, `pharmacy fill — ${filled}`].filter(Boolean).join('; '), source: 'fill', filled: d.date ?? undefined });
  }
  for (const s of ex.statements) {
    if (!s.nonOpioid || !['active', 'completed', 'intended', 'unknown'].includes(s.status)) continue;
    const since = s.start ?? s.asserted;
    if (since && since > asOf) continue;
    const c = s.nonOpioid;
    out.push({ medicationRequestId: s.resource.id ?? '', class: c.class, display: s.display, status: s.status, authoredOn: since, current: statementCovers(s, asOf), matchedBy: c.matchedBy, detail: [c.detail, `reported medication (${s.status})`].filter(Boolean).join('; '), source: 'statement' });
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
