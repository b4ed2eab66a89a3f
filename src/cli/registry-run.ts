/**
 * The command-line registry over a folder, streaming: partition the input by patient on disk,
 * summarize one patient at a time, write each CSV row as it is produced, keep only counts.
 */
import { open, type FileHandle } from 'node:fs/promises';
import type { MedicationRequest, Practitioner, Resource } from 'fhir/r4';
import { RegistryAccumulator, type RecordEngine, type RegistryReport, type Summarize } from '../registry/accumulate.ts';
import { csvHeader, csvRow } from '../registry/columns.ts';
import { MEASURES } from '../registry/measure-defs.ts';
import type { MeasureDef } from '../registry/measure-defs.ts';
import type { Policy } from '../clinical/policy/index.ts';
import { describeFsError, PathError } from './paths.ts';
import { partitionInput, type PartitionStats } from './registry-partition.ts';
import { runThreads } from './registry-threads.ts';

export interface RegistryRunResult extends RegistryReport {
  definitions: readonly MeasureDef[];
  input: Omit<PartitionStats, 'skipped'> & { skipped: PartitionStats['skipped']; sharedResources: number };
}

/** The CSV output: every failure (folder gone, disk full...) is a PathError naming the file, never an 'error' event. */
class CsvFile {
  private constructor(private readonly handle: FileHandle, private readonly path: string) {}

  static async create(path: string): Promise<CsvFile> {
    try {
      return new CsvFile(await open(path, 'w'), path);
    } catch (e) {
      throw new PathError(path, `cannot write it (${describeFsError(e)})`, '--csv ');
    }
  }

  async write(text: string): Promise<void> {
    try {
      await this.handle.write(text);
    } catch (e) {
      throw new PathError(this.path, `cannot write it (${describeFsError(e)})`, '--csv ');
    }
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}

/** Shared resources a patient's orders point to (medicationReference → Medication). */
export function withReferenced(resources: Resource[], shared: Map<string, Resource>): Resource[] {
  const extra: Resource[] = [];
  for (const r of resources) {
    const ref = r.resourceType === 'MedicationRequest' ? (r as MedicationRequest).medicationReference?.reference : undefined;
    const m = ref ? shared.get(ref) : undefined;
    if (m && !extra.includes(m)) extra.push(m);
  }
  return extra.length ? [...resources, ...extra] : resources;
}

export interface RunOptions {
  folder: string;
  asOf: string;
  /** In-process engine (tests, one thread). */
  summarize: Summarize;
  /** The same engine in two steps (one normalisation per patient); the command line passes it. */
  engine?: RecordEngine;
  /** With a policy and threads > 1, pass 2 runs in worker threads (each calls summarizePatient itself). */
  threaded?: { policy: Policy; threads: number };
  csvPath?: string;
  months?: number;
  bucketBytes?: number;
}

export async function runRegistry(opts: RunOptions): Promise<RegistryRunResult> {
  // Threads take whole buckets: at least two buckets per thread keeps them evenly busy.
  const input = await partitionInput(opts.folder, opts.bucketBytes, 2 * (opts.threaded?.threads ?? 1));
  let csv: CsvFile | null = null;
  const pending: string[] = [];
  try {
    if (input.stats.lines === input.stats.skipped.length) {
      throw new PathError(opts.folder, input.stats.lines
        ? `no usable FHIR resource in its *.ndjson / *.json files (all ${input.stats.lines} lines skipped)`
        : 'its *.ndjson / *.json files hold no FHIR resources');
    }
    csv = opts.csvPath ? await CsvFile.create(opts.csvPath) : null;
    const out = csv;
    if (out) await out.write(csvHeader());
    if (opts.threaded && opts.threaded.threads > 1 && input.bucketPaths.length > 1) {
      const report = await runThreads(input, { asOf: opts.asOf, months: opts.months ?? 12, ...opts.threaded }, (text) => (out ? out.write(text) : Promise.resolve()));
      return { ...report, definitions: MEASURES, input: { ...input.stats, sharedResources: input.shared.size } };
    }
    const acc = new RegistryAccumulator({
      asOf: opts.asOf,
      summarize: opts.summarize,
      engine: opts.engine,
      runChartMonths: opts.months ?? 12,
      practitioners: (ref) => input.shared.get(ref) as Practitioner | undefined,
      onRow: (row) => void pending.push(csvRow(row)),
    });
    for await (const { patientId, resources } of input.patients()) {
      acc.addPatient(patientId, withReferenced(resources, input.shared));
      if (out && pending.length) await out.write(pending.splice(0).join(''));
    }
    const report = acc.result();
    return { ...report, definitions: MEASURES, input: { ...input.stats, sharedResources: input.shared.size } };
  } finally {
    await csv?.close();
    await input.cleanup();
  }
}
