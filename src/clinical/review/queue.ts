/**
 * The pain support team's queue: clinicians' open requests first (oldest first — they have waited longest), then
 * the patients the clinic's policy lists for review, each with every reason it is listed and the rule behind it.
 * Pure: registry patients + reviews + policy + asOf in, entries out.
 *
 * Policy rules (clinic policy `review`, defaults in README "Pain support team"):
 *  - high risk tier (the panel's tier, with its top reason);
 *  - MME/day (its lower bound when incomplete) ≥ review.queueMme (90);
 *  - a benzodiazepine with the opioid (CDC 2022 Rec 11);
 *  - dose pace flags of the course (taper faster than policy, stop without a taper, dose increase) dated within
 *    review.flagWindowDays (90) before asOf;
 *  - signs that may point to opioid use disorder — never a diagnosis: OUD on the problem list (not in remission), an
 *    opioid overdose on record, an unexpected positive urine drug test, early refills / overlapping supplies / several
 *    prescribers within the window;
 *  - safety monitoring gaps: PDMP check, urine drug test, agreement or naloxone overdue by more than
 *    review.careGapDays (30), or never done.
 */
import { addDays, daysBetween } from '../dates.ts';
import type { Policy } from '../policy/types.ts';
import type { IsoDate } from '../types.ts';
import { isOpen } from './read.ts';
import type { Review, TeamPatient } from './types.ts';

export type QueueReasonKind = 'request' | 'tier' | 'mme' | 'benzo' | 'pace' | 'oud' | 'gap';

export interface QueueReason {
  kind: QueueReasonKind;
  text: string;
  date: IsoDate | null;
  /** The rule and where it comes from, in words. */
  rule: string;
}

export interface QueueEntry {
  patientId: string;
  name: string;
  prescriber: { key: string; display: string };
  /** The patient's open requests (oldest first). */
  requests: Review[];
  reasons: QueueReason[];
  /** The registry row, when the patient is in the registry (current opioid analgesic). */
  patient: TeamPatient | null;
}

export const PACE_FLAGS: ReadonlySet<string> = new Set(['taper-faster-than-policy', 'abrupt-stop', 'dose-escalation']);
export const PATTERN_FLAGS: ReadonlySet<string> = new Set(['early-refill', 'overlapping-supply', 'multiple-prescribers']);

/**
 * The name to show: the registry's, unless it is only its fallback made from the record id ("Patient <id>"),
 * which is never shown — "Name not recorded" is, and the case review carries the birth date.
 */
export function shownName(name: string | null | undefined, patientId: string | null): string {
  if (!name || (patientId && name === `Patient ${patientId}`)) return 'Name not recorded';
  return name;
}

const TIER_RANK: Record<string, number> = { high: 0, unknown: 1, moderate: 2, low: 3, 'not-applicable': 4 };

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The flags dated in [asOf − window, asOf]. */
function inWindow(date: IsoDate, asOf: IsoDate, windowDays: number): boolean {
  return date <= asOf && date >= addDays(asOf, -windowDays);
}

/** Why the clinic's policy lists this patient for the team (empty: not listed). */
export function queueReasons(p: TeamPatient, policy: Policy, asOf: IsoDate): QueueReason[] {
  const r = policy.review;
  const out: QueueReason[] = [];
  if (p.tier === 'high') {
    out.push({ kind: 'tier', text: `High risk tier${p.topReason ? ` — ${p.topReason}` : ''}`, date: null, rule: 'Support team: review high-risk patients (clinic risk tier)' });
  }
  if (p.mme !== null && p.mme >= r.queueMme.value) {
    out.push({
      kind: 'mme',
      text: `${p.mmeComplete ? '' : 'At least '}${round1(p.mme)} MME/day (review from ${r.queueMme.value})`,
      date: null,
      rule: `Clinic policy: ${r.queueMme.value} MME/day or more (CDC 2022 Rec 4)`,
    });
  }
  if (p.benzoOverlap) out.push({ kind: 'benzo', text: 'A benzodiazepine is prescribed with the opioid', date: null, rule: 'CDC 2022 Rec 11: use particular caution with benzodiazepines' });
  const window = r.flagWindowDays.value;
  for (const f of p.review?.courseFlags ?? []) {
    if (!inWindow(f.date, asOf, window)) continue;
    if (PACE_FLAGS.has(f.code)) out.push({ kind: 'pace', text: f.detail, date: f.date, rule: `Course flag in the last ${window} days (clinic policy course pace; CDC 2022 Rec 5)` });
    else if (PATTERN_FLAGS.has(f.code)) out.push({ kind: 'oud', text: f.detail, date: f.date, rule: `A pattern to talk through with the patient, not a diagnosis (course flag in the last ${window} days)` });
  }
  for (const m of p.review?.oudMarkers ?? []) {
    out.push({ kind: 'oud', text: m.text, date: m.date, rule: 'Support team: identify patients with possible opioid use disorder and offer assessment and treatment (CDC 2022 Rec 12) — not a diagnosis' });
  }
  const gapDays = r.careGapDays.value;
  for (const g of p.review?.gaps ?? []) {
    if (g.status === 'never-done') {
      out.push({ kind: 'gap', text: `${g.label}: never done`, date: null, rule: 'Support team: close care gaps (nothing on file)' });
    } else if (g.dueDate && daysBetween(g.dueDate, asOf) > gapDays) {
      out.push({ kind: 'gap', text: `${g.label}: overdue by ${daysBetween(g.dueDate, asOf)} days`, date: g.dueDate, rule: `Clinic policy: overdue by more than ${gapDays} days` });
    }
  }
  return out;
}

function requestReason(review: Review): QueueReason {
  const state = review.status === 'in-progress' ? 'The team is reviewing' : 'Waiting for the team';
  return { kind: 'request', text: `${state}: ${review.requester ?? 'a clinician'} asked for a review`, date: review.requestedOn, rule: 'A clinician\'s request' };
}

/**
 * The queue: patients with an open request first (oldest request first), then patients listed by the policy
 * (high tier first, then the most reasons). A patient with an open request but no registry row is listed under the
 * requesting clinician.
 */
export function buildQueue(patients: readonly TeamPatient[], reviews: readonly Review[], policy: Policy, asOf: IsoDate): QueueEntry[] {
  const byId = new Map(patients.map((p) => [p.patientId, p]));
  const open = new Map<string, Review[]>();
  for (const rv of reviews) {
    if (!isOpen(rv) || !rv.patientId) continue;
    open.set(rv.patientId, [...(open.get(rv.patientId) ?? []), rv]);
  }
  const requested: QueueEntry[] = [...open.entries()].map(([patientId, list]) => {
    const requests = [...list].sort((a, b) => (a.requestedOn ?? '').localeCompare(b.requestedOn ?? ''));
    const patient = byId.get(patientId) ?? null;
    const requester = requests[0];
    return {
      patientId,
      name: shownName(patient?.name ?? requester.patientName, patientId),
      prescriber: patient?.prescriber ?? { key: requester.requesterRef ?? `display:${requester.requester ?? ''}`, display: requester.requester ?? 'No prescriber recorded' },
      requests,
      reasons: [...requests.map(requestReason), ...(patient ? queueReasons(patient, policy, asOf) : [])],
      patient,
    };
  });
  requested.sort((a, b) => (a.requests[0].requestedOn ?? '').localeCompare(b.requests[0].requestedOn ?? '') || a.name.localeCompare(b.name));
  const listed: QueueEntry[] = [];
  for (const p of patients) {
    if (open.has(p.patientId)) continue;
    const reasons = queueReasons(p, policy, asOf);
    if (reasons.length) listed.push({ patientId: p.patientId, name: shownName(p.name, p.patientId), prescriber: p.prescriber, requests: [], reasons, patient: p });
  }
  listed.sort((a, b) => (TIER_RANK[a.patient!.tier] ?? 9) - (TIER_RANK[b.patient!.tier] ?? 9) || b.reasons.length - a.reasons.length || a.name.localeCompare(b.name));
  return [...requested, ...listed];
}

/** The prescribers in the queue, for the filter (with how many patients each). */
export function queuePrescribers(entries: readonly QueueEntry[]): { key: string; display: string; count: number }[] {
  const m = new Map<string, { key: string; display: string; count: number }>();
  for (const e of entries) {
    const x = m.get(e.prescriber.key) ?? { ...e.prescriber, count: 0 };
    x.count += 1;
    m.set(e.prescriber.key, x);
  }
  return [...m.values()].sort((a, b) => a.display.localeCompare(b.display));
}

export function filterQueue(entries: readonly QueueEntry[], prescriberKey: string | null): QueueEntry[] {
  return prescriberKey ? entries.filter((e) => e.prescriber.key === prescriberKey) : [...entries];
}
