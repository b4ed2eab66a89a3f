/**
 * The plain-text summary pasted into the visit note: MME with its arithmetic, the tier with its reasons,
 * what is due and what was done today. Pure: the same summary always gives the same text.
 * @example buildNoteText(summary) // "Pain care panel summary as of 03/07/2025\n\nMME: 30 MME/day ..."
 */
import type { MonitoringItem, PanelSummary } from '../clinical/types.ts';
import { formatDate, formatPeg, usDates } from './format.ts';
import { EDITION_LABEL, ITEM_LABEL, ITEM_ORDER, STATUS_LABEL, TIER_LABEL } from './labels.ts';
import { mmeHeadline } from './mme-text.ts';

const NEEDS_ACTION = new Set(['overdue', 'due-soon', 'never-done', 'unavailable']);

/** Excluded orders beyond this many (e.g. a year of past monthly fills) are summed up in one line. */
const EXCLUDED_LISTED = 3;

function mmeLines(s: PanelSummary): string[] {
  const lines = [`MME: ${mmeHeadline(s.mme)} (${EDITION_LABEL[s.mme.edition] ?? s.mme.edition})`];
  for (const o of s.mme.orders) {
    if (o.status === 'counted') lines.push(`- ${o.medication}: ${o.derivation}`);
    if (o.status === 'unknown') lines.push(`- ${o.medication}: could not be converted — ${o.reason}`);
  }
  const excluded = s.mme.orders.filter((o) => o.status === 'excluded');
  for (const o of excluded.slice(0, EXCLUDED_LISTED)) lines.push(`- ${o.medication}: not counted — ${o.reason}`);
  if (excluded.length > EXCLUDED_LISTED) lines.push(`- and ${excluded.length - EXCLUDED_LISTED} more orders not counted (listed in the panel)`);
  return lines;
}

function riskLines(s: PanelSummary): string[] {
  return [`Risk tier: ${TIER_LABEL[s.risk.tier]}`, ...s.risk.reasons.map((r) => `- ${r.text} (${r.source})`)];
}

function itemLine(item: MonitoringItem): string {
  const last = item.lastDate ? `last ${formatDate(item.lastDate)}` : 'none on file';
  const due = item.dueDate ? `; due ${formatDate(item.dueDate)}` : '';
  const why = item.status === 'unavailable' ? ` — ${item.reason}` : '';
  return `- ${ITEM_LABEL[item.item]}: ${STATUS_LABEL[item.status]} (${last}${due})${why}`;
}

function byRoomingOrder(a: MonitoringItem, b: MonitoringItem) {
  return ITEM_ORDER.indexOf(a.item) - ITEM_ORDER.indexOf(b.item);
}

function dueLines(s: PanelSummary): string[] {
  const due = s.monitoring.filter((m) => NEEDS_ACTION.has(m.status)).sort(byRoomingOrder);
  return ['Due or could not check:', ...(due.length ? due.map(itemLine) : ['- nothing due'])];
}

function doneTodayLines(s: PanelSummary): string[] {
  const done: string[] = [];
  const peg = s.peg.entries.filter((e) => e.date === s.asOf).at(-1);
  if (peg) done.push(`- PEG ${formatPeg(peg.mean)} (pain ${peg.pain ?? '?'}, enjoyment ${peg.enjoyment ?? '?'}, activity ${peg.activity ?? '?'})`);
  for (const m of [...s.monitoring].sort(byRoomingOrder)) {
    if (m.lastDate === s.asOf && m.item !== 'peg') done.push(`- ${ITEM_LABEL[m.item]}${m.lastValue ? `: ${m.lastValue}` : ''}`);
  }
  return ['Done today:', ...(done.length ? done : ['- nothing recorded yet today'])];
}

export function buildNoteText(s: PanelSummary): string {
  const blocks = [
    [`Pain care panel summary as of ${formatDate(s.asOf)}`],
    mmeLines(s),
    riskLines(s),
    dueLines(s),
    doneTodayLines(s),
  ];
  if (s.alerts.length) blocks.push(['Alerts:', ...s.alerts.map((a) => `- ${a}`)]);
  return usDates(blocks.map((b) => b.join('\n')).join('\n\n'));
}
