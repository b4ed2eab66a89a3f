/**
 * FHIR Bulk Data Access (v2) over the sandbox's FHIR engine, as one function the sandbox server
 * mounts: `handleBulk(req, res, ctx)` answers the bulk routes and returns false for anything else.
 *   GET  {fhir}/$export | /Patient/$export | /Group/{id}/$export   (Prefer: respond-async) → 202 + Content-Location
 *   GET  {fhir}/$bulk-status/{job}   → 202 (X-Progress, Retry-After) | 200 manifest | 4xx/5xx OperationOutcome
 *   DELETE {fhir}/$bulk-status/{job} → 202 (cancelled)
 *   GET  {fhir}/$bulk-file/{job}/{name} → NDJSON | 404 unknown | 410 expired
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OperationOutcome } from 'fhir/r4';
import { collectExport, PATIENT_COMPARTMENT, type BulkSource } from './collect.ts';
import { BulkJobs, DEFAULT_BULK_OPTIONS, outcome, type BulkOptions } from './jobs.ts';

export interface BulkContext {
  /** Path prefix of the FHIR API on this server, e.g. "/fhir". */
  fhirPath: string;
  /** Absolute FHIR base for URLs in headers and manifests, e.g. "http://127.0.0.1:4100/fhir". */
  fhirBase: string;
  source: BulkSource;
  jobs: BulkJobs;
  /** Null when the request may proceed, else why not: a string (401) or { status: 403, message }. Omit: no auth. */
  authorize?: (req: IncomingMessage) => string | { status: 401 | 403; message: string } | null;
  /** Which resource types this request may export (its read scopes). Omit: every type. */
  mayExport?: (req: IncomingMessage) => (type: string) => boolean;
}

export function createBulkJobs(options: Partial<BulkOptions> = {}): BulkJobs {
  return new BulkJobs({ ...DEFAULT_BULK_OPTIONS, ...options });
}

const NDJSON_FORMATS = new Set(['application/fhir+ndjson', 'application/ndjson', 'ndjson']);

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): true {
  res.writeHead(status, { 'Content-Type': 'application/fhir+json', ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
  return true;
}

const fail = (res: ServerResponse, status: number, o: OperationOutcome, headers?: Record<string, string>) => send(res, status, o, headers);

export async function handleBulk(req: IncomingMessage, res: ServerResponse, ctx: BulkContext): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  if (!url.pathname.startsWith(`${ctx.fhirPath}/`)) return false;
  const path = url.pathname.slice(ctx.fhirPath.length);
  const kick = /^\/(?:(Patient)|Group\/([A-Za-z0-9\-.]{1,64}))?\/?\$export$/.exec(path);
  const status = /^\/\$bulk-status\/([0-9a-f-]{36})$/.exec(path);
  const file = /^\/\$bulk-file\/([0-9a-f-]{36})\/([A-Za-z]+\.\d+\.ndjson)$/.exec(path);
  if (!kick && !status && !file) return false;

  const denied = ctx.authorize?.(req);
  if (typeof denied === 'string') return fail(res, 401, outcome('login', denied), { 'WWW-Authenticate': 'Bearer' });
  if (denied) return fail(res, denied.status, outcome(denied.status === 403 ? 'forbidden' : 'login', denied.message));

  if (kick) {
    if (req.method !== 'GET' && req.method !== 'POST') return fail(res, 405, outcome('not-supported', `${req.method} not allowed on $export`));
    if (!/respond-async/i.test(String(req.headers.prefer ?? ''))) {
      return fail(res, 400, outcome('invalid', 'Bulk export needs the header "Prefer: respond-async"'));
    }
    const format = url.searchParams.get('_outputFormat');
    if (format && !NDJSON_FORMATS.has(format)) return fail(res, 400, outcome('not-supported', `_outputFormat ${format} is not supported (NDJSON only)`));
    let types = url.searchParams.get('_type')?.split(',').map((t) => t.trim()).filter(Boolean);
    const unknown = types?.filter((t) => !ctx.source.supportsType(t)) ?? [];
    if (unknown.length) return fail(res, 400, outcome('not-supported', `unsupported _type: ${unknown.join(', ')}`));
    const groupId: string | undefined = kick[2];
    const may = ctx.mayExport?.(req);
    if (may) {
      // Only what the scopes let this client read: a _type beyond them is refused, no _type means the granted types.
      const denied = types?.filter((t) => !may(t)) ?? [];
      if (denied.length) return fail(res, 403, outcome('forbidden', `The granted scopes do not allow exporting ${denied.join(', ')} (needs user/ or system/ read scopes)`));
      if (!types) {
        const patientLevel = Boolean(groupId || kick[1]);
        types = ctx.source.types().filter((t) => may(t) && (!patientLevel || PATIENT_COMPARTMENT.includes(t)));
        if (!types.length) return fail(res, 403, outcome('forbidden', 'The granted scopes allow reading none of the exportable resource types'));
      }
    }
    const since = url.searchParams.get('_since') ?? undefined;
    const level = groupId ? { group: groupId } : kick[1] ? { patients: true as const } : {};
    if (groupId && !(await ctx.source.readGroup(groupId))) {
      return fail(res, 404, outcome('not-found', `Group/${groupId} not found`));
    }
    const job = ctx.jobs.start(`${ctx.fhirBase}${path}${url.search}`, () => collectExport(ctx.source, { ...level, types, since }));
    return send(res, 202, outcome('informational', 'export accepted'), { 'Content-Location': `${ctx.fhirBase}/$bulk-status/${job.id}` });
  }

  if (status) {
    const job = ctx.jobs.get(status[1]);
    if (!job) return fail(res, 404, outcome('not-found', 'no such export job (unknown, cancelled or deleted)'));
    if (req.method === 'DELETE') {
      ctx.jobs.cancel(job.id);
      return send(res, 202, outcome('informational', 'export cancelled'));
    }
    if (job.state === 'error') return fail(res, 500, job.error!);
    if (ctx.jobs.expired(job)) return fail(res, 410, outcome('expired', 'export files have expired; start a new export'));
    job.polls += 1;
    if (job.state === 'in-progress' || job.polls <= ctx.jobs.options.pollsBeforeReady) {
      return send(res, 202, undefined, { 'X-Progress': job.progress, 'Retry-After': String(ctx.jobs.options.retryAfterSeconds) });
    }
    return send(res, 200, {
      transactionTime: job.transactionTime,
      request: job.request,
      requiresAccessToken: Boolean(ctx.authorize),
      output: job.files.map((f) => ({ type: f.type, url: `${ctx.fhirBase}/$bulk-file/${job.id}/${f.name}`, count: f.count })),
      error: [],
    }, { Expires: new Date(job.completedAt! + ctx.jobs.options.ttlMs).toUTCString() });
  }

  const job = ctx.jobs.get(file![1]);
  const out = job?.files.find((f) => f.name === file![2]);
  if (!job || !out) return fail(res, 404, outcome('not-found', 'no such export file'));
  if (ctx.jobs.expired(job)) return fail(res, 410, outcome('expired', 'export file has expired'));
  res.writeHead(200, { 'Content-Type': 'application/fhir+ndjson' });
  res.end(out.text);
  return true;
}
