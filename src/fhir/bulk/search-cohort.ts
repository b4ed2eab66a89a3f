/**
 * Cohort by searches, for servers without $export: MedicationRequest by status and the opioid code
 * list (chunked so URLs stay short, every page followed), then each patient's record with bounded
 * concurrency. A failed search marks its source unavailable for that patient (never "nothing due").
 */
import type { Bundle, MedicationRequest, Resource } from 'fhir/r4';
import type { LoadStatus, SourceKey } from '../../clinical/types.ts';
import { patientIdFromReference } from '../../registry/patient-key.ts';
import type { FetchLike } from './client.ts';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

/** Resource types read per patient, and the engine sources each one feeds. */
export const PATIENT_SEARCHES: readonly { type: string; sources: SourceKey[] }[] = [
  { type: 'MedicationRequest', sources: ['medications'] },
  { type: 'Observation', sources: ['surveys', 'pdmp', 'agreement', 'udt'] },
  { type: 'Condition', sources: ['conditions'] },
  { type: 'Procedure', sources: ['procedures'] },
  { type: 'DocumentReference', sources: ['documents'] },
  { type: 'MedicationDispense', sources: ['dispenses'] },
  { type: 'MedicationStatement', sources: ['statements'] },
  { type: 'QuestionnaireResponse', sources: ['questionnaires'] },
  { type: 'ServiceRequest', sources: ['referrals'] },
  { type: 'Appointment', sources: [] },
];

/** Every resource of a search, following `next` links (max pages as a guard). */
export async function searchAll(fetchFn: FetchLike, url: string, signal?: AbortSignal, maxPages = 200): Promise<Resource[]> {
  const out: Resource[] = [];
  let next: string | undefined = url;
  for (let page = 0; next && page < maxPages; page++) {
    const res = await fetchFn(next, { headers: { Accept: 'application/fhir+json' }, signal });
    if (!res.ok) throw new Error(`HTTP ${res.status} for ${next.split('?')[0]}`);
    const bundle = (await res.json()) as Bundle;
    for (const e of bundle.entry ?? []) if (e.resource && e.search?.mode !== 'outcome') out.push(e.resource);
    next = bundle.link?.find((l) => l.relation === 'next')?.url;
  }
  return out;
}

/** Patient ids with an active order among `codes` (RxNorm), chunk by chunk. */
export async function cohortPatientIds(
  fetchFn: FetchLike, base: string, codes: readonly string[], signal?: AbortSignal, chunk = 80,
): Promise<string[]> {
  const ids = new Set<string>();
  for (let i = 0; i < codes.length; i += chunk) {
    const list = codes.slice(i, i + chunk).map((c) => `${RXNORM}|${c}`).join(',');
    const url = `${base}/MedicationRequest?status=active&code=${encodeURIComponent(list)}&_count=200`;
    for (const r of await searchAll(fetchFn, url, signal)) {
      const id = patientIdFromReference((r as { subject?: { reference?: string } }).subject?.reference);
      if (id) ids.add(id);
    }
  }
  return [...ids].sort();
}

export interface RecordOptions {
  signal?: AbortSignal;
  /** `_include` values the server lists for MedicationRequest (CapabilityStatement searchInclude). */
  includes?: readonly string[];
  /** Practitioner reads shared across patients (each prescriber read once). */
  practitioners?: Map<string, Promise<Resource | null>>;
  /** Appointments feed only pre-visit planning (no engine source): their failure is reported separately. */
  onAppointmentsUnreadable?: () => void;
}

const WANTED_INCLUDES = ['MedicationRequest:medication', 'MedicationRequest:requester'];

/** One patient's record and its load status; prescribers not included by the server are read once each. */
export async function readPatientRecord(
  fetchFn: FetchLike, base: string, patientId: string, o: RecordOptions = {},
): Promise<{ resources: Resource[]; loadStatus: LoadStatus }> {
  const { signal } = o;
  const loadStatus: LoadStatus = {};
  const resources: Resource[] = [];
  const id = encodeURIComponent(patientId);
  const include = WANTED_INCLUDES.filter((i) => o.includes?.includes(i)).map((i) => `&_include=${i}`).join('');
  const patient = await fetchFn(`${base}/Patient/${id}`, { headers: { Accept: 'application/fhir+json' }, signal });
  if (patient.ok) resources.push((await patient.json()) as Resource);
  else loadStatus.patient = { state: 'unavailable', reason: `Patient read failed (HTTP ${patient.status})` };
  await Promise.all(PATIENT_SEARCHES.map(async ({ type, sources }) => {
    try {
      const extra = type === 'MedicationRequest' ? include : '';
      resources.push(...(await searchAll(fetchFn, `${base}/${type}?patient=${id}&_count=200${extra}`, signal)));
    } catch (e) {
      if (signal?.aborted) throw e;
      for (const s of sources) loadStatus[s] = { state: 'unavailable', reason: `${type} search failed: ${(e as Error).message}` };
      if (type === 'Appointment') o.onAppointmentsUnreadable?.();
    }
  }));
  resources.push(...(await missingPrescribers(fetchFn, base, resources, o)));
  return { resources, loadStatus };
}

async function missingPrescribers(fetchFn: FetchLike, base: string, resources: Resource[], o: RecordOptions): Promise<Resource[]> {
  const have = new Set(resources.map((r) => `${r.resourceType}/${r.id}`));
  const refs = new Set(resources.flatMap((r) => {
    const ref = r.resourceType === 'MedicationRequest' ? (r as MedicationRequest).requester?.reference : undefined;
    return ref && /^Practitioner\/[A-Za-z0-9\-.]{1,64}$/.test(ref) && !have.has(ref) ? [ref] : [];
  }));
  const cache = o.practitioners ?? new Map<string, Promise<Resource | null>>();
  const found = await Promise.all([...refs].map((ref) => {
    let p = cache.get(ref);
    if (!p) {
      p = fetchFn(`${base}/${ref}`, { headers: { Accept: 'application/fhir+json' }, signal: o.signal })
        .then(async (res) => (res.ok ? ((await res.json()) as Resource) : null), () => null); // name missing: the table shows the reference
      cache.set(ref, p);
    }
    return p;
  }));
  return found.filter((r): r is Resource => r !== null);
}

/** Runs `work` over items with at most `limit` in flight, in order of start. */
export async function mapBounded<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}
