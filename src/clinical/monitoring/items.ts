/**
 * One function per monitoring item (issue 4). Each returns the status, last event date and value, next due
 * date, interval used and the reason (tier, rule, source). Unreadable sources give "unavailable", never
 * "never-done" or "up-to-date"; evidence that was found still counts when a source is only partly read.
 */
import { addDays, daysBetween } from '../dates.ts';
import { fmt } from '../mme/format.ts';
import type { EvidenceEvent } from '../observations/evidence.ts';
import type { Phq9Entry } from '../observations/scores.ts';
import { CITE, clinicPolicy } from '../policy/citations.ts';
import type { IntervalItem, Policy } from '../policy/types.ts';
import type { Citation, IsoDate, LoadStatus, MonitoringItem, MonitoringItemId, PegEntry, RiskResult, ScoreEntry, SourceKey, UdtFinding } from '../types.ts';
import type { UdtTest } from '../observations/udt.ts';
import { availability, cannotConclude, dueStatus, intervalTier, tierLabel, unavailableReason } from './schedule.ts';

export interface MonitoringContext {
  asOf: IsoDate;
  policy: Policy;
  loadStatus: LoadStatus;
  risk: RiskResult;
  pdmp: EvidenceEvent[];
  agreement: EvidenceEvent[];
  udt: UdtTest[];
  unexpectedUdt: UdtFinding[];
  peg: PegEntry[];
  phq9: Phq9Entry[];
  phq2: ScoreEntry[];
  ort: ScoreEntry[];
}

const partialNote = (gaps: string[]) => (gaps.length ? ` Some data could not be read (${gaps.join('; ')}): a later event may be missing.` : '');

/** The item with the public sources of its rule: `citations` and the same as one plain-text line, `source`. */
export function sourced(item: MonitoringItem, citations: readonly Citation[]): MonitoringItem {
  // = uniqueCitations + citationText in one pass (7 items × every summary and run-chart month: it showed in profiles).
  const list: Citation[] = [];
  let source = '';
  for (const c of citations) {
    if (list.some((x) => x.label === c.label)) continue;
    list.push(c);
    source = list.length === 1 ? c.label : `${source}; ${c.label}`;
  }
  return { ...item, source, citations: list };
}

interface Last {
  date: IsoDate;
  value: string;
}

/** Shared logic for the interval items (PDMP, UDT, agreement, PHQ-9). */
function intervalItem(
  item: MonitoringItemId,
  key: IntervalItem,
  what: string,
  last: Last | null,
  sources: SourceKey[],
  ctx: MonitoringContext,
): MonitoringItem {
  const intervals = ctx.policy.intervals[key];
  const tier = intervalTier(ctx.risk.tier);
  const days = intervals[tier];
  const rule = `${tierLabel(ctx.risk.tier)}: every ${days} days (your clinic's policy)`;
  const cite = (m: MonitoringItem) => sourced(m, [clinicPolicy(`every ${days} days at ${tier} risk`), ...intervals.source]);
  const avail = availability(ctx.loadStatus, sources);
  if (!last) {
    if (cannotConclude(avail)) return cite({ item, status: 'unavailable', lastDate: null, lastValue: null, dueDate: null, intervalDays: days, reason: `${unavailableReason(what, avail)}. ${rule}` });
    return cite({ item, status: 'never-done', lastDate: null, lastValue: null, dueDate: null, intervalDays: days, reason: `No ${what} on file — due now. ${rule}` });
  }
  const { status, dueDate } = dueStatus(last.date, days, ctx.asOf, ctx.policy);
  return cite({
    item, status, lastDate: last.date, lastValue: last.value, dueDate, intervalDays: days,
    reason: `Last ${what} ${last.date}; next due ${dueDate}. ${rule}.${partialNote(avail.gaps)}`,
  });
}

export function pdmpItem(ctx: MonitoringContext): MonitoringItem {
  const e = ctx.pdmp[0];
  return intervalItem('pdmp', 'pdmp', 'PDMP check', e ? { date: e.date, value: e.value } : null, ['pdmp', 'procedures'], ctx);
}

export function agreementItem(ctx: MonitoringContext): MonitoringItem {
  const e = ctx.agreement[0];
  return intervalItem('agreement', 'agreement', 'signed patient agreement', e ? { date: e.date, value: 'signed' } : null, ['agreement', 'documents'], ctx);
}

export function udtItem(ctx: MonitoringContext): MonitoringItem {
  const last = ctx.udt.map((t) => t.date).sort().at(-1);
  let value = '';
  if (last) {
    const sameDay = ctx.udt.filter((t) => t.date === last);
    const unexpected = ctx.unexpectedUdt.filter((u) => u.date === last);
    value = `${sameDay.length} result${sameDay.length === 1 ? '' : 's'}; ${unexpected.length ? `${unexpected.length} unexpected — review with the clinician` : 'no unexpected result'}`;
  }
  const out = intervalItem('udt', 'udt', 'urine drug test (resulted, by collection date)', last ? { date: last, value } : null, ['udt'], ctx);
  const alerts = ctx.unexpectedUdt.filter((u) => u.date === last).map((u) => `${u.text} (${u.test}: ${u.result}, ${u.date})`);
  return alerts.length ? { ...out, alerts } : out;
}

export function phq9Item(ctx: MonitoringContext): MonitoringItem {
  const last = ctx.phq9.at(-1);
  const base = intervalItem('phq9', 'phq9', 'PHQ-9', last ? { date: last.date, value: `PHQ-9 ${fmt(last.value)} (${last.band})` } : null, ['surveys'], ctx);
  const threshold = ctx.policy.phq2.positive.value;
  // A positive PHQ-2 on the same date as a PHQ-9 was followed up at that visit (PHQ-9 done): only a later one triggers.
  const phq2 = ctx.phq2.filter((s) => s.value >= threshold && (!last || s.date > last.date) && s.date <= ctx.asOf).at(-1);
  let out = base;
  if (phq2 && base.status !== 'unavailable') {
    const note = `PHQ-2 ${fmt(phq2.value)} on ${phq2.date} ≥ ${threshold}: PHQ-9 due now (your clinic's policy).`;
    const status = phq2.date < ctx.asOf ? 'overdue' : base.status === 'never-done' ? 'never-done' : 'due-soon';
    out = sourced({ ...base, status, dueDate: phq2.date, reason: `${note} ${base.reason}` }, [
      clinicPolicy(`a PHQ-2 of ${threshold} or more calls for a PHQ-9`), ...ctx.policy.phq2.positive.source, ...(base.citations ?? []),
    ]);
  }
  if (last && last.item9 !== null && last.item9 > 0) {
    out = { ...out, alerts: [`PHQ-9 item 9 (thoughts of self-harm) = ${fmt(last.item9)} on ${last.date}: same-day clinician follow-up`] };
  }
  return out;
}

export function pegItem(ctx: MonitoringContext): MonitoringItem {
  const limit = ctx.policy.peg.overdueDays.value;
  const rule = `PEG at every pain visit; overdue after ${limit} days or when none (your clinic's policy)`;
  const cite = (m: MonitoringItem) => sourced(m, [clinicPolicy(`PEG at every pain visit, overdue after ${limit} days`), ...ctx.policy.peg.overdueDays.source]);
  const last = ctx.peg.at(-1);
  const avail = availability(ctx.loadStatus, ['surveys']);
  if (!last) {
    if (cannotConclude(avail)) return cite({ item: 'peg', status: 'unavailable', lastDate: null, lastValue: null, dueDate: null, intervalDays: limit, reason: `${unavailableReason('PEG', avail)}. ${rule}` });
    return cite({ item: 'peg', status: 'overdue', lastDate: null, lastValue: null, dueDate: ctx.asOf, intervalDays: limit, reason: `No PEG on file — collect at this visit. ${rule}` });
  }
  const value = `PEG ${fmt(last.mean)}`;
  const age = daysBetween(last.date, ctx.asOf);
  if (age === 0) return cite({ item: 'peg', status: 'up-to-date', lastDate: last.date, lastValue: value, dueDate: null, intervalDays: limit, reason: `PEG recorded today. Next at the next pain visit. ${rule}` });
  if (age > limit) {
    return cite({ item: 'peg', status: 'overdue', lastDate: last.date, lastValue: value, dueDate: addDays(last.date, limit), intervalDays: limit, reason: `Last PEG ${last.date}, ${age} days ago (> ${limit}). ${rule}.${partialNote(avail.gaps)}` });
  }
  return cite({ item: 'peg', status: 'due-soon', lastDate: last.date, lastValue: value, dueDate: ctx.asOf, intervalDays: limit, reason: `Due today (last PEG ${last.date}, ${age} days ago). ${rule}.${partialNote(avail.gaps)}` });
}

export function ortItem(ctx: MonitoringContext): MonitoringItem {
  const last = ctx.ort.at(-1);
  const rule = 'ORT once on file, at the first chronic-pain visit';
  const cite = (m: MonitoringItem) => sourced(m, [CITE.sixBBAssessments, CITE.sixBBMilestones, CITE.webster]);
  const avail = availability(ctx.loadStatus, ['surveys']);
  if (last) return cite({ item: 'ort', status: 'up-to-date', lastDate: last.date, lastValue: `ORT ${fmt(last.value)} (${last.band})`, dueDate: null, intervalDays: null, reason: `ORT on file (${last.date}). ${rule}` });
  if (cannotConclude(avail)) return cite({ item: 'ort', status: 'unavailable', lastDate: null, lastValue: null, dueDate: null, intervalDays: null, reason: `${unavailableReason('ORT', avail)}. ${rule}` });
  return cite({ item: 'ort', status: 'never-done', lastDate: null, lastValue: null, dueDate: null, intervalDays: null, reason: `No ORT on file — due now. ${rule}` });
}

export function notApplicable(item: MonitoringItemId, why: string): MonitoringItem {
  return { item, status: 'not-applicable', lastDate: null, lastValue: null, dueDate: null, intervalDays: null, reason: `Not applicable: ${why}` };
}
