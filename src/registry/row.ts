/**
 * One registry row from a patient's summary: the columns of the table, the CSV and the huddle sheet.
 */
import { displayStatus } from '../clinical/monitoring/display-status.ts';
import type { Patient } from 'fhir/r4';
import { addDays } from '../clinical/dates.ts';
import type { MonitoringItemId, PanelSummary } from '../clinical/types.ts';
import { reviewFactsOf } from '../clinical/review/facts.ts';
import { cohortOf, hasCurrent } from './cohort.ts';
import type { CohortKind, MonitoringCell, Prescriber, RegistryRow } from './types.ts';

export function patientName(patient: Patient | undefined, fallbackId: string): string {
  const n = patient?.name?.find((x) => x.use === 'official') ?? patient?.name?.[0];
  if (!n) return `Patient ${fallbackId}`;
  if (n.text) return n.text;
  const given = (n.given ?? []).join(' ');
  return [n.family, given].filter(Boolean).join(', ') || `Patient ${fallbackId}`;
}

const GAP_STATUSES = new Set(['overdue', 'never-done']);

export function buildRow(
  summary: PanelSummary,
  opts: { patient?: Patient; prescriber: Prescriber; cohort?: CohortKind; appointments?: RegistryRow['appointments'] },
): RegistryRow {
  const patientId = summary.patientId ?? opts.patient?.id ?? 'unknown';
  const monitoring: Partial<Record<MonitoringItemId, MonitoringCell>> = {};
  for (const m of summary.monitoring) {
    monitoring[m.item] = { status: m.status, dueDate: m.dueDate, lastDate: m.lastDate, shown: displayStatus(m, summary.asOf) };
  }
  const naloxone = monitoring.naloxone;
  const last = summary.peg.entries.at(-1);
  return {
    patientId,
    name: patientName(opts.patient, patientId),
    birthDate: opts.patient?.birthDate ?? null,
    cohort: opts.cohort ?? cohortOf(summary) ?? 'opioid',
    prescriber: opts.prescriber,
    // Incomplete: the engine's lower bound ("at least"), so no filter or measure reads an unknown dose as low.
    mme: summary.mme.complete || !(summary.mme.atLeast > 0) ? summary.mme.totalPerDay : Math.max(summary.mme.atLeast, summary.mme.totalPerDay ?? 0),
    mmeComplete: summary.mme.complete,
    tier: summary.risk.tier,
    topReason: summary.risk.reasons[0]?.text ?? '',
    monitoring,
    benzoOverlap: hasCurrent(summary, 'benzodiazepine'),
    naloxoneGap: naloxone ? GAP_STATUSES.has(naloxone.status) : false,
    lastPeg: last ? { date: last.date, mean: last.mean, changeFromBaselinePct: last.changeFromBaselinePct } : null,
    alerts: summary.alerts,
    ...(opts.appointments?.length ? { appointments: opts.appointments } : {}),
    ...(summary.course ? courseCells(summary.course, summary.asOf) : {}),
    review: reviewFactsOf(summary),
  };
}

/** The course columns: MME 90 days ago (from the dose history), course flags, supply end, prescribers. */
function courseCells(c: NonNullable<PanelSummary['course']>, asOf: string): Pick<RegistryRow, 'mme90DaysAgo' | 'courseFlags' | 'supplyEnds' | 'daysLeft' | 'prescriberCount'> {
  const then = addDays(asOf, -90);
  const segment = c.history.find((s) => s.from <= then && s.to >= then);
  return {
    mme90DaysAgo: segment ? segment.mmePerDay : null,
    courseFlags: [...new Set(c.flags.map((f) => f.code))],
    supplyEnds: c.supplyEnds,
    daysLeft: c.daysLeft,
    prescriberCount: c.prescribers.count,
  };
}

/** "≥ 60" when incomplete, "60", or "could not compute". Decimals kept to one place. */
export function formatMme(row: Pick<RegistryRow, 'mme' | 'mmeComplete'>): string {
  if (row.mme === null) return 'could not compute';
  const v = Math.round(row.mme * 10) / 10;
  return row.mmeComplete ? `${v}` : `at least ${v}`;
}
