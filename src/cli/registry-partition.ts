/**
 * Streaming input for the command-line registry, in bounded memory.
 *
 * NDJSON exported per resource type (Patient.ndjson, Observation.ndjson, ...) is not grouped by
 * patient, and the whole cohort does not fit in memory at scale. We use a bounded two-pass design:
 *   pass 1 streams every file line by line and appends each raw line to one of K bucket files on
 *          disk, chosen by a hash of the resource's patient id (so a patient's resources all land in
 *          one bucket); resources of no patient (Practitioner, Medication, ...) are kept in memory as
 *          shared look-ups (they are few);
 *   pass 2 reads one bucket at a time, groups its lines by patient and yields each patient.
 * Peak memory ≈ one bucket (K is chosen so a bucket holds ~BUCKET_BYTES of input) + shared look-ups;
 * cost: the input is written and read once more (linear, sequential disk I/O). Alternatives we
 * rejected: an in-memory offset index per patient (needs random reads over every file per patient),
 * and requiring per-patient-sorted input (exporters do not produce it).
 * Bundle files (*.json) are read whole, one file at a time, and their entries routed the same way.
 *
 * A resource that refers to a patient (subject/patient/beneficiary/individual, Appointment participant) that
 * cannot be resolved to a patient id — an unknown urn:uuid, an invalid id, an identifier-only or display-only
 * reference, a Patient without id — belongs to nobody we can name: it is counted (`unresolvedPatientReferences`,
 * with the first examples), never kept as a shared look-up. A *.json file that is not JSON, or nests too deep, is
 * an error naming the file (PathError); bad NDJSON lines are skipped and listed.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Bundle, Resource } from 'fhir/r4';
import { patientKeyOf } from '../registry/patient-key.ts';
import { MAX_JSON_DEPTH, nestedTooDeep } from './json-depth.ts';
import { describeFsError, PathError } from './paths.ts';
import { Buckets, readBucket, type PatientGroup } from './registry-buckets.ts';

export { readBucket, type PatientGroup } from './registry-buckets.ts';

export const BUCKET_BYTES = 24 * 1024 * 1024;

export interface UnresolvedReference {
  file: string;
  /** NDJSON line (1-based); 0 for a *.json file. */
  line: number;
  /** Bundle entry (1-based) when the resource came from a Bundle. */
  entry?: number;
  /** "Type/id" of the resource (just the type when it has no id). */
  resource: string;
  /** The reference that could not be resolved, as written. */
  reference: string;
}

export interface PartitionStats {
  files: number;
  lines: number;
  skipped: { file: string; line: number; reason: string }[];
  buckets: number;
  /** Resources whose patient reference could not be resolved (left out of every patient and of the shared look-ups). */
  unresolvedPatientReferences: number;
  /** The first MAX_EXAMPLES of them. */
  unresolvedPatientReferenceExamples: UnresolvedReference[];
}

const MAX_EXAMPLES = 20;
const PATIENT_FIELDS = ['subject', 'patient', 'beneficiary', 'individual'] as const;
/** "Group/g1", "https://x/fhir/Device/d/_history/2" → the type. */
const TYPED_REFERENCE = /(?:^|\/)([A-Z][A-Za-z]+)\/[^/]+(?:\/_history\/[^/]+)?$/;

/**
 * For a resource patientKeyOf could not place: the patient reference it carries that could not be resolved, or
 * null when it refers to no patient at all (Practitioner, Medication, an Observation about a Group...).
 */
export function unresolvedPatientReference(resource: Resource): string | null {
  if (resource.resourceType === 'Patient') return resource.id ? null : '(Patient without id)';
  const r = resource as unknown as Record<string, unknown>;
  for (const field of PATIENT_FIELDS) {
    const value = r[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'object' || Array.isArray(value)) return `${field}: not a reference`;
    const ref = value as { reference?: unknown; type?: unknown; identifier?: { system?: unknown; value?: unknown } };
    if (typeof ref.reference === 'string') {
      const type = TYPED_REFERENCE.exec(ref.reference)?.[1];
      if (type && type !== 'Patient') continue; // about a Group, Device, Location...: not a patient
      return ref.reference;
    }
    if (typeof ref.type === 'string' && ref.type !== 'Patient') continue;
    if (ref.identifier && typeof ref.identifier === 'object') return `identifier ${String(ref.identifier.system ?? '')}|${String(ref.identifier.value ?? '')}`;
    return `${field} without a reference`;
  }
  if (Array.isArray(r.participant)) {
    for (const p of r.participant as { actor?: { reference?: unknown } }[]) {
      const ref = p?.actor?.reference;
      if (typeof ref === 'string' && (TYPED_REFERENCE.exec(ref)?.[1] === 'Patient' || !TYPED_REFERENCE.test(ref))) return ref;
    }
  }
  return null;
}

export interface Partitioned {
  stats: PartitionStats;
  /** Resources that belong to no patient, by "Type/id". */
  shared: Map<string, Resource>;
  /** The bucket files of pass 2 (each holds whole patients; threads may take one each). */
  bucketPaths: string[];
  patients(): AsyncGenerator<PatientGroup>;
  cleanup(): Promise<void>;
}

export async function listInputFiles(folder: string): Promise<string[]> {
  const names = (await readdir(folder)).filter((n) => n.endsWith('.ndjson') || n.endsWith('.json')).sort();
  return names.map((n) => join(folder, n));
}

export async function partitionInput(folder: string, bucketBytes = BUCKET_BYTES, minBuckets = 1): Promise<Partitioned> {
  const files = await listInputFiles(folder);
  let total = 0;
  for (const f of files) {
    try {
      total += (await stat(f)).size;
    } catch (e) {
      throw new PathError(f, `cannot read it (${describeFsError(e)})`);
    }
  }
  const k = Math.max(1, Math.ceil(total / bucketBytes), Math.min(minBuckets, Math.ceil(total / 65_536)));
  const dir = await mkdtemp(join(tmpdir(), 'registry-'));
  const paths = Array.from({ length: k }, (_, i) => join(dir, `bucket-${i}.tsv`));
  const buckets = new Buckets(await Promise.all(paths.map((p) => open(p, 'w'))));
  const shared = new Map<string, Resource>();
  const stats: PartitionStats = { files: files.length, lines: 0, skipped: [], buckets: k, unresolvedPatientReferences: 0, unresolvedPatientReferenceExamples: [] };

  const route = async (resource: Resource, raw: string, at: { file: string; line: number; entry?: number }, aliases?: Map<string, string>) => {
    const pid = patientKeyOf(resource, aliases);
    if (pid) {
      await buckets.add(pid, raw);
      return;
    }
    const unresolved = unresolvedPatientReference(resource);
    if (unresolved === null) {
      shared.set(`${resource.resourceType}/${resource.id}`, resource);
      return;
    }
    stats.unresolvedPatientReferences += 1;
    if (stats.unresolvedPatientReferenceExamples.length < MAX_EXAMPLES) {
      stats.unresolvedPatientReferenceExamples.push({ ...at, resource: resource.id ? `${resource.resourceType}/${resource.id}` : resource.resourceType, reference: unresolved });
    }
  };

  /** The entries of a Bundle and the urn:uuid → patient id aliases of its Patients. */
  const bundleEntries = (bundle: Bundle) => {
    const entries = Array.isArray(bundle.entry) ? bundle.entry : [];
    const aliases = new Map<string, string>();
    for (const e of entries) {
      if (e?.resource?.resourceType === 'Patient' && e.fullUrl && e.resource.id) aliases.set(e.fullUrl, e.resource.id);
    }
    return { entries, aliases };
  };
  const isResource = (v: unknown): v is Resource => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Resource).resourceType === 'string';

  let ok = false;
  try {
    for (const file of files) {
      if (file.endsWith('.ndjson')) {
        const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
        let n = 0;
        try {
          for await (const line of rl) {
            n += 1;
            if (!line.trim()) continue;
            stats.lines += 1;
            let res: unknown;
            try {
              res = JSON.parse(line);
            } catch {
              stats.skipped.push({ file, line: n, reason: 'not valid JSON' });
              continue;
            }
            if (!isResource(res)) stats.skipped.push({ file, line: n, reason: 'no resourceType' });
            else if (nestedTooDeep(res)) stats.skipped.push({ file, line: n, reason: `nesting too deep (more than ${MAX_JSON_DEPTH} levels)` });
            else if (res.resourceType === 'Bundle') {
              const { entries, aliases } = bundleEntries(res as Bundle);
              for (const [i, e] of entries.entries()) {
                if (isResource(e?.resource)) await route(e.resource, JSON.stringify(e.resource), { file, line: n, entry: i + 1 }, aliases);
              }
            } else await route(res, line, { file, line: n });
          }
        } catch (e) {
          throw new PathError(file, `cannot read it (${describeFsError(e)})`);
        }
      } else {
        let text: string;
        try {
          text = await readFile(file, 'utf8');
        } catch (e) {
          throw new PathError(file, `cannot read it (${describeFsError(e)})`);
        }
        let doc: unknown;
        try {
          doc = JSON.parse(text);
        } catch {
          throw new PathError(file, 'not valid JSON');
        }
        if (!isResource(doc)) {
          stats.lines += 1;
          stats.skipped.push({ file, line: 0, reason: 'not a FHIR resource or Bundle (no resourceType)' });
          continue;
        }
        if (nestedTooDeep(doc)) throw new PathError(file, `nesting too deep (more than ${MAX_JSON_DEPTH} levels)`);
        if (doc.resourceType !== 'Bundle') {
          stats.lines += 1;
          await route(doc, JSON.stringify(doc), { file, line: 0 });
          continue;
        }
        const { entries, aliases } = bundleEntries(doc as Bundle);
        for (const [i, e] of entries.entries()) {
          if (!e?.resource) continue;
          stats.lines += 1;
          if (!isResource(e.resource)) stats.skipped.push({ file, line: 0, reason: `entry ${i + 1}: not a FHIR resource` });
          else await route(e.resource, JSON.stringify(e.resource), { file, line: 0, entry: i + 1 }, aliases);
        }
      }
    }
    ok = true;
  } finally {
    await buckets.close();
    if (!ok) await rm(dir, { recursive: true, force: true });
  }

  async function* patients(): AsyncGenerator<PatientGroup> {
    for (const p of paths) yield* readBucket(p);
  }

  return { stats, shared, bucketPaths: paths, patients, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

