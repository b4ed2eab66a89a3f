/**
 * Reads the sandbox's data folders: FHIR Bundles of any type (transaction bundles with urn:uuid fullUrls are
 * rewritten to Type/id references), single resources, and NDJSON files. Resources are grouped by patient and
 * each patient's dates are shifted (see date-shift.ts).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, Resource } from 'fhir/r4';
import { shiftDates, shiftDays } from './date-shift.ts';

export interface LoadedData {
  /** Resources without a patient (Practitioner, Organization, Medication...). */
  shared: Resource[];
  /** Patient id → that patient's resources (the Patient itself included), already date-shifted. */
  byPatient: Map<string, Resource[]>;
  warnings: string[];
}

interface Chunk {
  resources: Resource[];
  timestamp?: string;
  file: string;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else if (/\.(json|ndjson)$/i.test(name)) out.push(path);
  }
  return out;
}

let generated = 0;

/** Gives every entry an id and rewrites urn:uuid references to Type/id. */
function fromBundle(bundle: Bundle, file: string): Chunk {
  const urnMap = new Map<string, string>();
  const resources: Resource[] = [];
  for (const e of bundle.entry ?? []) {
    const r = e.resource;
    if (!r || typeof r !== 'object' || !r.resourceType) continue;
    if (r.resourceType === 'OperationOutcome' && !r.id) continue; // Epic search bundles carry id-less outcomes
    const fromUrl = e.request?.url?.match(/^[A-Za-z]+\/([^/?]+)$/)?.[1];
    const id = r.id ?? fromUrl ?? e.fullUrl?.replace(/^urn:uuid:/, '') ?? `gen-${++generated}`;
    const copy = { ...r, id } as Resource;
    if (e.fullUrl) urnMap.set(e.fullUrl, `${r.resourceType}/${id}`);
    resources.push(copy);
  }
  const text = JSON.stringify(resources).replace(/"(urn:uuid:[0-9a-fA-F-]+)"/g, (m, urn) => {
    const target = urnMap.get(urn);
    return target ? `"${target}"` : m;
  });
  return { resources: JSON.parse(text) as Resource[], timestamp: bundle.timestamp, file };
}

function readChunk(file: string): Chunk | string {
  const text = readFileSync(file, 'utf8');
  if (file.toLowerCase().endsWith('.ndjson')) {
    const resources = text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Resource);
    return { resources, file };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return `${file}: not JSON — skipped`;
  }
  const r = json as Resource;
  if (!r || typeof r !== 'object' || typeof r.resourceType !== 'string') return `${file}: not a FHIR resource — skipped`;
  if (r.resourceType === 'Bundle') return fromBundle(r as Bundle, file);
  return { resources: [{ ...r, id: r.id ?? `gen-${++generated}` } as Resource], file };
}

/** The patient a resource belongs to (compartment), from subject/patient/beneficiary references. */
export function patientOf(r: Resource): string | null {
  if (r.resourceType === 'Patient') return r.id ?? null;
  const rec = r as unknown as Record<string, { reference?: string } | undefined>;
  for (const field of ['subject', 'patient', 'beneficiary', 'for']) { // Task.for: the support team's requests
    const ref = rec[field]?.reference;
    const m = typeof ref === 'string' ? /(?:^|\/)Patient\/([^/]+)$/.exec(ref) : null;
    if (m) return m[1];
  }
  return null;
}

export function loadData(dirs: readonly string[], today: string): LoadedData {
  const shared: Resource[] = [];
  const byPatient = new Map<string, Resource[]>();
  const warnings: string[] = [];
  const timestamps = new Map<string, string>();
  for (const dir of dirs) {
    for (const file of listFiles(dir)) {
      let chunk: Chunk | string;
      try {
        chunk = readChunk(file);
      } catch (e) {
        chunk = `${file}: ${(e as Error).message}`;
      }
      if (typeof chunk === 'string') {
        warnings.push(chunk);
        continue;
      }
      for (const r of chunk.resources) {
        const pid = patientOf(r);
        if (!pid) shared.push(r);
        else {
          const list = byPatient.get(pid);
          if (list) list.push(r);
          else byPatient.set(pid, [r]);
          if (chunk.timestamp && !timestamps.has(pid)) timestamps.set(pid, chunk.timestamp);
        }
      }
    }
  }
  // Shift once per patient over all their files (an NDJSON export splits a patient across files by type).
  for (const [pid, list] of byPatient) {
    const days = shiftDays(list, today, timestamps.get(pid));
    byPatient.set(pid, list.map((r) => shiftDates(r, days)));
  }
  return { shared, byPatient, warnings };
}
