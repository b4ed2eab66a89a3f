/**
 * Registry filters, search and sort (pure: the view holds the chosen ids, these derive the rows).
 */
import { REGISTRY_COLUMNS } from './columns.ts';
import type { RegistryRow } from './types.ts';

export interface RegistryFilter {
  id: string;
  label: string;
  test: (row: RegistryRow) => boolean;
}

const status = (row: RegistryRow, item: keyof RegistryRow['monitoring']) => row.monitoring[item]?.status;
const gap = (s: string | undefined) => s === 'overdue' || s === 'never-done';

export const REGISTRY_FILTERS: readonly RegistryFilter[] = [
  { id: 'udt-overdue', label: 'UDT overdue', test: (r) => gap(status(r, 'udt')) },
  { id: 'pdmp-overdue', label: 'PDMP overdue', test: (r) => gap(status(r, 'pdmp')) },
  { id: 'high-tier', label: 'High tier', test: (r) => r.tier === 'high' },
  { id: 'mme-90', label: 'MME ≥ 90', test: (r) => (r.mme ?? 0) >= 90 },
  { id: 'mme-50', label: 'MME ≥ 50', test: (r) => (r.mme ?? 0) >= 50 },
  { id: 'no-agreement', label: 'No agreement', test: (r) => gap(status(r, 'agreement')) },
  { id: 'benzo', label: 'Benzodiazepine overlap', test: (r) => r.benzoOverlap },
  { id: 'naloxone-gap', label: 'Naloxone gap', test: (r) => r.naloxoneGap },
  { id: 'mme-incomplete', label: 'MME incomplete', test: (r) => !r.mmeComplete },
  { id: 'taper-fast', label: 'Tapering faster than policy', test: (r) => (r.courseFlags ?? []).includes('taper-faster-than-policy') },
  { id: 'runs-out-7', label: 'Runs out within 7 days', test: (r) => r.daysLeft !== undefined && r.daysLeft !== null && r.daysLeft >= 0 && r.daysLeft <= 7 },
  { id: 'multiple-prescribers', label: 'Multiple prescribers', test: (r) => (r.courseFlags ?? []).includes('multiple-prescribers') },
];

/** Rows passing every chosen filter and matching the search text (name, id or prescriber). */
export function filterRows(rows: readonly RegistryRow[], filterIds: readonly string[], search = ''): RegistryRow[] {
  const chosen = REGISTRY_FILTERS.filter((f) => filterIds.includes(f.id));
  const q = search.trim().toLowerCase();
  return rows.filter(
    (r) =>
      chosen.every((f) => f.test(r)) &&
      (!q || r.name.toLowerCase().includes(q) || r.patientId.toLowerCase().includes(q) || r.prescriber.display.toLowerCase().includes(q)),
  );
}

export function sortRows(rows: readonly RegistryRow[], columnId: string, direction: 'asc' | 'desc'): RegistryRow[] {
  const col = REGISTRY_COLUMNS.find((c) => c.id === columnId);
  if (!col) return [...rows];
  const key = col.sortKey ?? col.value;
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : String(ka).localeCompare(String(kb));
    return sign * c || a.name.localeCompare(b.name);
  });
}
