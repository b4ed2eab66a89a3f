/**
 * A refill request between visits (Six Building Blocks: pre-refill planning; an opioid refill workflow): the last
 * fill and when the supply runs out, whether the request is early, what the clinic policy wants done before this
 * refill, the MME after the refill (the current regimen continued), and any pace flag — in one answer a nurse or
 * medical assistant can act on and copy to the refill encounter.
 */
import { daysBetween } from '../dates.ts';
import type { Policy } from '../policy/types.ts';
import type { IsoDate, MonitoringItem, PanelSummary } from '../types.ts';

export interface RefillCheck {
  asOf: IsoDate;
  /** The opioid products the refill continues. */
  products: string[];
  lastFill: IsoDate | null;
  supplyEnds: IsoDate | null;
  daysLeft: number | null;
  /** Early when more than the policy's share of the supply is left (e.g. 25% of 30 days = 8 days or more). */
  early: { early: boolean; why: string } | null;
  /** What the policy wants done before this refill, each item with its status. */
  before: { item: MonitoringItem['item']; label: string; status: MonitoringItem['status']; needed: boolean; text: string }[];
  /** MME/day if the refill continues the current regimen ("at least" when incomplete; null: could not compute). */
  mmeAfter: { value: number | null; complete: boolean };
  flags: { code: string; detail: string }[];
  /** Why a refill cannot be judged here (no current opioid, tier not applicable). */
  notApplicable: string | null;
}

const BEFORE_REFILL: { item: MonitoringItem['item']; label: string }[] = [
  { item: 'pdmp', label: 'PDMP check' },
  { item: 'udt', label: 'Urine drug test' },
  { item: 'agreement', label: 'Patient agreement' },
  { item: 'naloxone', label: 'Naloxone' },
];
const NEEDED = new Set<MonitoringItem['status']>(['overdue', 'never-done', 'due-soon', 'unavailable']);

export function refillCheck(s: PanelSummary, policy: Policy): RefillCheck {
  const c = s.course;
  const products = [...new Set(s.mme.orders.filter((o) => o.status === 'counted' || o.status === 'unknown').map((o) => o.medication))];
  const lastFill = c?.lastFill?.date ?? null;
  const supplyEnds = c?.supplyEnds ?? null;
  const daysLeft = supplyEnds ? daysBetween(s.asOf, supplyEnds) : null;
  const share = policy.course.earlyRefillShare.value;
  let early: RefillCheck['early'] = null;
  const lastSupplyDays = c?.lastFill?.daysSupply ?? null;
  if (daysLeft !== null && lastSupplyDays) {
    const left = Math.max(0, daysLeft) / lastSupplyDays;
    early = left > 1 - share
      ? { early: true, why: `${daysLeft} of ${lastSupplyDays} days' supply left (${Math.round(left * 100)}%): earlier than your clinic's policy (a refill after ${Math.round(share * 100)}% of the supply is used)` }
      : { early: false, why: daysLeft < 0 ? `the supply ran out ${-daysLeft} days ago` : `${daysLeft} days' supply left` };
  } else if (daysLeft !== null) {
    early = { early: daysLeft > 7, why: daysLeft < 0 ? `the supply ran out ${-daysLeft} days ago` : `${daysLeft} days' supply left` };
  }
  const before = BEFORE_REFILL.flatMap(({ item, label }) => {
    const m = s.monitoring.find((x) => x.item === item);
    if (!m || m.status === 'not-applicable') return [];
    const needed = NEEDED.has(m.status);
    const text = m.status === 'unavailable' ? 'could not check — check by hand before the refill' : needed ? (m.lastDate ? `due (last ${m.lastDate})` : 'never done — do before the refill') : `up to date${m.lastDate ? ` (last ${m.lastDate})` : ''}`;
    return [{ item, label, status: m.status, needed, text }];
  });
  const notApplicable = products.length === 0 ? 'no current opioid order or fill' : s.risk.tier === 'not-applicable' ? s.risk.reasons.map((r) => r.text).join('; ') : null;
  return {
    asOf: s.asOf,
    products,
    lastFill,
    supplyEnds,
    daysLeft,
    early,
    before,
    mmeAfter: { value: s.mme.complete ? s.mme.totalPerDay : s.mme.atLeast > 0 ? s.mme.atLeast : null, complete: s.mme.complete },
    flags: (c?.flags ?? []).filter((f) => daysBetween(f.date, s.asOf) <= 180).map((f) => ({ code: f.code, detail: f.detail })),
    notApplicable,
  };
}

/** The refill check as plain text for the refill encounter. */
export function refillNote(r: RefillCheck): string {
  const d = (x: string | null) => (x ? `${x.slice(5, 7)}/${x.slice(8, 10)}/${x.slice(0, 4)}` : 'unknown');
  const lines = [`Refill request review (${d(r.asOf)})`];
  if (r.notApplicable) return [...lines, `Not a long-term opioid refill: ${r.notApplicable}.`].join('\n');
  lines.push(`Medication: ${r.products.join('; ')}`);
  lines.push(`Last fill: ${d(r.lastFill)}; supply runs out: ${d(r.supplyEnds)}${r.daysLeft !== null ? ` (${r.daysLeft} days left)` : ''}`);
  if (r.early) lines.push(`${r.early.early ? 'Early request' : 'On time'}: ${r.early.why}`);
  lines.push(`MME after refill: ${r.mmeAfter.value === null ? 'could not compute — verify the dose' : `${r.mmeAfter.complete ? '' : 'at least '}${Math.round(r.mmeAfter.value * 10) / 10} MME/day`}`);
  lines.push('Before this refill:');
  for (const b of r.before) lines.push(`- ${b.label}: ${b.text}`);
  if (r.flags.length) {
    lines.push('To review:');
    for (const f of r.flags) lines.push(`- ${f.detail}`);
  }
  return lines.join('\n');
}
