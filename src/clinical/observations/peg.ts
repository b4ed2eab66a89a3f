/**
 * PEG (Krebs 2009): mean of pain (75893-8), enjoyment (91145-3) and general activity (91146-1), 0–10.
 * Read from a mean observation (91147-9), a panel (91148-7) with a mean or item components, or three item
 * observations on the same date; the mean is computed from items only when no mean is recorded, and decimals
 * are kept (pitfall 11). % change is against the first PEG of the current opioid course (baseline) and against
 * the previous PEG; ≥ policy.peg.improvementPct lower than baseline = clinically meaningful improvement (CDC).
 */
import type { Observation } from 'fhir/r4';
import { codeSet } from '../codes/systems.ts';
import type { CourseStart } from '../course/start.ts';
import type { Policy } from '../policy/types.ts';
import type { IsoDate, PegEntry, PegHistory } from '../types.ts';
import { componentValue, hasCode, numericValue, observationDate } from './values.ts';

interface DayParts {
  mean: number | null;
  pain: number | null;
  enjoyment: number | null;
  activity: number | null;
  observationId?: string;
}

export function readPeg(obs: readonly Observation[], policy: Policy): PegEntry[] {
  const c = policy.codes;
  const [panel, mean, pain, enjoy, act] = [c.pegPanel, c.pegMean, c.pegPain, c.pegEnjoyment, c.pegActivity].map((l) => codeSet(l.codes));
  const days = new Map<IsoDate, DayParts>();
  const day = (d: IsoDate) => days.get(d) ?? days.set(d, { mean: null, pain: null, enjoyment: null, activity: null }).get(d)!;
  for (const o of obs) {
    try {
      const date = observationDate(o) as IsoDate;
      const isPanel = hasCode(o, panel);
      const isMean = hasCode(o, mean);
      if (isPanel || isMean) {
        const p = day(date);
        const m = (isMean ? numericValue(o) : null) ?? componentValue(o, mean); // a panel's own value is not a score
        if (m !== null) {
          p.mean = m;
          p.observationId = o.id;
        }
        p.pain = componentValue(o, pain) ?? p.pain;
        p.enjoyment = componentValue(o, enjoy) ?? p.enjoyment;
        p.activity = componentValue(o, act) ?? p.activity;
        p.observationId ??= o.id;
      } else if (hasCode(o, pain)) day(date).pain = numericValue(o);
      else if (hasCode(o, enjoy)) day(date).enjoyment = numericValue(o);
      else if (hasCode(o, act)) day(date).activity = numericValue(o);
    } catch {
      // malformed resource (a field of the wrong type): skipped, never fatal
    }
  }
  const entries: PegEntry[] = [];
  for (const [date, p] of [...days.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const items = [p.pain, p.enjoyment, p.activity];
    const fromItems = p.mean === null && items.every((v) => v !== null);
    const meanValue = p.mean ?? (fromItems ? (items as number[]).reduce((a, b) => a + b, 0) / 3 : null);
    if (meanValue === null) continue;
    entries.push({
      date, mean: meanValue, pain: p.pain, enjoyment: p.enjoyment, activity: p.activity,
      changeFromBaselinePct: null, changeFromPreviousPct: null, improved30: false,
      observationId: p.observationId, derivedFromItems: fromItems || undefined,
    });
  }
  return entries;
}

const pct = (from: number, to: number) => (from === 0 ? null : ((to - from) / from) * 100);

/**
 * Baseline = first PEG on or after the current opioid course start; without a course, the first PEG on file.
 * When the course start is not known (it began before the orders read), no baseline is claimed: the change from
 * baseline would be measured from the wrong visit (37.5% better read as 28.6%).
 */
export function pegHistory(entries: readonly PegEntry[], course: CourseStart | IsoDate | null, policy: Policy): PegHistory {
  const start = typeof course === 'string' ? { date: course, known: true } : course;
  if (entries.length === 0) {
    return { entries: [], baseline: null, baselineRule: 'No PEG on file' };
  }
  if (start && !start.known) {
    const out = entries.map((e, i) => ({ ...e, changeFromBaselinePct: null, improved30: false, changeFromPreviousPct: i > 0 ? pct(entries[i - 1].mean, e.mean) : null }));
    return {
      entries: out,
      baseline: null,
      baselineRule: `The current opioid course began on or before ${start.date}, before the orders that were read: its first PEG (the baseline) is not known — load older orders to find it`,
      baselineUnknown: true,
    };
  }
  const courseDate = start?.date ?? null;
  const inCourse = courseDate ? entries.findIndex((e) => e.date >= courseDate) : -1;
  const baseIndex = inCourse >= 0 ? inCourse : 0;
  const baselineRule =
    inCourse >= 0
      ? `First PEG of the current opioid course (course started ${courseDate})`
      : courseDate
        ? `No PEG since the current opioid course started (${courseDate}): first PEG on file used`
        : 'No current opioid course: first PEG on file used';
  const threshold = -policy.peg.improvementPct.value;
  const base = entries[baseIndex];
  const out = entries.map((e, i) => {
    if (i <= baseIndex) return { ...e, changeFromPreviousPct: i > 0 ? pct(entries[i - 1].mean, e.mean) : null };
    const fromBase = pct(base.mean, e.mean);
    return {
      ...e,
      changeFromBaselinePct: fromBase,
      changeFromPreviousPct: pct(entries[i - 1].mean, e.mean),
      improved30: fromBase !== null && fromBase <= threshold + 1e-9, // tolerance: 7 → 4.9 is exactly 30%
    };
  });
  return { entries: out, baseline: out[baseIndex], baselineRule };
}
