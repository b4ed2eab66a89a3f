/**
 * Pharmacy fills (MedicationDispense) and reported medications (MedicationStatement) → facts, read like orders
 * (naming.ts). A fill is exposure from the day it was handed over until its days' supply runs out; a reported
 * medication is exposure over its effective period (open-ended while active).
 */
import type { MedicationDispense, MedicationStatement, Quantity } from 'fhir/r4';
import { addDays, datePart } from '../dates.ts';
import type { MedicationIndex } from '../mme/resolve-medication.ts';
import { unitToDays } from '../mme/timing.ts';
import { readNaming, refOf } from './naming.ts';
import { orderRef } from './orders.ts';
import { shapeProblems } from './shape.ts';
import type { DispenseFact, StatementFact, UnreadableRecord } from './types.ts';

const safeDate = (v: unknown) => (typeof v === 'string' ? datePart(v) : null);

/** Days in a daysSupply Quantity ("30 d", "30 days", "4 wk"); null when absent or unreadable. */
export function supplyDaysOf(q: Quantity | undefined): number | null {
  if (!q || typeof q.value !== 'number' || !(q.value > 0)) return null;
  const perUnit = unitToDays(q.code ?? q.unit ?? 'd');
  return perUnit === undefined ? null : q.value * perUnit;
}

export function readDispense(d: MedicationDispense, index: MedicationIndex): DispenseFact | UnreadableRecord {
  const ref = refOf(d);
  const problems = shapeProblems(d);
  const read = readNaming(d as never, index, problems);
  if (!read) return { ref, resourceType: 'MedicationDispense', reason: problems.join('; '), mayBe: ['fill'], sources: ['dispenses'] };
  const date = safeDate(d.whenHandedOver) ?? safeDate(d.whenPrepared);
  const days = supplyDaysOf(d.daysSupply);
  const orders = Array.isArray(d.authorizingPrescription) ? d.authorizingPrescription : [];
  return {
    ...read.facts,
    ref,
    resource: d,
    status: typeof d.status === 'string' ? d.status : 'unknown',
    date,
    daysSupply: days,
    // The day the supply runs out: a 30-day fill on 03/01 runs out on 03/31 — the closed interval the order rule uses
    // for a completed order's supply (fill date + days' supply), so an order and its fill agree.
    supplyEnds: date && days !== null ? addDays(date, Math.ceil(days)) : null,
    orderRefs: orders.map((o) => orderRef((o as { reference?: unknown })?.reference)).filter((x): x is string => x !== null),
  };
}

export function readStatement(s: MedicationStatement, index: MedicationIndex): StatementFact | UnreadableRecord {
  const ref = refOf(s);
  const problems = shapeProblems(s);
  const read = readNaming({ ...s, dosageInstruction: s.dosage } as never, index, problems);
  if (!read) return { ref, resourceType: 'MedicationStatement', reason: problems.join('; '), mayBe: ['reported-medication'], sources: ['statements'] };
  const start = safeDate(s.effectiveDateTime) ?? safeDate(s.effectivePeriod?.start);
  return {
    ...read.facts,
    ref,
    resource: s,
    status: typeof s.status === 'string' ? s.status : 'unknown',
    start,
    end: safeDate(s.effectivePeriod?.end) ?? (s.status === 'completed' ? start : null),
    asserted: safeDate(s.dateAsserted),
  };
}

/** A fill covers a date from the day it was handed over to the day its supply runs out. */
export function fillCovers(f: Pick<DispenseFact, 'date' | 'supplyEnds' | 'status'>, date: string): boolean {
  if (!f.date || f.date > date || !DISPENSED.has(f.status)) return false;
  return (f.supplyEnds ?? f.date) >= date;
}

/** Dispenses that reached the patient (not cancelled, declined, in error or still being prepared). */
export const DISPENSED = new Set(['completed', 'in-progress', 'unknown']);

/** A reported medication covers a date while active (or completed) and its period includes the date. */
export function statementCovers(s: Pick<StatementFact, 'status' | 'start' | 'end' | 'asserted'>, date: string): boolean {
  if (!['active', 'completed', 'intended', 'unknown'].includes(s.status)) return false;
  const start = s.start ?? s.asserted;
  if (start && start > date) return false;
  if (s.status === 'active') return !s.end || s.end >= date;
  return s.end !== null && s.end >= date;
}
