/**
 * The facts the support team's queue rules read, taken from one patient's PanelSummary. Independent of the
 * clinic policy's review settings and of the day the queue is built (the rules apply those), so a registry row
 * can carry them. Everything is copied from the summary with its date; nothing is inferred.
 */
import { CATEGORY_LABEL } from '../conditions/rules.ts';
import type { MonitoringItemId, PanelSummary } from '../types.ts';
import type { ReviewFacts } from './types.ts';

/** The safety monitoring items whose gaps list a patient for the team (visit tasks — PEG, PHQ-9, ORT — do not). */
export const GAP_ITEMS: readonly { item: MonitoringItemId; label: string }[] = [
  { item: 'pdmp', label: 'PDMP check' },
  { item: 'udt', label: 'Urine drug test' },
  { item: 'agreement', label: 'Patient agreement' },
  { item: 'naloxone', label: 'Naloxone' },
];

export function reviewFactsOf(summary: PanelSummary): ReviewFacts {
  const oudMarkers: ReviewFacts['oudMarkers'] = [];
  for (const c of summary.conditions) {
    if (c.category === CATEGORY_LABEL.oud && !c.inRemission) oudMarkers.push({ text: `Opioid use disorder on the problem list: ${c.display}`, date: c.onsetOrRecorded });
    if (c.category === CATEGORY_LABEL.overdose) oudMarkers.push({ text: `Opioid overdose recorded: ${c.display}`, date: c.onsetOrRecorded });
  }
  for (const u of summary.unexpectedUdt) {
    if (u.kind === 'unexpected-positive') oudMarkers.push({ text: `Urine drug test: ${u.text}`, date: u.date });
  }
  const gaps: ReviewFacts['gaps'] = [];
  for (const { item, label } of GAP_ITEMS) {
    const m = summary.monitoring.find((x) => x.item === item);
    if (m && (m.status === 'overdue' || m.status === 'never-done')) gaps.push({ item, label, status: m.status, dueDate: m.dueDate, lastDate: m.lastDate });
  }
  return {
    courseFlags: (summary.course?.flags ?? []).map((f) => ({ code: f.code, date: f.date, detail: f.detail })),
    oudMarkers,
    gaps,
  };
}
