/**
 * Is an opioid MedicationRequest current at `asOf`? All comparisons use calendar dates (the literal YYYY-MM-DD
 * part of FHIR dateTimes), so the answer does not depend on the machine's time zone.
 *
 * Rules (README "MME rules"):
 * - status active or on-hold (on-hold is counted and flagged 'on-hold'): current when authored (authoredOn, else
 *   dispenseRequest.validityPeriod.start) no more than `activeLookbackDays` (default 730 = 2 years, as CDC CDS
 *   OpioidCDSCommon "Active Ambulatory Opioid Rx") before asOf and not after asOf (authored ≥ asOf − 730 days). An active order without any
 *   date is counted and flagged 'no-authored-date'.
 *   An active order whose validityPeriod.end is before asOf can no longer be filled, but its last fill may still
 *   be in use: it stays current until validityPeriod.end + expectedSupplyDuration (+0 without a duration).
 * - completed: current when start (validityPeriod.start, else authoredOn) + expectedSupplyDuration still covers
 *   asOf, i.e. asOf ≤ start + duration (the closed interval [start, start + duration] of CDC CDS's "Prescription
 *   Relevant Period"; refills are separate orders or fills and are not credited). Without a duration: authored
 *   within 90 days → counted, flagged 'supply-duration-missing' with "verify"; older → not current.
 * - stopped, cancelled, entered-in-error, draft, unknown: never current.
 * - intent proposal/option: not an order, never current. Inpatient-category orders: not current outpatient use.
 */
import type { MedicationRequest } from 'fhir/r4';
import { addDays, datePart } from '../dates.ts';
import type { IsoDate } from '../types.ts';
import { unitToDays } from './timing.ts';

/** Longest usual outpatient opioid supply, for completed orders that carry no supply duration. */
export const MAX_SUPPLY_DAYS = 90;

export type Currency =
  | { current: true; flags: string[]; note?: string }
  | { current: false; reason: string };

/** Expected supply duration in days, or null. */
export function supplyDays(mr: MedicationRequest): number | null {
  const d = mr.dispenseRequest?.expectedSupplyDuration;
  if (!d || typeof d.value !== 'number' || !(d.value > 0)) return null;
  const perUnit = unitToDays(d.code ?? d.unit ?? 'd');
  return perUnit === undefined ? null : d.value * perUnit;
}

export function orderDate(mr: MedicationRequest): IsoDate | null {
  return datePart(mr.authoredOn) ?? (mr.dispenseRequest ? datePart(mr.dispenseRequest.validityPeriod?.start) : null);
}

function isInpatient(mr: MedicationRequest): boolean {
  return (mr.category ?? []).some((c) => (c.coding ?? []).some((k) => k.code === 'inpatient'));
}

const ACTIVE: Currency = Object.freeze({ current: true as const, flags: Object.freeze([]) as unknown as string[] });
const ON_HOLD: Currency = Object.freeze({ current: true as const, flags: Object.freeze(['on-hold']) as unknown as string[] });

// A registry run asks for the same asOf and look-back for every patient: the last answer is kept.
let lastEarliest = { asOf: '', lookbackDays: NaN, earliest: '' };

function earliestCurrent(asOf: IsoDate, lookbackDays: number): IsoDate {
  if (lastEarliest.asOf !== asOf || lastEarliest.lookbackDays !== lookbackDays) {
    lastEarliest = { asOf, lookbackDays, earliest: addDays(asOf, -lookbackDays) };
  }
  return lastEarliest.earliest;
}

/**
 * An assessor for one asOf and look-back (the earliest current authored date is computed once, so each order
 * costs only string comparisons of YYYY-MM-DD dates, which sort like dates).
 */
export function currencyAssessor(asOf: IsoDate, lookbackDays: number): (mr: MedicationRequest, authoredOn: IsoDate | null) => Currency {
  const earliest = earliestCurrent(asOf, lookbackDays);
  return (mr, authoredOn) => assessCurrency(mr, asOf, lookbackDays, earliest, authoredOn);
}

/** `authoredOn` may be passed when the caller already has datePart(mr.authoredOn). */
export function assessCurrency(
  mr: MedicationRequest,
  asOf: IsoDate,
  lookbackDays: number,
  earliest = addDays(asOf, -lookbackDays),
  authoredOn: IsoDate | null = datePart(mr.authoredOn),
): Currency {
  const status = mr.status;
  if (mr.intent === 'proposal' || mr.intent === 'option') return { current: false, reason: `intent ${mr.intent}: not an order` };
  if (status === 'active' || status === 'on-hold') {
    const authored = authoredOn ?? (mr.dispenseRequest ? datePart(mr.dispenseRequest.validityPeriod?.start) : null);
    if (mr.category && isInpatient(mr)) return { current: false, reason: 'inpatient order — not counted in outpatient MME' };
    if (!authored) return { current: true, flags: status === 'on-hold' ? ['on-hold', 'no-authored-date'] : ['no-authored-date'], note: 'no authored date' };
    if (authored > asOf) return { current: false, reason: `${status} but authored ${authored}, after the as-of date ${asOf}` };
    if (authored < earliest) {
      return { current: false, reason: `stale: ${status} but authored ${authored}, more than ${lookbackDays} days before ${asOf}` };
    }
    const validEnd = mr.dispenseRequest?.validityPeriod?.end ? datePart(mr.dispenseRequest.validityPeriod.end) : null;
    if (validEnd && validEnd < asOf) {
      const lastDay = addDays(validEnd, Math.ceil(supplyDays(mr) ?? 0));
      if (lastDay < asOf) return { current: false, reason: `${status} but validity period ended ${validEnd} and its last supply ran out by ${lastDay}` };
    }
    return status === 'on-hold' ? ON_HOLD : ACTIVE;
  }
  if (status === 'completed') {
    const start = datePart(mr.dispenseRequest?.validityPeriod?.start) ?? authoredOn;
    const days = supplyDays(mr);
    if (!start) return { current: false, reason: 'completed; no start date to show the supply still covers the as-of date' };
    if (days === null) {
      // No expectedSupplyDuration (pitfall 5c: reading it as 0 days makes every such order expire on day one).
      // Outpatient opioid supplies run at most 90 days, so a completed order authored within 90 days may still be
      // in use: it is counted, flagged, and the reason asks to verify; older ones are not current.
      if (start > asOf) return { current: false, reason: `completed; authored ${start}, after ${asOf}` };
      if (start < addDays(asOf, -MAX_SUPPLY_DAYS)) return { current: false, reason: `completed ${start} without a supply duration, more than ${MAX_SUPPLY_DAYS} days before ${asOf}` };
      return { current: true, flags: ['completed-supply', 'supply-duration-missing'], note: `completed ${start} without a supply duration: counted as possibly still in use (within ${MAX_SUPPLY_DAYS} days) — verify` };
    }
    if (isInpatient(mr)) return { current: false, reason: 'inpatient order — not counted in outpatient MME' };
    const total = Math.ceil(days);
    const lastDay = addDays(start, total);
    if (start > asOf) return { current: false, reason: `completed; supply starts ${start}, after ${asOf}` };
    if (lastDay < asOf) return { current: false, reason: `completed; supply ${start} + ${total} days ended ${lastDay}` };
    return { current: true, flags: ['completed-supply'], note: `completed; supply ${start} + ${total} days covers ${asOf}` };
  }
  const label = status === 'entered-in-error' ? 'entered in error' : status ?? 'missing';
  return { current: false, reason: `status ${label} — not counted` };
}
