/**
 * Changes between dose segments: start (from none), stop (to none), increase, decrease, or a switch of product at
 * about the same MME (within 5%: oxycodone → morphine at equal MME is not a change of dose). A segment whose MME
 * could not be computed is a gap: no change is claimed across it.
 */
import { daysBetween } from '../dates.ts';
import { fmt } from '../mme/format.ts';
import type { ChangeKind, DoseChange, DoseSegment } from './types.ts';

const SAME_DOSE = 0.05;

function kindOf(before: DoseSegment, after: DoseSegment): ChangeKind | null {
  const a = before.mmePerDay;
  const b = after.mmePerDay;
  // A gap in the data (a dose that could not be computed, or only a lower bound): nothing is claimed across it.
  if (a === null || b === null || !before.complete || !after.complete) return null;
  if (a === 0 && b > 0) return 'start';
  if (a > 0 && b === 0) return 'stop';
  if (a === 0 && b === 0) return null;
  if (Math.abs(b - a) <= SAME_DOSE * a) return before.products.join() === after.products.join() ? null : 'switch';
  return b > a ? 'increase' : 'decrease';
}

function detailOf(kind: ChangeKind, before: DoseSegment, after: DoseSegment): string {
  const mme = (s: DoseSegment) => `${fmt(s.mmePerDay ?? 0)} MME/day`;
  switch (kind) {
    case 'start':
      return `started: ${after.products.join(', ')} (${mme(after)})`;
    case 'stop':
      return `no current opioid after ${before.products.join(', ')} (${mme(before)})`;
    case 'switch':
      return `switched from ${before.products.join(', ')} to ${after.products.join(', ')} at about the same dose (${mme(after)})`;
    default:
      return `${kind === 'increase' ? 'increased' : 'reduced'} from ${mme(before)} to ${mme(after)}: ${after.products.join(', ')}`;
  }
}

/**
 * Per-month pace of a decrease: the reduction (% of the dose before) over the days since the previous decrease
 * (25% a week = 25% ÷ 7 × 30 = 107% a month). The first decrease of a taper has no "previous": it is measured over
 * one month (one week for a short course), so a first cut of 50% reads 50% a month — not spread over the years the
 * dose was held.
 */
export function pacePerMonth(pct: number, daysSincePrevious: number | null, shortCourse: boolean): number {
  const days = daysSincePrevious === null ? (shortCourse ? 7 : 30) : Math.max(1, daysSincePrevious);
  return (pct * 30) / days;
}

export function doseChanges(segments: readonly DoseSegment[], shortCourse: (date: string) => boolean): DoseChange[] {
  const out: DoseChange[] = [];
  let lastDecrease: string | null = null;
  for (let i = 1; i < segments.length; i++) {
    const before = segments[i - 1];
    const after = segments[i];
    const kind = kindOf(before, after);
    if (!kind) continue;
    let pct: number | null = null;
    if (kind === 'decrease') {
      const cut = ((before.mmePerDay! - after.mmePerDay!) / before.mmePerDay!) * 100;
      pct = pacePerMonth(cut, lastDecrease ? daysBetween(lastDecrease, after.from) : null, shortCourse(after.from));
      lastDecrease = after.from;
    } else if (kind === 'start' || kind === 'stop') lastDecrease = null;
    out.push({ date: after.from, fromMme: before.mmePerDay, toMme: after.mmePerDay, kind, pctPerMonth: pct, detail: detailOf(kind, before, after) });
  }
  return out;
}
