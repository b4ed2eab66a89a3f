/**
 * Where the registry's patients come from: Bulk Data $export when the CapabilityStatement offers
 * it, else searches. Hands each patient's resources to `onPatient` (the worker summarizes them).
 */
import type { CapabilityStatement, MedicationRequest, Resource } from 'fhir/r4';
import type { LoadStatus } from '../../clinical/types.ts';
import { patientKeyOf } from '../../registry/patient-key.ts';
import { exportLevels } from './capability.ts';
import type { FetchLike } from './client.ts';
import { runBulkExport } from './export.ts';
import { cohortPatientIds, mapBounded, PATIENT_SEARCHES, readPatientRecord } from './search-cohort.ts';

export interface CohortSourceOptions {
  fhirBase: string;
  fetch: FetchLike;
  /** RxNorm codes of opioid analgesics and MOUD (the search fallback's cohort query). */
  opioidCodes: readonly string[];
  signal?: AbortSignal;
  concurrency?: number;
  onProgress: (text: string, done?: number, total?: number) => void;
  onPatient: (patientId: string, resources: Resource[], loadStatus: LoadStatus) => void;
  /** Shared resources (Practitioner, Medication) by "Type/id". */
  onShared?: (resource: Resource) => void;
}

export const EXPORT_TYPES = ['Patient', ...PATIENT_SEARCHES.map((s) => s.type), 'Practitioner', 'Medication'];

export interface CohortResult {
  mode: 'bulk' | 'search';
  patients: number;
  /** Limits the view must show (e.g. appointments that could not be read). */
  notes: string[];
}

export async function loadCohort(o: CohortSourceOptions): Promise<CohortResult> {
  const base = o.fhirBase.replace(/\/$/, '');
  let cs: CapabilityStatement | null = null;
  try {
    const res = await o.fetch(`${base}/metadata`, { headers: { Accept: 'application/fhir+json' }, signal: o.signal });
    if (res.ok) cs = (await res.json()) as CapabilityStatement;
  } catch (e) {
    if (o.signal?.aborted) throw e;
  }
  const levels = exportLevels(cs);
  const level = levels.includes('system') ? 'system' : levels.includes('patient') ? 'patient' : null;
  if (level) {
    o.onProgress('Bulk export started');
    const groups = new Map<string, Resource[]>();
    const shared = new Set<string>();
    await runBulkExport(o.fetch, {
      fhirBase: base, level, types: level === 'system' ? EXPORT_TYPES : EXPORT_TYPES.filter((t) => t !== 'Practitioner' && t !== 'Medication'),
      signal: o.signal, onProgress: (t) => o.onProgress(t),
      onResource: (r) => {
        const res = r as Resource;
        const pid = patientKeyOf(res);
        if (!pid) {
          shared.add(`${res.resourceType}/${res.id}`);
          return o.onShared?.(res);
        }
        let g = groups.get(pid);
        if (!g) groups.set(pid, (g = []));
        g.push(res);
      },
    });
    await readPrescribers(o, base, groups, shared);
    let done = 0;
    for (const [pid, resources] of groups) {
      o.onPatient(pid, resources, {});
      o.onProgress('Summarizing', ++done, groups.size);
    }
    return { mode: 'bulk', patients: groups.size, notes: [] };
  }
  o.onProgress('Finding patients with an active opioid order');
  const ids = await cohortPatientIds(o.fetch, base, o.opioidCodes, o.signal);
  let done = 0;
  const includes = cs?.rest?.[0]?.resource?.find((r) => r.type === 'MedicationRequest')?.searchInclude ?? [];
  const practitioners = new Map<string, Promise<Resource | null>>();
  let noAppointments = 0;
  await mapBounded(ids, o.concurrency ?? 4, async (pid) => {
    const { resources, loadStatus } = await readPatientRecord(o.fetch, base, pid, {
      signal: o.signal, includes, practitioners, onAppointmentsUnreadable: () => void (noAppointments += 1),
    });
    o.onPatient(pid, resources, loadStatus);
    o.onProgress('Reading patient records', ++done, ids.length);
  });
  const notes = noAppointments ? [`Appointments could not be read for ${noAppointments} of ${ids.length} patients: the huddle sheet may miss them.`] : [];
  return { mode: 'search', patients: ids.length, notes };
}

/** Patient-level exports carry no Practitioner: read each prescriber named by a requester once (names for the table). */
async function readPrescribers(o: CohortSourceOptions, base: string, groups: Map<string, Resource[]>, shared: Set<string>): Promise<void> {
  const wanted = new Set<string>();
  for (const list of groups.values()) {
    for (const r of list) {
      const ref = r.resourceType === 'MedicationRequest' ? (r as MedicationRequest).requester?.reference : undefined;
      if (ref && /^Practitioner\/[A-Za-z0-9\-.]{1,64}$/.test(ref) && !shared.has(ref)) wanted.add(ref);
    }
  }
  await mapBounded([...wanted].slice(0, 500), o.concurrency ?? 4, async (ref) => {
    const res = await o.fetch(`${base}/${ref}`, { headers: { Accept: 'application/fhir+json' }, signal: o.signal });
    if (res.ok) o.onShared?.((await res.json()) as Resource); // else the table shows the reference itself
  });
}
