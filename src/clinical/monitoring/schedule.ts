/**
 * Due-date arithmetic and source availability shared by every monitoring item.
 * dueDate = lastDate + interval; overdue when asOf > dueDate; due-soon when dueDate − asOf ≤ the window (the policy's
 * dueSoonDays, at most a third of the interval — the due date itself is "due-soon"); else up-to-date. Calendar-date arithmetic only (dates.ts).
 */
import { addDays, daysBetween } from '../dates.ts';
import type { Policy } from '../policy/types.ts';
import type { IsoDate, LoadStatus, MonitoringStatus, RiskTier, SourceKey } from '../types.ts';

export type IntervalTier = 'low' | 'moderate' | 'high';

export function intervalTier(tier: RiskTier): IntervalTier {
  return tier === 'high' ? 'high' : tier === 'low' ? 'low' : 'moderate';
}

export function tierLabel(tier: RiskTier): string {
  return tier === 'unknown' ? 'Tier unknown — moderate intervals used' : `${tier[0].toUpperCase()}${tier.slice(1)} tier`;
}

/**
 * The "due soon" window for an interval: the policy's window, but never more than a third of the interval, so an
 * item done today is up to date (a 30-day PDMP interval is due soon in its last 10 days, not from day one).
 */
export function dueSoonWindow(intervalDays: number, policy: Policy): number {
  return Math.min(policy.dueSoonDays.value, Math.floor(intervalDays / 3));
}

export function dueStatus(lastDate: IsoDate, intervalDays: number, asOf: IsoDate, policy: Policy): { status: MonitoringStatus; dueDate: IsoDate } {
  const dueDate = addDays(lastDate, intervalDays);
  const left = daysBetween(asOf, dueDate);
  const status: MonitoringStatus = left < 0 ? 'overdue' : left <= dueSoonWindow(intervalDays, policy) ? 'due-soon' : 'up-to-date';
  return { status, dueDate };
}

export interface Availability {
  /** At least one source was read completely. */
  checked: boolean;
  /** Sources that failed, were partial or still loading, in words ("udt: could not be read (HTTP 503)"). */
  gaps: string[];
}

/** Missing key = loaded. 'not-requested' is "not part of this launch": neither a check nor a failure. */
export function availability(loadStatus: LoadStatus, sources: readonly SourceKey[]): Availability {
  const gaps: string[] = [];
  let checked = false;
  for (const key of sources) {
    const s = loadStatus[key];
    if (!s || s.state === 'loaded') checked = true;
    else if (s.state !== 'not-requested') gaps.push(`${key}: ${s.state === 'unavailable' ? 'could not be read' : s.state}${s.reason ? ` (${s.reason})` : ''}`);
  }
  return { checked, gaps };
}

/** True when absence of evidence proves nothing (a source failed, or none was part of this launch). */
export function cannotConclude(a: Availability): boolean {
  return a.gaps.length > 0 || !a.checked;
}

export function unavailableReason(what: string, a: Availability): string {
  if (a.gaps.length) return `Could not check ${what}: ${a.gaps.join('; ')}`;
  return `Could not check ${what}: its data source is not part of this launch`;
}
