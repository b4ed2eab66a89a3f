/**
 * The opioid course over time, from the normalised record: dose history (segments), changes, pace flags, supply
 * and prescribers. Pure; `asOf` and the read window are arguments.
 *
 * @example
 *   computeCourse({ record, mme, policy, asOf: '2026-11-22', since: '2024-11-22' }).changes
 *   // [{ date: '2026-01-05', fromMme: 90, toMme: 80, kind: 'decrease', pctPerMonth: 11.1, detail: 'reduced from …' }, …]
 */
import { addDays, daysBetween } from '../dates.ts';
import type { Policy } from '../policy/types.ts';
import { mmeOptionsOf } from '../policy/mme-options.ts';
import { DISPENSED } from '../record/fills.ts';
import type { ClinicalRecord } from '../record/types.ts';
import { currentAnalgesics } from '../risk/facts.ts';
import type { IsoDate, MmeOptions, MmeResult } from '../types.ts';
import { doseChanges } from './changes.ts';
import { paceFlags } from './flags.ts';
import { doseHistory } from './history.ts';
import { COURSE_GAP_DAYS, courseStart } from './start.ts';
import { currentSupplyEnd, earlyRefills, overlappingSupplies, prescriberCount } from './supply.ts';
import type { CourseFlag, CourseResult, DoseSegment } from './types.ts';

export interface CourseInput {
  record: Pick<ClinicalRecord, 'orders' | 'dispenses' | 'statements'>;
  mme: MmeResult;
  policy: Policy;
  asOf: IsoDate;
  /** How far back the orders were read (null: the whole record; absent: a file, the whole record). */
  since?: IsoDate | null;
  /** Extra MME options (edition) — the policy's are applied. */
  mmeOptions?: Omit<MmeOptions, 'asOf'>;
  /** Days of history shown (default: the read window, else two years). */
  historyDays?: number;
}

/** The start of the course running at `date`, from the history (walk back over non-zero segments, gaps ≤ 180 days). */
function startAt(segments: readonly DoseSegment[], date: string): string | null {
  let start: string | null = null;
  let lastOn: string | null = null;
  for (const s of segments) {
    if (s.from > date) break;
    const on = s.mmePerDay === null || s.mmePerDay > 0;
    if (!on) continue;
    if (!start || (lastOn && daysBetween(lastOn, s.from) > COURSE_GAP_DAYS)) start = s.from;
    lastOn = s.to;
  }
  return start;
}

function latestFill(record: CourseInput['record'], asOf: IsoDate): CourseResult['lastFill'] {
  const f = record.dispenses.filter((d) => d.opioid && d.date && d.date <= asOf && DISPENSED.has(d.status)).sort((a, b) => b.date!.localeCompare(a.date!))[0];
  return f ? { date: f.date!, daysSupply: f.daysSupply, display: f.display } : null;
}

export function computeCourse(input: CourseInput): CourseResult {
  const { record, mme, policy, asOf } = input;
  const since = input.since ?? null;
  const from = since ?? addDays(asOf, -(input.historyDays ?? policy.medications.readWindowDays.value));
  const options = { ...mmeOptionsOf(policy), ...input.mmeOptions };
  const history = doseHistory({ record, current: mme, options, from, asOf });
  const longCourse = policy.course.longCourseDays.value;
  const changes = doseChanges(history, (date) => {
    const s = startAt(history, date);
    return s === null || daysBetween(s, date) < longCourse;
  });
  const start = courseStart(mme, asOf, since) ?? (() => {
    const s = startAt(history, asOf);
    return s ? { date: s, known: !since || daysBetween(since, s) > COURSE_GAP_DAYS } : null;
  })();
  const supplyEnds = currentSupplyEnd(record, mme);
  const flags: CourseFlag[] = [
    ...paceFlags(changes, history, (date) => startAt(history, date), policy),
    ...earlyRefills(record, policy, from, asOf),
    ...overlappingSupplies(record, addDays(asOf, -policy.course.prescriberWindowDays.value), asOf),
  ];
  const prescribers = prescriberCount(record, policy, asOf);
  if (prescribers.count >= policy.course.multiplePrescribers.value) {
    flags.push({ code: 'multiple-prescribers', date: asOf, detail: `${prescribers.count} opioid prescribers and ${prescribers.pharmacies} pharmacies in ${prescribers.windowDays} days — check the PDMP and agree on one prescriber (PQA measure: ${policy.course.multiplePrescribers.value} or more prescribers and pharmacies)` });
  }
  const current = currentAnalgesics(mme).filter((o) => o.status !== 'excluded').sort((a, b) => (b.authoredOn ?? '').localeCompare(a.authoredOn ?? ''));
  const days = start ? daysBetween(start.date, asOf) : null;
  return {
    start: start?.date ?? null,
    startKnown: start?.known ?? true,
    days,
    longTerm: days !== null && days > policy.course.longTermDays.value,
    history,
    changes,
    flags: flags.sort((a, b) => a.date.localeCompare(b.date)),
    supplyEnds,
    lastFill: latestFill(record, asOf),
    daysLeft: supplyEnds ? daysBetween(asOf, supplyEnds) : null,
    prescribers,
    responsible: current[0]?.requester ?? null,
  };
}
