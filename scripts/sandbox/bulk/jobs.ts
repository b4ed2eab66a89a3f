/**
 * Bulk Data export jobs of the sandbox: kick-off creates a job that builds its NDJSON files in the
 * background; status polls report progress until the job is ready (a configurable number of polls,
 * so clients meet real 202 + Retry-After cycles); files expire after a TTL; DELETE cancels.
 */
import { randomUUID } from 'node:crypto';
import type { OperationOutcome, Resource } from 'fhir/r4';

export interface BulkOptions {
  /** How long files stay downloadable after completion. */
  ttlMs: number;
  /** Status polls answered 202 before the manifest (at least until the files are built). */
  pollsBeforeReady: number;
  retryAfterSeconds: number;
  /** NDJSON lines per output file. */
  maxLinesPerFile: number;
  now: () => number;
}

export const DEFAULT_BULK_OPTIONS: BulkOptions = {
  ttlMs: 60 * 60 * 1000, pollsBeforeReady: 1, retryAfterSeconds: 1, maxLinesPerFile: 50_000, now: () => Date.now(),
};

export interface OutputFile { type: string; name: string; count: number; text: string }

export interface BulkJob {
  id: string;
  request: string;
  state: 'in-progress' | 'complete' | 'error';
  polls: number;
  progress: string;
  transactionTime: string;
  files: OutputFile[];
  completedAt: number | null;
  error: OperationOutcome | null;
}

export function outcome(code: string, diagnostics: string, severity: 'error' | 'fatal' = 'error'): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics }] };
}

/** Splits resources into NDJSON files per type (Patient.1.ndjson, Observation.1.ndjson, ...). */
export function toFiles(resources: readonly Resource[], maxLines: number): OutputFile[] {
  const byType = new Map<string, string[]>();
  for (const r of resources) {
    let lines = byType.get(r.resourceType);
    if (!lines) byType.set(r.resourceType, (lines = []));
    lines.push(JSON.stringify(r));
  }
  const files: OutputFile[] = [];
  for (const [type, lines] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
    for (let i = 0, part = 1; i < lines.length; i += maxLines, part++) {
      const chunk = lines.slice(i, i + maxLines);
      files.push({ type, name: `${type}.${part}.ndjson`, count: chunk.length, text: chunk.join('\n') + '\n' });
    }
  }
  return files;
}

export class BulkJobs {
  private readonly jobs = new Map<string, BulkJob>();
  constructor(readonly options: BulkOptions) {}

  /** Starts a job; `collect` gathers the resources (rejecting = the job ends in error). */
  start(request: string, collect: () => Promise<Resource[]>): BulkJob {
    const job: BulkJob = {
      id: randomUUID(), request, state: 'in-progress', polls: 0, progress: 'collecting resources',
      transactionTime: new Date(this.options.now()).toISOString(), files: [], completedAt: null, error: null,
    };
    this.jobs.set(job.id, job);
    collect().then(
      (resources) => {
        if (!this.jobs.has(job.id)) return; // cancelled meanwhile
        job.files = toFiles(resources, this.options.maxLinesPerFile);
        job.progress = `${resources.length} resources in ${job.files.length} files`;
        job.state = 'complete';
        job.completedAt = this.options.now();
      },
      (e: unknown) => {
        job.state = 'error';
        job.error = outcome('exception', `export failed: ${(e as Error)?.message ?? String(e)}`);
        job.completedAt = this.options.now();
      },
    );
    return job;
  }

  get(id: string): BulkJob | undefined {
    return this.jobs.get(id);
  }

  expired(job: BulkJob): boolean {
    return job.completedAt !== null && this.options.now() > job.completedAt + this.options.ttlMs;
  }

  cancel(id: string): boolean {
    return this.jobs.delete(id);
  }
}
