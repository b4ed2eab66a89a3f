/**
 * Pace of change (policy `course`, each value with its source), in review language that blames nobody:
 * - taper-faster-than-policy: a decrease faster than the monthly rate after a course of ≥ a year (the weekly rate
 *   for a shorter course) — CDC 2022 Rec 5, HHS 2019;
 * - abrupt-stop: the course ended (no current opioid, supply used up) from at or above the policy's dose, after a
 *   course of at least the policy's days — FDA 2019;
 * - dose-escalation: an increase that crosses 50 or 90 MME/day, or exceeds the policy's percentage in 30 days —
 *   CDC 2022 Rec 4.
 */
import { addDays, daysBetween } from '../dates.ts';
import { fmt } from '../mme/format.ts';
import type { Policy } from '../policy/types.ts';
import type { CourseFlag, DoseChange, DoseSegment } from './types.ts';

const pct = (n: number) => `${fmt(Math.round(n * 10) / 10)}%`;

export function paceFlags(changes: readonly DoseChange[], segments: readonly DoseSegment[], courseStartOf: (date: string) => string | null, policy: Policy): CourseFlag[] {
  const p = policy.course;
  const out: CourseFlag[] = [];
  for (const c of changes) {
    const start = courseStartOf(c.date);
    const courseDays = start ? daysBetween(start, c.date) : 0;
    if (c.kind === 'decrease' && c.pctPerMonth !== null) {
      const long = courseDays >= p.longCourseDays.value;
      const limit = long ? p.taperMonthlyPct.value : p.taperWeeklyPct.value * (30 / 7);
      // Compared at one decimal: MMEs are rounded to 1e-6, so an exact 10% step may compute as 10.0000003%.
      if (Math.round(c.pctPerMonth * 10) / 10 > limit) {
        const rate = long ? `${p.taperMonthlyPct.value}% per month` : `${p.taperWeeklyPct.value}% per week`;
        out.push({ code: 'taper-faster-than-policy', date: c.date, detail: `Dose reduced from ${fmt(c.fromMme!)} to ${fmt(c.toMme!)} MME/day (${pct(c.pctPerMonth)} per month) — faster than about ${rate} after ${long ? 'a year or more' : 'a shorter course'}; check in on withdrawal symptoms, pain and mood, and whether to slow the taper` });
      }
    }
    // A stop is the first day with no current opioid: the orders' and fills' supply is used up by then.
    if (c.kind === 'stop' && (c.fromMme ?? 0) >= p.abruptStopMme.value && courseDays >= p.abruptStopMinDays.value) {
      out.push({ code: 'abrupt-stop', date: c.date, detail: `Opioids ended from ${fmt(c.fromMme!)} MME/day after ${courseDays} days without a taper — check in on withdrawal, pain and overdose risk (naloxone), and whether a taper or treatment for opioid use disorder is needed` });
    }
    if (c.kind === 'increase' && c.fromMme !== null && c.toMme !== null) {
      const crossed = [50, 90].find((t) => c.fromMme! < t && c.toMme! >= t);
      const before = segments.filter((s) => s.to < c.date && s.to >= addDays(c.date, -30) && s.mmePerDay !== null && s.mmePerDay > 0).map((s) => s.mmePerDay!);
      const base = Math.min(c.fromMme, ...before);
      const rise = base > 0 ? ((c.toMme - base) / base) * 100 : 0;
      if (crossed || rise > p.escalationPct.value) {
        const why = crossed ? `crosses ${crossed} MME/day` : `rises ${pct(rise)} within 30 days (your clinic's policy: ${p.escalationPct.value}%)`;
        out.push({ code: 'dose-escalation', date: c.date, detail: `Dose increased from ${fmt(c.fromMme)} to ${fmt(c.toMme)} MME/day — ${why}; weigh benefits and risks and revisit the treatment plan (CDC 2022 Rec 4)` });
      }
    }
  }
  return out;
}
