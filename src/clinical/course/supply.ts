/**
 * Supply and prescribers: when the current supply runs out (the last fill's days' supply, else the order's supply
 * duration), early refills, overlapping supplies from different prescribers, and distinct opioid prescribers and
 * pharmacies in the policy's window (the PQA "Use of Opioids from Multiple Providers" measure).
 */
import { addDays, daysBetween } from '../dates.ts';
import { supplyDays } from '../mme/currency.ts';
import type { Policy } from '../policy/types.ts';
import { DISPENSED } from '../record/fills.ts';
import type { ClinicalRecord, DispenseFact, OrderFact } from '../record/types.ts';
import type { IsoDate, MmeResult } from '../types.ts';
import type { CourseFlag } from './types.ts';

type Exposures = Pick<ClinicalRecord, 'orders' | 'dispenses'>;

const prescriberOf = (o: OrderFact) => o.resource.requester?.display ?? o.resource.requester?.reference ?? null;
const pharmacyOf = (d: DispenseFact) => d.resource.performer?.[0]?.actor?.display ?? d.resource.performer?.[0]?.actor?.reference ?? d.resource.location?.display ?? null;
const ingredients = (x: { opioid: OrderFact['opioid'] }) => [...new Set(x.opioid?.product.opioidNames ?? [])].sort().join('+');

/** The day the current supply runs out: over the current opioid exposures, the latest end of a fill or an order's supply. */
export function currentSupplyEnd(ex: Exposures, mme: MmeResult): IsoDate | null {
  const current = new Set(mme.orders.filter((o) => o.status === 'counted' || o.status === 'unknown').map((o) => o.medicationRequestId));
  let end: IsoDate | null = null;
  const later = (d: IsoDate | null) => { if (d && (!end || d > end)) end = d; };
  for (const f of ex.dispenses) {
    if (!f.opioid || !DISPENSED.has(f.status)) continue;
    const forCurrent = current.has(f.resource.id ?? '') || f.orderRefs.some((r) => current.has(r.replace('MedicationRequest/', '')));
    if (forCurrent) later(f.supplyEnds);
  }
  if (end) return end;
  for (const o of ex.orders) {
    if (!o.opioid || o.problems.length > 0 || !current.has(o.resource.id ?? '')) continue;
    const start = o.resource.dispenseRequest?.validityPeriod?.start?.slice(0, 10) ?? o.authored;
    const days = supplyDays(o.resource);
    if (start && days !== null) later(addDays(start, Math.ceil(days)));
  }
  return end;
}

/** Refills of the same opioid before the policy's share of the previous fill's supply could have been used. */
export function earlyRefills(ex: Exposures, policy: Policy, from: IsoDate, asOf: IsoDate): CourseFlag[] {
  const share = policy.course.earlyRefillShare.value;
  const out: CourseFlag[] = [];
  const byDrug = new Map<string, DispenseFact[]>();
  for (const f of ex.dispenses) {
    if (!f.opioid || !f.date || !DISPENSED.has(f.status) || f.date > asOf) continue;
    const list = byDrug.get(ingredients(f)) ?? [];
    list.push(f);
    byDrug.set(ingredients(f), list);
  }
  for (const list of byDrug.values()) {
    list.sort((a, b) => a.date!.localeCompare(b.date!));
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1];
      const next = list[i];
      if (!prev.daysSupply || next.date! < from) continue;
      const used = daysBetween(prev.date!, next.date!) / prev.daysSupply;
      if (used < share) {
        out.push({ code: 'early-refill', date: next.date!, detail: `${next.display} refilled on ${next.date} after ${Math.round(used * 100)}% of the ${prev.daysSupply}-day supply filled on ${prev.date} — review at the next refill (policy: ${Math.round(share * 100)}%)` });
      }
    }
  }
  return out;
}

interface Supply { start: IsoDate; end: IsoDate; prescriber: string | null; what: string }

function supplies(ex: Exposures): Supply[] {
  const out: Supply[] = [];
  const orders = new Map(ex.orders.map((o) => [o.ref, o]));
  for (const f of ex.dispenses) {
    if (!f.opioid || !f.date || !f.supplyEnds || !DISPENSED.has(f.status)) continue;
    const order = f.orderRefs.map((r) => orders.get(r)).find(Boolean);
    out.push({ start: f.date, end: f.supplyEnds, prescriber: order ? prescriberOf(order) : null, what: f.display });
  }
  for (const o of ex.orders) {
    if (o.problems.length > 0) continue;
    const days = supplyDays(o.resource);
    if (!o.opioid || !o.authored || days === null || ['entered-in-error', 'cancelled', 'draft'].includes(o.resource.status)) continue;
    if (ex.dispenses.some((f) => f.orderRefs.includes(o.ref))) continue; // its fills speak for it
    out.push({ start: o.authored, end: addDays(o.authored, Math.ceil(days)), prescriber: prescriberOf(o), what: o.display });
  }
  return out;
}

/** Opioid supplies from two different prescribers covering the same days. */
export function overlappingSupplies(ex: Exposures, from: IsoDate, asOf: IsoDate): CourseFlag[] {
  const list = supplies(ex).filter((s) => s.prescriber && s.end >= from && s.start <= asOf).sort((a, b) => a.start.localeCompare(b.start));
  const out: CourseFlag[] = [];
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length && list[j].start <= list[i].end; j++) {
      if (list[i].prescriber === list[j].prescriber) continue;
      out.push({ code: 'overlapping-supply', date: list[j].start, detail: `${list[j].what} from ${list[j].prescriber} (${list[j].start}) overlaps ${list[i].what} from ${list[i].prescriber} (supply to ${list[i].end}) — coordinate with both prescribers` });
    }
  }
  return out;
}

/** Distinct opioid prescribers and pharmacies in the policy's window. */
export function prescriberCount(ex: Exposures, policy: Policy, asOf: IsoDate): { count: number; pharmacies: number; windowDays: number; names: string[] } {
  const windowDays = policy.course.prescriberWindowDays.value;
  const from = addDays(asOf, -windowDays);
  const prescribers = new Set<string>();
  const pharmacies = new Set<string>();
  for (const o of ex.orders) if (o.opioid && o.authored && o.authored >= from && o.authored <= asOf && prescriberOf(o) && !['entered-in-error', 'cancelled', 'draft'].includes(o.resource.status)) prescribers.add(prescriberOf(o)!);
  for (const f of ex.dispenses) if (f.opioid && f.date && f.date >= from && f.date <= asOf && DISPENSED.has(f.status) && pharmacyOf(f)) pharmacies.add(pharmacyOf(f)!);
  return { count: prescribers.size, pharmacies: pharmacies.size, windowDays, names: [...prescribers].sort() };
}
