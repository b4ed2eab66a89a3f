/**
 * Does the server offer Bulk Data $export? Read from its CapabilityStatement: a system-level or
 * Group/Patient operation named "export", or the Bulk Data CapabilityStatement in instantiates.
 */
import type { CapabilityStatement } from 'fhir/r4';

export type ExportLevel = 'system' | 'group' | 'patient';

export function exportLevels(cs: CapabilityStatement | null | undefined): ExportLevel[] {
  if (!cs) return [];
  const levels = new Set<ExportLevel>();
  const isExport = (o: { name?: string; definition?: string }) => o.name === 'export' || /\/export$/.test(o.definition ?? '');
  for (const rest of cs.rest ?? []) {
    if ((rest.operation ?? []).some(isExport)) levels.add('system');
    for (const r of rest.resource ?? []) {
      if ((r.operation ?? []).some(isExport)) {
        if (r.type === 'Group') levels.add('group');
        if (r.type === 'Patient') levels.add('patient');
      }
    }
  }
  if ((cs.instantiates ?? []).some((u) => u.includes('bulk-data')) && levels.size === 0) levels.add('system');
  return [...levels];
}
