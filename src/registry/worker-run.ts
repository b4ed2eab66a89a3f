/**
 * The registry worker's job, free of the Worker globals so it can be tested: fetch the cohort
 * (Bulk Data or searches), summarize each patient as it arrives (rows posted in batches so the
 * table fills while the rest loads), then compute the run chart's month-end summaries.
 */
import type { Practitioner, Resource } from 'fhir/r4';
import type { LoadStatus } from '../clinical/types.ts';
import { loadCohort } from '../fhir/bulk/cohort-source.ts';
import type { FetchLike } from '../fhir/bulk/client.ts';
import { RegistryAccumulator, type Evaluated, type RecordEngine, type Summarize } from './accumulate.ts';
import { prescriberOf } from './prescriber.ts';
import type { Prescriber } from './types.ts';
import type { FromWorker, StartMessage } from './worker-protocol.ts';

export interface WorkerDeps {
  summarize: Summarize;
  /** The same engine in two steps: each patient is normalised once, for the summary and the run chart. */
  engine?: RecordEngine;
  fetch: FetchLike;
  opioidCodes: readonly string[];
  post: (m: FromWorker) => void;
  signal: AbortSignal;
  now?: () => number;
  /** Rows per 'rows' message. */
  batch?: number;
}

const PROGRESS_MS = 100;

const errorNotes = (n: number) => (n ? [`${n} patients could not be summarized (listed under errors); they are not in the table or the measures.`] : []);

export async function runRegistryJob(msg: StartMessage, d: WorkerDeps): Promise<void> {
  const now = d.now ?? (() => performance.now());
  const started = now();
  let lastCount = -Infinity;
  const shared = new Map<string, Resource>();
  const kept: { resources: Resource[]; loadStatus: LoadStatus; prescriber?: Prescriber; evaluated: Evaluated }[] = [];
  const pending: Extract<FromWorker, { type: 'rows' }> = { type: 'rows', rows: [], listed: [] };
  const flush = () => {
    if (!pending.rows.length && !pending.listed.length) return;
    d.post({ ...pending });
    pending.rows = [];
    pending.listed = [];
  };
  const acc = new RegistryAccumulator({
    asOf: msg.asOf, summarize: d.summarize, engine: d.engine, runChartMonths: msg.runChartMonths ?? 12, deferRunChart: true,
    practitioners: (ref) => shared.get(ref) as Practitioner | undefined,
    onRow: (row) => void pending.rows.push(row),
    onListed: (kind, patient) => void pending.listed.push({ kind, patient }),
  });
  const fetchAuth: FetchLike = (url, init = {}) => {
    const headers = new Headers(init.headers);
    if (msg.accessToken) headers.set('Authorization', `Bearer ${msg.accessToken}`);
    return d.fetch(url, { ...init, headers });
  };
  try {
    const { mode, notes } = await loadCohort({
      fhirBase: msg.fhirBase, fetch: fetchAuth, opioidCodes: d.opioidCodes, signal: d.signal,
      onShared: (r) => void shared.set(`${r.resourceType}/${r.id}`, r),
      onProgress: (text, done, total) => {
        // A count per patient re-rendered the view 1,000 times: at most one count per PROGRESS_MS, and the last.
        if (done !== undefined && done !== total && now() - lastCount < PROGRESS_MS) return;
        if (done !== undefined) lastCount = now();
        d.post({ type: 'progress', phase: done === undefined ? 'fetching' : 'summarizing', text, done, total });
      },
      onPatient: (pid, resources, loadStatus) => {
        const row = acc.addPatient(pid, resources, loadStatus);
        // Anyone with an order may have been in the cohort at an earlier month-end.
        if (resources.some((r) => r.resourceType === 'MedicationRequest')) kept.push({ resources, loadStatus, prescriber: row?.prescriber, evaluated: acc.lastEvaluated });
        if (pending.rows.length + pending.listed.length >= (d.batch ?? 50)) flush();
      },
    });
    flush();
    d.post({ type: 'measures', report: acc.result(), final: false });
    for (const [i, k] of kept.entries()) {
      if (d.signal.aborted) throw new Error('cancelled');
      // Not in the table: the prescriber from the summary already made (course or not, it reads the same orders).
      const summary = k.evaluated.summary ?? d.summarize(k.resources, k.loadStatus, msg.asOf, { course: false, findings: false });
      const prescriber = k.prescriber ?? prescriberOf(summary, k.resources, (ref) => shared.get(ref) as Practitioner | undefined);
      acc.addRunChart(k.resources, k.loadStatus, prescriber, k.evaluated.record);
      if (i % 50 === 49) d.post({ type: 'progress', phase: 'run-chart', text: 'Monthly run chart', done: i + 1, total: kept.length });
    }
    d.post({ type: 'measures', report: acc.result(), final: true });
    d.post({ type: 'done', mode, ms: Math.round(now() - started), notes: [...notes, ...errorNotes(acc.result().errors.length)] });
  } catch (e) {
    flush();
    d.post({ type: 'error', message: e instanceof Error ? e.message : String(e), cancelled: d.signal.aborted });
  }
}
