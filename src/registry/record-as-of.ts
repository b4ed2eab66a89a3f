/**
 * A patient's normalised record as it stood at each run-chart month-end, from ONE normalisation.
 *
 * The run chart's definition is `normalizeRecord(resourcesAsOf(resources, d))` (as-of-filter.ts: resources first
 * dated after d are left out). Normalising 12 filtered copies cost most of the registry's time, so instead every
 * item of the full record is given the keep-date of the resource it was read from, and the record at d keeps the
 * items whose keep-date is null or ≤ d. That equals the definition when each item comes from one resource (or, for
 * survey scores and UDT tests, from a whole day of observations dated alike), which holds when:
 *   - every resource the record reads has an id, unique within its type (items are matched back by reference);
 *   - an Observation's keep-date is its clinical date (observationDate), so a day's observations go together;
 *   - no panel Observation is assembled from hasMember items (its components would depend on the day);
 *   - every Medication (the order index) is kept on every date.
 * Otherwise `recordTimeline` returns null and the caller normalises the filtered resources per month as before.
 */
import type { Observation, QuestionnaireResponse, Resource } from 'fhir/r4';
import { observationDate } from '../clinical/observations/values.ts';
import { INSTRUMENTS } from '../clinical/record/forms.ts';
import type { ClinicalRecord } from '../clinical/record/types.ts';
import type { IsoDate } from '../clinical/types.ts';
import { resourceDate } from './as-of-filter.ts';

type KeepDate = IsoDate | null;

/** Types normalizeRecord reads facts from (Appointments and the rest never reach the record). */
const READ = new Set(['Patient', 'MedicationRequest', 'MedicationDispense', 'MedicationStatement', 'Condition', 'Procedure',
  'ServiceRequest', 'DocumentReference', 'Observation', 'QuestionnaireResponse']);

function safeObservationDate(o: Observation): KeepDate | undefined {
  try {
    return observationDate(o);
  } catch {
    return undefined;
  }
}

/** Keep-date of every resource the record reads, by "Type/id"; null when a condition above does not hold. */
function keepDates(resources: readonly Resource[]): Map<string, KeepDate> | null {
  const byRef = new Map<string, KeepDate>();
  for (const r of resources) {
    if (!r || typeof r !== 'object' || typeof r.resourceType !== 'string') return null;
    let date: KeepDate;
    try {
      date = resourceDate(r);
    } catch {
      return null; // the per-month filter would fail the same way: let the slow path report it
    }
    if (r.resourceType === 'Medication') {
      if (date !== null) return null;
      continue;
    }
    if (!READ.has(r.resourceType)) continue;
    if (typeof r.id !== 'string' || !r.id) return null;
    const ref = `${r.resourceType}/${r.id}`;
    if (byRef.has(ref)) return null;
    if (r.resourceType === 'Observation') {
      const o = r as Observation;
      if (safeObservationDate(o) !== date || r.id.startsWith('questionnaire-')) return null;
      if (Array.isArray(o.hasMember) && o.hasMember.length > 0 && !(o.component?.length)) return null;
    }
    byRef.set(ref, date);
    if (r.resourceType === 'QuestionnaireResponse') {
      // A form becomes an Observation "questionnaire-<id>-<panel>" dated like the form (forms.ts).
      for (const i of INSTRUMENTS) byRef.set(`Observation/questionnaire-${(r as QuestionnaireResponse).id}-${i.panel}`, date);
    }
  }
  return byRef;
}

interface Dated<T> { items: readonly T[]; dates: readonly KeepDate[] }

const kept = <T>({ items, dates }: Dated<T>, d: IsoDate): T[] => items.filter((_, i) => dates[i] === null || dates[i]! <= d);

/** Items dated by the resource they name; undefined when one names a resource not read (cannot be placed). */
function byRef<T>(items: readonly T[], refOf: (x: T) => string, refs: Map<string, KeepDate>): Dated<T> | undefined {
  const dates: KeepDate[] = [];
  for (const x of items) {
    const d = refs.get(refOf(x));
    if (d === undefined) return undefined;
    dates.push(d);
  }
  return { items, dates };
}

const byDate = <T extends { date: KeepDate }>(items: readonly T[]): Dated<T> => ({ items, dates: items.map((x) => x.date) });

export type RecordAt = (monthEnd: IsoDate) => ClinicalRecord;

/** The record at any date from `record` = normalizeRecord(resources), or null when it cannot be derived exactly. */
export function recordTimeline(resources: readonly Resource[], record: ClinicalRecord): RecordAt | null {
  const refs = keepDates(resources);
  if (!refs) return null;
  const parts = {
    orders: byRef(record.orders, (o) => o.ref, refs),
    dispenses: byRef(record.dispenses, (x) => x.ref, refs),
    statements: byRef(record.statements, (x) => x.ref, refs),
    therapies: byRef(record.therapies, (x) => x.ref, refs),
    conditions: byRef(record.conditions, (c) => `Condition/${c.conditionId}`, refs),
    procedures: byRef(record.procedures, (p) => `Procedure/${p.procedureId}`, refs),
    pdmp: byRef(record.pdmp, (e) => e.resource, refs),
    agreement: byRef(record.agreement, (e) => e.resource, refs),
    unreadable: byRef(record.unreadable, (u) => u.ref, refs),
  };
  const { orders, dispenses, statements, therapies, conditions, procedures, pdmp, agreement, unreadable } = parts;
  if (!orders || !dispenses || !statements || !therapies || !conditions || !procedures || !pdmp || !agreement || !unreadable) return null;
  // Observation-derived entries carry their day, which is their observations' keep-date (checked above).
  const udt = byDate(record.udt);
  const peg = byDate(record.peg);
  const phq9 = byDate(record.phq9);
  const phq2 = byDate(record.phq2);
  const gad7 = byDate(record.gad7);
  const ort = byDate(record.ort);
  // From an Observation (its day) or a DocumentReference (datePart(date), the same as its keep-date).
  const agreementNotSigned = byDate(record.agreementNotSigned);
  return (d) => ({
    patient: record.patient,
    orders: kept(orders, d), dispenses: kept(dispenses, d), statements: kept(statements, d), therapies: kept(therapies, d),
    conditions: kept(conditions, d), procedures: kept(procedures, d),
    udt: kept(udt, d), peg: kept(peg, d), phq9: kept(phq9, d), phq2: kept(phq2, d), gad7: kept(gad7, d), ort: kept(ort, d),
    pdmp: kept(pdmp, d), agreement: kept(agreement, d), agreementNotSigned: kept(agreementNotSigned, d),
    unreadable: kept(unreadable, d),
  });
}
