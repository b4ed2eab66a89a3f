/**
 * FHIR Bulk Data client: kick-off, status polling that honours Retry-After, manifest, NDJSON
 * download streamed line by line. Transport-agnostic: give it a `fetch` that adds the bearer token.
 */
import { BulkError, describeFailure } from './errors.ts';

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export interface BulkManifest {
  transactionTime: string;
  request: string;
  requiresAccessToken: boolean;
  output: { type: string; url: string; count?: number }[];
  error: { type: string; url: string }[];
}

export interface PollOptions {
  signal?: AbortSignal;
  onProgress?: (text: string) => void;
  /** Sleep used between polls (tests inject a recorder). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Wait when the server gives no Retry-After, and clamps for what it gives. */
  defaultWaitMs?: number;
  minWaitMs?: number;
  maxWaitMs?: number;
  /** Give up after this much total waiting. */
  timeoutMs?: number;
  /** Clock for HTTP-date Retry-After values. */
  now?: () => number;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new BulkError('cancelled', 'export cancelled'));
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(t); reject(new BulkError('cancelled', 'export cancelled')); }, { once: true });
  });
}

/** Retry-After as milliseconds: delta-seconds or an HTTP-date; null when absent or unparsable. */
export function retryAfterMs(value: string | null, now: number): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Starts an export; returns the status URL (Content-Location). */
export async function kickOff(fetchFn: FetchLike, exportUrl: string, signal?: AbortSignal): Promise<string> {
  const res = await fetchFn(exportUrl, { headers: { Accept: 'application/fhir+json', Prefer: 'respond-async' }, signal });
  if (res.status !== 202) throw new BulkError('kick-off', `export was not accepted (${await describeFailure(res)})`, res.status);
  const location = res.headers.get('Content-Location');
  if (!location) throw new BulkError('kick-off', 'export accepted without a Content-Location status URL', res.status);
  return new URL(location, exportUrl).toString();
}

export async function pollStatus(fetchFn: FetchLike, statusUrl: string, o: PollOptions = {}): Promise<BulkManifest> {
  const sleep = o.sleep ?? abortableSleep;
  const now = o.now ?? Date.now;
  let waited = 0;
  for (;;) {
    const res = await fetchFn(statusUrl, { headers: { Accept: 'application/json' }, signal: o.signal });
    if (res.status === 200) return (await res.json()) as BulkManifest;
    if (res.status === 202 || res.status === 429) {
      const progress = res.headers.get('X-Progress');
      if (progress) o.onProgress?.(progress);
      const given = retryAfterMs(res.headers.get('Retry-After'), now());
      const wait = Math.min(o.maxWaitMs ?? 60_000, Math.max(o.minWaitMs ?? 100, given ?? o.defaultWaitMs ?? 2_000));
      if (waited + wait > (o.timeoutMs ?? 30 * 60_000)) throw new BulkError('timeout', `export not ready after ${Math.round(waited / 1000)} s`);
      waited += wait;
      await sleep(wait, o.signal);
      continue;
    }
    const why = await describeFailure(res);
    if (res.status === 404 || res.status === 410) throw new BulkError('expired', `export is gone (${why})`, res.status);
    throw new BulkError('status', `export failed (${why})`, res.status);
  }
}

/** Streams one NDJSON file, calling onResource per line (memory: one chunk + one line). */
export async function downloadNdjson(
  fetchFn: FetchLike, url: string, onResource: (r: { resourceType: string }) => void, signal?: AbortSignal,
): Promise<number> {
  const res = await fetchFn(url, { headers: { Accept: 'application/fhir+ndjson' }, signal });
  if (res.status === 404 || res.status === 410) throw new BulkError('expired', `export file expired (${await describeFailure(res)})`, res.status);
  if (!res.ok || !res.body) throw new BulkError('download', `could not download ${url} (${await describeFailure(res)})`, res.status);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let rest = '';
  let count = 0;
  const emit = (line: string) => {
    if (!line.trim()) return;
    onResource(JSON.parse(line) as { resourceType: string });
    count += 1;
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const lines = (rest + value).split('\n');
    rest = lines.pop() ?? '';
    lines.forEach(emit);
  }
  emit(rest);
  return count;
}

/** Best-effort cancel (DELETE on the status URL); errors are ignored. */
export async function cancelExport(fetchFn: FetchLike, statusUrl: string): Promise<void> {
  try {
    await fetchFn(statusUrl, { method: 'DELETE' });
  } catch {
    // the job expires on its own
  }
}
