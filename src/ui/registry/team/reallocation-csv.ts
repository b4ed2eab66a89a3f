/** The re-allocation list as CSV (RFC 4180 with the registry's formula-injection guard, src/registry/csv.ts). */
import type { ReallocationRow } from '../../../clinical/review/reallocation.ts';
import { csvLine } from '../../../registry/csv.ts';

const TIER: Record<string, string> = { high: 'high', moderate: 'moderate', low: 'low', unknown: 'unknown', 'not-applicable': 'not in scope' };

export const REALLOCATION_HEADERS = ['Patient', 'Patient ID', 'Tier', 'Top reason', 'MME/day', 'Supply runs out', 'Days left', 'Next appointment', 'Open support team request'] as const;

export function mmeCell(r: Pick<ReallocationRow, 'mme' | 'mmeComplete'>): string {
  if (r.mme === null) return 'could not compute';
  const v = Math.round(r.mme * 10) / 10;
  return r.mmeComplete ? `${v}` : `at least ${v}`;
}

export function reallocationCsv(rows: readonly ReallocationRow[]): string {
  return csvLine(REALLOCATION_HEADERS) + rows.map((r) => csvLine([
    r.name, r.patientId, TIER[r.tier] ?? r.tier, r.topReason, mmeCell(r), r.supplyEnds ?? '', r.daysLeft ?? '', r.nextAppointment ?? '', r.openRequest ? 'yes' : 'no',
  ])).join('');
}

export function downloadText(text: string, fileName: string): void {
  const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "reallocation-dr-priya-raman-2026-03-16.csv". */
export function reallocationFileName(prescriber: string, asOf: string): string {
  const slug = prescriber.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'prescriber';
  return `reallocation-${slug}-${asOf}.csv`;
}
