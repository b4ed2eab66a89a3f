/**
 * The plain-text summary pasted into the visit note: MME with its arithmetic, the tier with its reasons, what is
 * due now, what could not be checked, what is due soon, and what was done today. The same status words as the
 * panel; no rule ids, policy paths or record ids (orders are named by date). Pure: same summary, same text.
 * @example buildNoteText(summary) // "Pain care panel summary as of 03/07/2025\n\nMME: 30 MME/day ..."
 */
import type { MmeOrderResult, MonitoringItem, PanelSummary } from '../clinical/types.ts';
import { engineTextFor } from './engine-text.ts';
import { formatDate, formatPeg, plural } from './format.ts';
import { groupBy, productKey } from './grouping.ts';
import { DUE_NOW, EDITION_LABEL, ITEM_LABEL, ITEM_ORDER, STATUS_LABEL, TIER_LABEL, displayStatus } from './labels.ts';
import { mmeHeadline } from './mme-text.ts';

type Text = (s: string) => string;

function mmeLines(s: PanelSummary, et: Text): string[] {
  const lines = [`MME: ${mmeHeadline(s.mme)} (${EDITION_LABEL[s.mme.edition] ?? s.mme.edition})`];
  for (const o of s.mme.orders) {
    if (o.status === 'counted') lines.push(`- ${o.medication}: ${et(o.derivation)}`);
    if (o.status === 'unknown') lines.push(`- ${o.medication}: could not be converted — ${et(o.reason)}`);
  }
  // Orders not counted, one line per product (a year of monthly fills is one line).
  const excluded = s.mme.orders.filter((o) => o.status === 'excluded');
  for (const g of groupBy<MmeOrderResult>(excluded, (o) => productKey(o.medication), (o) => o.authoredOn)) {
    const more = g.items.length > 1 ? ` (${plural(g.items.length, 'order')})` : '';
    lines.push(`- ${g.latest.medication}: not counted — ${et(g.latest.reason)}${more}`);
  }
  return lines;
}

function riskLines(s: PanelSummary, et: Text): string[] {
  return [`Risk tier: ${TIER_LABEL[s.risk.tier]}`, ...s.risk.reasons.map((r) => `- ${et(r.text)}`)];
}

const byRoomingOrder = (a: MonitoringItem, b: MonitoringItem) => ITEM_ORDER.indexOf(a.item) - ITEM_ORDER.indexOf(b.item);

function itemLine(item: MonitoringItem, s: PanelSummary, et: Text): string {
  const status = displayStatus(item, s.asOf);
  const last = item.lastDate ? `last ${formatDate(item.lastDate)}` : 'none on file';
  const due = item.dueDate && status !== 'never-done' ? `; due ${formatDate(item.dueDate)}` : '';
  const why = status === 'unavailable' ? ` — ${et(item.reason)}` : '';
  return `- ${ITEM_LABEL[item.item]}: ${STATUS_LABEL[status]} (${last}${due})${why}`;
}

function dueLines(s: PanelSummary, et: Text): string[] {
  const items = [...s.monitoring].sort(byRoomingOrder);
  const status = (m: MonitoringItem) => displayStatus(m, s.asOf);
  const now = items.filter((m) => DUE_NOW.has(status(m)));
  const unknown = items.filter((m) => status(m) === 'unavailable');
  const soon = items.filter((m) => status(m) === 'due-soon');
  const lines = ['Due now:', ...(now.length ? now.map((m) => itemLine(m, s, et)) : ['- nothing due now'])];
  if (unknown.length) lines.push('Could not check (check by hand):', ...unknown.map((m) => itemLine(m, s, et)));
  if (soon.length) lines.push('Due soon:', ...soon.map((m) => itemLine(m, s, et)));
  return lines;
}

function doneTodayLines(s: PanelSummary, et: Text): string[] {
  const done: string[] = [];
  const peg = s.peg.entries.filter((e) => e.date === s.asOf).at(-1);
  if (peg) done.push(`- PEG ${formatPeg(peg.mean)} (pain ${peg.pain ?? '?'}, enjoyment ${peg.enjoyment ?? '?'}, activity ${peg.activity ?? '?'})`);
  for (const m of [...s.monitoring].sort(byRoomingOrder)) {
    if (m.lastDate === s.asOf && m.item !== 'peg') done.push(`- ${ITEM_LABEL[m.item]}${m.lastValue ? `: ${et(m.lastValue)}` : ''}`);
  }
  return ['Done today:', ...(done.length ? done : ['- nothing recorded yet today'])];
}

/** The course in the note: supply, and the pace flags in review words. */
function courseLines(s: PanelSummary, et: Text): string[] {
  const c = s.course;
  if (!c || (!c.flags.length && !c.supplyEnds)) return [];
  const lines = ['Opioid course:'];
  if (c.start) lines.push(`- ${c.startKnown ? 'Started' : 'Started on or before'} ${formatDate(c.start)}${c.days !== null ? `, ${c.days} days` : ''}${c.longTerm ? ' (long-term)' : ''}`);
  if (c.supplyEnds) lines.push(`- Supply runs out ${formatDate(c.supplyEnds)}`);
  for (const f of c.flags) lines.push(`- ${et(f.detail)} (${formatDate(f.date)})`);
  return lines;
}

/** Non-opioid pain care in the note (what is current or was tried; non-drug therapies). */
function careLines(s: PanelSummary): string[] {
  const care = s.nonOpioidCare;
  if (!care || (care.medications.length === 0 && care.therapies.length === 0)) return [];
  return [
    'Non-opioid pain care:',
    ...care.medications.map((m) => `- ${m.display}: ${m.detail}${m.current ? ', current' : `, last ${formatDate(m.date)}`}`),
    ...care.therapies.map((t) => `- ${t.therapy}: ${t.display}${t.date ? ` (${formatDate(t.date)})` : ''}`),
  ];
}

export function buildNoteText(s: PanelSummary): string {
  const et = engineTextFor(s);
  const blocks = [
    [`Pain care panel summary as of ${formatDate(s.asOf)}`],
    mmeLines(s, et),
    riskLines(s, et),
    dueLines(s, et),
    doneTodayLines(s, et),
    courseLines(s, et),
    careLines(s),
  ].filter((b) => b.length > 0);
  if (s.alerts.length) blocks.push(['Alerts:', ...s.alerts.map((a) => `- ${et(a)}`)]);
  return blocks.map((b) => b.join('\n')).join('\n\n');
}
