/**
 * Re-allocation when a prescriber leaves (6BB Chronic Pain Management Support Teams: "allocate patients, for
 * example, after a provider leaves a practice"): the prescriber's registry patients, highest tier first, then
 * whoever runs out of opioid supply soonest (course.supplyEnds), so nobody is left without a prescriber or a taper
 * plan. Pure.
 */
import type { IsoDate, RiskTier } from '../types.ts';
import { shownName } from './queue.ts';
import { isOpen } from './read.ts';
import type { Review, TeamPatient } from './types.ts';

export interface ReallocationRow {
  patientId: string;
  name: string;
  tier: RiskTier;
  topReason: string;
  mme: number | null;
  mmeComplete: boolean;
  supplyEnds: IsoDate | null;
  daysLeft: number | null;
  nextAppointment: IsoDate | null;
  openRequest: boolean;
}

/** Unknown ranks above moderate: missing data is never read as lower risk. */
export const TIER_ORDER: Record<RiskTier, number> = { high: 0, unknown: 1, moderate: 2, low: 3, 'not-applicable': 4 };

export function reallocationList(patients: readonly TeamPatient[], prescriberKey: string, reviews: readonly Review[], asOf: IsoDate): ReallocationRow[] {
  const open = new Set(reviews.filter(isOpen).map((r) => r.patientId));
  const rows = patients
    .filter((p) => p.prescriber.key === prescriberKey)
    .map((p) => ({
      patientId: p.patientId,
      name: shownName(p.name, p.patientId),
      tier: p.tier,
      topReason: p.topReason,
      mme: p.mme,
      mmeComplete: p.mmeComplete,
      supplyEnds: p.supplyEnds ?? null,
      daysLeft: p.daysLeft ?? null,
      nextAppointment: (p.appointments ?? []).map((a) => a.date).filter((d) => d >= asOf).sort()[0] ?? null,
      openRequest: open.has(p.patientId),
    }));
  return rows.sort((a, b) =>
    TIER_ORDER[a.tier] - TIER_ORDER[b.tier]
    || (a.supplyEnds ?? '9999-12-31').localeCompare(b.supplyEnds ?? '9999-12-31')
    || a.name.localeCompare(b.name));
}
