/**
 * Naloxone (CDC 2022 Rec 8): when any criterion holds — total MME ≥ policy.naloxone.mme, a current
 * benzodiazepine, OUD or other SUD history (remission included), overdose history, sleep apnea — a rescue
 * naloxone product must have been ordered in the last policy.naloxone.lookbackDays (CDC CDS: 2 years).
 * Buprenorphine-naloxone and pentazocine-naloxone are not rescue naloxone (pitfall 1; medications/classify.ts).
 * Without any criterion: not-applicable.
 */
import { fmt } from '../mme/format.ts';
import { allRescueNaloxone } from '../medications/index.ts';
import type { RiskFacts } from '../risk/facts.ts';
import { sourceGap } from '../risk/rules.ts';
import { CITE, clinicPolicy } from '../policy/citations.ts';
import type { MonitoringItem } from '../types.ts';
import { sourced, type MonitoringContext } from './items.ts';
import { availability, cannotConclude, dueStatus, unavailableReason } from './schedule.ts';

export function naloxoneCriteria(f: RiskFacts, mmeThreshold: number): string[] {
  const out: string[] = [];
  const least = f.mme.atLeast;
  if (least >= mmeThreshold) out.push(`MME ${f.mme.complete ? '' : 'at least '}${fmt(least)} ≥ ${mmeThreshold}`);
  else if (!f.mme.complete) out.push(`MME unknown — verify (an opioid order could not be converted; the total may be ${mmeThreshold} or more)`);
  if (f.orders.some((o) => o.class === 'benzodiazepine' && o.current)) out.push('benzodiazepine');
  const oud = f.conditions.find((c) => c.kind === 'oud');
  if (oud) out.push(`opioid use disorder history (${oud.code})`);
  const sud = f.conditions.find((c) => c.kind === 'other-sud');
  if (sud) out.push(`substance use disorder history (${sud.code})`);
  const od = f.conditions.find((c) => c.kind === 'overdose');
  if (od) out.push(`overdose history (${od.code})`);
  const osa = f.conditions.find((c) => c.kind === 'sleep-apnea' && c.active);
  if (osa) out.push(`sleep apnea (${osa.code})`);
  if (f.mme.orders.some((o) => o.flags.includes('moud') && !o.flags.includes('not-current'))) out.push('on MOUD');
  return out;
}

export function naloxoneItem(ctx: MonitoringContext, facts: RiskFacts): MonitoringItem {
  const p = ctx.policy.naloxone;
  const days = p.lookbackDays.value;
  const criteria = naloxoneCriteria(facts, p.mme.value);
  const rule = `CDC 2022 Recommendation 8: offer naloxone; rescue naloxone ordered within ${days} days counts (your clinic's policy)`;
  const cite = (m: MonitoringItem) => sourced(m, [CITE.cdc2022Rec8, clinicPolicy(`a rescue naloxone order within ${days} days; ${p.mme.value} MME/day or more`), ...p.lookbackDays.source, ...p.mme.source]);
  const meds = availability(ctx.loadStatus, ['medications']);
  const conditionsGap = sourceGap(facts, 'conditions');
  if (criteria.length === 0) {
    if (cannotConclude(meds)) return cite(base('unavailable', `${unavailableReason('medication orders', meds)}. ${rule}`, days));
    if (conditionsGap) return cite(base('unavailable', `Could not check the Recommendation 8 criteria: conditions ${conditionsGap}. ${rule}`, days));
    return cite(base('not-applicable', `Not applicable: no CDC Recommendation 8 criterion (MME < ${p.mme.value}, no benzodiazepine, no OUD/SUD/overdose history, no sleep apnea). ${rule}`, null));
  }
  const why = `Indicated: ${criteria.join('; ')}.`;
  const last = allRescueNaloxone(facts.orders)[0];
  if (!last) {
    if (cannotConclude(meds)) return cite(base('unavailable', `${why} ${unavailableReason('naloxone orders', meds)}. ${rule}`, days));
    return cite(base('never-done', `${why} No rescue naloxone ordered — offer naloxone. ${rule}`, days));
  }
  const { status, dueDate } = dueStatus(last.authoredOn as string, days, ctx.asOf, ctx.policy);
  return cite({
    item: 'naloxone', status, lastDate: last.authoredOn, lastValue: last.display, dueDate, intervalDays: days,
    reason: `${why} Last rescue naloxone ordered ${last.authoredOn} (${last.display}); ${status === 'overdue' ? 'older than the look-back — offer naloxone' : `covered until ${dueDate}`}. ${rule}`,
  });
}

function base(status: MonitoringItem['status'], reason: string, days: number | null): MonitoringItem {
  return { item: 'naloxone', status, lastDate: null, lastValue: null, dueDate: null, intervalDays: days, reason };
}
