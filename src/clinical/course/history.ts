/**
 * Dose history: the MME/day over the read window as segments of constant dose. The MME can change only on days
 * something starts or ends (an order is written, its supply or validity ends, a fill is handed over or runs out,
 * a taper step's bounds begin or end, a reported medication starts or stops), so the engine is evaluated on those
 * days only and each result holds until the next. For the past, a stopped order counts over its supply like a
 * completed one (its stop date is not in the record); the last segment is today's MME exactly.
 */
import { addDays, daysBetween } from '../dates.ts';
import { mmeFromExposures } from '../mme/index.ts';
import { supplyDays } from '../mme/currency.ts';
import type { ClinicalRecord } from '../record/types.ts';
import type { IsoDate, MmeOptions, MmeResult } from '../types.ts';
import type { DoseSegment } from './types.ts';

type Exposures = Pick<ClinicalRecord, 'orders' | 'dispenses' | 'statements'>;

/** Only opioid exposures matter for the MME: a smaller record evaluates faster at each change day. */
function opioidOnly(r: Exposures): Exposures {
  return { orders: r.orders.filter((o) => o.opioid), dispenses: r.dispenses.filter((d) => d.opioid), statements: r.statements.filter((s) => s.opioid) };
}

/** The record as the past saw it: a stopped order was taken over its supply (when it stopped is not recorded). */
function pastView(r: Exposures): Exposures {
  return { ...r, orders: r.orders.map((o) => (o.resource.status === 'stopped' ? { ...o, resource: { ...o.resource, status: 'completed' as const } } : o)) };
}

function changeDays(r: Exposures, lookbackDays: number): IsoDate[] {
  const days = new Set<IsoDate>();
  const add = (d: IsoDate | null | undefined, plus = 0) => d && days.add(addDays(d, plus));
  for (const o of r.orders) {
    const start = o.orderDate;
    add(start);
    if (o.problems.length > 0) continue; // its dates beyond authoredOn cannot be trusted; it counts from its start
    const supply = supplyDays(o.resource);
    if (start && supply !== null) add(start, Math.ceil(supply) + 1);
    if (start) add(start, lookbackDays + 1); // an active order goes stale
    if (start && supply === null) add(start, 91); // a completed order without a duration stops counting after 90 days
    add(o.resource.dispenseRequest?.validityPeriod?.end?.slice(0, 10), 1);
    for (const d of o.resource.dosageInstruction ?? []) {
      add(d.timing?.repeat?.boundsPeriod?.start?.slice(0, 10));
      add(d.timing?.repeat?.boundsPeriod?.end?.slice(0, 10), 1);
    }
  }
  for (const f of r.dispenses) {
    add(f.date);
    add(f.supplyEnds, 1);
  }
  for (const s of r.statements) {
    add(s.start ?? s.asserted);
    add(s.end, 1);
  }
  return [...days];
}

const level = (m: MmeResult): number | null => (m.complete ? (m.totalPerDay ?? 0) : m.atLeast > 0 ? m.atLeast : null);
const productsOf = (m: MmeResult) => [...new Set(m.orders.filter((o) => o.status === 'counted' || o.status === 'unknown').map((o) => o.medication))].sort();

export interface HistoryInput {
  record: Exposures;
  /** Today's MME (the engine's own result): the last segment equals it. */
  current: MmeResult;
  options: Omit<MmeOptions, 'asOf'>;
  from: IsoDate;
  asOf: IsoDate;
}

/** Days of overlap when one supply hands over to the next (the supply interval is closed: both count that day). */
const HANDOVER_DAYS = 2;

/**
 * A segment of a day or two between two others that holds both their products is the handover between supplies
 * (an order ends the day the next begins, both count that day), not a change of dose: it is folded into the segment
 * that follows.
 */
function absorbHandovers(segments: DoseSegment[]): void {
  for (let i = segments.length - 2; i >= 1; i--) {
    const [before, s, after] = [segments[i - 1], segments[i], segments[i + 1]];
    const days = daysBetween(s.from, s.to) + 1;
    const holdsBoth = [...before.products, ...after.products].every((p) => s.products.includes(p));
    if (days <= HANDOVER_DAYS && holdsBoth && s.products.length > 0) {
      after.from = s.from;
      segments.splice(i, 1);
    }
  }
}

export function doseHistory({ record, current, options, from, asOf }: HistoryInput): DoseSegment[] {
  const past = pastView(opioidOnly(record));
  const lookback = options.activeLookbackDays ?? 730;
  const days = [from, ...changeDays(past, lookback).filter((d) => d > from && d <= asOf)].sort();
  const unique = days.filter((d, i) => i === 0 || d !== days[i - 1]);
  const segments: DoseSegment[] = [];
  for (let i = 0; i < unique.length; i++) {
    const day = unique[i];
    const to = i + 1 < unique.length ? addDays(unique[i + 1], -1) : asOf;
    const m = to === asOf ? (day === asOf ? current : mmeFromExposures(past, { ...options, asOf: day })) : mmeFromExposures(past, { ...options, asOf: day });
    const segment: DoseSegment = { from: day, to, mmePerDay: level(m), complete: m.complete, products: productsOf(m) };
    const last = segments.at(-1);
    if (last && last.mmePerDay === segment.mmePerDay && last.complete === segment.complete && last.products.join() === segment.products.join()) last.to = to;
    else segments.push(segment);
  }
  absorbHandovers(segments);
  // Today is the engine's own answer (statuses as they are now).
  const today = segments.at(-1);
  if (today) {
    const now = { mmePerDay: level(current), complete: current.complete, products: productsOf(current) };
    if (today.mmePerDay !== now.mmePerDay || today.products.join() !== now.products.join() || today.complete !== now.complete) {
      if (today.from === asOf) Object.assign(today, now);
      else {
        today.to = addDays(asOf, -1);
        segments.push({ from: asOf, to: asOf, ...now });
      }
    }
  }
  return segments;
}
