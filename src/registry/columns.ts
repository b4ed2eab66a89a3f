/**
 * The registry table's columns, shared by the on-screen table and the CSV export so they match.
 */
import type { MonitoringItemId } from '../clinical/types.ts';
import { csvLine } from './csv.ts';
import { formatMme } from './row.ts';
import type { RegistryRow } from './types.ts';

export interface RegistryColumn {
  id: string;
  header: string;
  value: (row: RegistryRow) => string;
  /** Sort key (defaults to value). */
  sortKey?: (row: RegistryRow) => string | number;
}

export const MONITORING_ITEMS: readonly { item: MonitoringItemId; label: string }[] = [
  { item: 'pdmp', label: 'PDMP' },
  { item: 'udt', label: 'UDT' },
  { item: 'agreement', label: 'Agreement' },
  { item: 'peg', label: 'PEG' },
  { item: 'phq9', label: 'PHQ-9' },
  { item: 'ort', label: 'ORT' },
  { item: 'naloxone', label: 'Naloxone' },
];

export const STATUS_TEXT: Record<string, string> = {
  overdue: 'overdue',
  'due-soon': 'due soon',
  'due-today': 'due today',
  'up-to-date': 'up to date',
  'never-done': 'never done',
  'not-applicable': 'not applicable',
  unavailable: 'could not check',
};

/** Course flags in words (no codes on screen or in the CSV). */
export const COURSE_FLAG_TEXT: Record<string, string> = {
  'taper-faster-than-policy': 'taper faster than policy',
  'abrupt-stop': 'stopped without a taper',
  'dose-escalation': 'dose increase to review',
  'early-refill': 'early refill',
  'overlapping-supply': 'overlapping supplies',
  'multiple-prescribers': 'multiple prescribers',
};

const TIER_RANK: Record<string, number> = { high: 0, unknown: 1, moderate: 2, low: 3, 'not-applicable': 4 };

/** "−25%" with a real minus sign (U+2212): readable, and a spreadsheet never takes it for a formula. */
function pct(v: number | null): string {
  if (v === null) return '';
  const r = Math.round(v);
  return r < 0 ? `\u2212${-r}%` : r > 0 ? `${r}% higher` : '0%';
}

export const REGISTRY_COLUMNS: readonly RegistryColumn[] = [
  { id: 'name', header: 'Patient', value: (r) => r.name },
  { id: 'patientId', header: 'Patient ID', value: (r) => r.patientId },
  { id: 'prescriber', header: 'Prescriber', value: (r) => r.prescriber.display },
  { id: 'mme', header: 'MME/day', value: formatMme, sortKey: (r) => r.mme ?? Number.POSITIVE_INFINITY },
  { id: 'tier', header: 'Tier', value: (r) => r.tier, sortKey: (r) => TIER_RANK[r.tier] ?? 9 },
  { id: 'topReason', header: 'Top reason', value: (r) => r.topReason },
  ...MONITORING_ITEMS.flatMap(({ item, label }): RegistryColumn[] => [
    { id: `${item}Status`, header: `${label} status`, value: (r) => { const cell = r.monitoring[item]; return STATUS_TEXT[cell?.shown ?? cell?.status ?? ''] ?? ''; } },
    { id: `${item}Due`, header: `${label} due`, value: (r) => r.monitoring[item]?.dueDate ?? '' },
  ]),
  { id: 'benzo', header: 'Benzodiazepine overlap', value: (r) => (r.benzoOverlap ? 'yes' : 'no') },
  { id: 'naloxoneGap', header: 'Naloxone gap', value: (r) => (r.naloxoneGap ? 'yes' : 'no') },
  { id: 'lastPeg', header: 'Last PEG', value: (r) => (r.lastPeg ? String(Math.round(r.lastPeg.mean * 10) / 10) : '') },
  { id: 'lastPegDate', header: 'Last PEG date', value: (r) => r.lastPeg?.date ?? '' },
  { id: 'pegChange', header: 'PEG change from baseline', value: (r) => pct(r.lastPeg?.changeFromBaselinePct ?? null),
    sortKey: (r) => r.lastPeg?.changeFromBaselinePct ?? Number.POSITIVE_INFINITY },
  { id: 'mme90', header: 'MME/day 90 days ago', value: (r) => (r.mme90DaysAgo === undefined || r.mme90DaysAgo === null ? '' : `${Math.round(r.mme90DaysAgo * 10) / 10}`),
    sortKey: (r) => r.mme90DaysAgo ?? Number.POSITIVE_INFINITY },
  { id: 'courseFlags', header: 'Course flags', value: (r) => (r.courseFlags ?? []).map((f) => COURSE_FLAG_TEXT[f] ?? f).join('; ') },
  { id: 'supplyEnds', header: 'Supply runs out', value: (r) => r.supplyEnds ?? '', sortKey: (r) => r.supplyEnds ?? '9999' },
  { id: 'prescribers', header: 'Opioid prescribers (180 days)', value: (r) => (r.prescriberCount === undefined ? '' : String(r.prescriberCount)), sortKey: (r) => r.prescriberCount ?? 0 },
];

export function csvHeader(): string {
  return csvLine(REGISTRY_COLUMNS.map((c) => c.header));
}

export function csvRow(row: RegistryRow): string {
  return csvLine(REGISTRY_COLUMNS.map((c) => c.value(row)));
}

/** The whole export (header + rows), as shown in the table. */
export function registryCsv(rows: readonly RegistryRow[]): string {
  return csvHeader() + rows.map(csvRow).join('');
}
