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
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Bundle, Resource } from 'fhir/r4';
import { patientKeyOf } from '../registry/patient-key.ts';
import { Buckets, readBucket, type PatientGroup } from './registry-buckets.ts';

export { readBucket, type PatientGroup } from './registry-buckets.ts';

export const BUCKET_BYTES = 24 * 1024 * 1024;

export interface PartitionStats {
  files: number;
  lines: number;
  skipped: { file: string; line: number; reason: string }[];
  buckets: number;
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
  for (const f of files) total += (await stat(f)).size;
  const k = Math.max(1, Math.ceil(total / bucketBytes), Math.min(minBuckets, Math.ceil(total / 65_536)));
  const dir = await mkdtemp(join(tmpdir(), 'registry-'));
  const paths = Array.from({ length: k }, (_, i) => join(dir, `bucket-${i}.tsv`));
  const buckets = new Buckets(await Promise.all(paths.map((p) => open(p, 'w'))));
  const shared = new Map<string, Resource>();
  const stats: PartitionStats = { files: files.length, lines: 0, skipped: [], buckets: k };

  const route = async (resource: Resource, raw: string, aliases?: Map<string, string>) => {
    const pid = patientKeyOf(resource, aliases);
    if (pid) await buckets.add(pid, raw);
    else shared.set(`${resource.resourceType}/${resource.id}`, resource);
  };

  try {
    for (const file of files) {
      if (file.endsWith('.ndjson')) {
        const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
        let n = 0;
        for await (const line of rl) {
          n += 1;
          if (!line.trim()) continue;
          stats.lines += 1;
          let res: Resource;
          try {
            res = JSON.parse(line) as Resource;
          } catch {
            stats.skipped.push({ file, line: n, reason: 'not valid JSON' });
            continue;
          }
          if (!res?.resourceType) stats.skipped.push({ file, line: n, reason: 'no resourceType' });
          else if (res.resourceType === 'Bundle') {
            for (const e of (res as Bundle).entry ?? []) if (e.resource) await route(e.resource, JSON.stringify(e.resource));
          } else await route(res, line);
        }
      } else {
        const doc = JSON.parse(await readFile(file, 'utf8')) as Resource;
        const entries = doc.resourceType === 'Bundle' ? ((doc as Bundle).entry ?? []) : [{ resource: doc }];
        const aliases = new Map<string, string>();
        for (const e of entries) {
          if (e.resource?.resourceType === 'Patient' && 'fullUrl' in e && e.fullUrl && e.resource.id) aliases.set(e.fullUrl, e.resource.id);
        }
        for (const e of entries) {
          if (!e.resource) continue;
          stats.lines += 1;
          await route(e.resource, JSON.stringify(e.resource), aliases);
        }
      }
    }
  } finally {
    await buckets.close();
  }

  async function* patients(): AsyncGenerator<PatientGroup> {
    for (const p of paths) yield* readBucket(p);
  }

  return { stats, shared, bucketPaths: paths, patients, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

