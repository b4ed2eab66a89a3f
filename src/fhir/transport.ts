/**
 * The one door to the FHIR server: every GET/POST the app makes goes through `createTransport`.
 *
 * It uses the fhirclient `Client` for the server URL, the bearer token and `refresh()`, but sends with
 * `fetch` itself because `client.request()` wipes the whole token response (refresh token included) on
 * the first 401, hides Retry-After, and cannot report byte counts or enforce a per-request timeout.
 *
 * @example
 *   const t = createTransport(client, { timeoutMs: 20_000 });
 *   const { body } = await t.send('Observation?patient=p1&code=http://loinc.org|91148-7');
 */
import type Client from 'fhirclient/lib/Client';
import { FhirError, asFhirError, classifyStatus, parseRetryAfter } from './errors.ts';
import { canRefresh, withRetry, type RetryOptions } from './retry.ts';

export interface TransportOptions extends RetryOptions {
  fetch?: typeof fetch;
  /** Per-request limit (headers and body), default 30 s. */
  timeoutMs?: number;
  /** Called after every HTTP exchange (benchmark and data notes counters). */
  onExchange?: (e: Exchange) => void;
}

export interface Exchange {
  url: string;
  status: number | null;
  bytes: number;
  ms: number;
}

export interface FhirResponse {
  status: number;
  body: unknown;
  bytes: number;
  headers: Headers;
}

export interface SendInit {
  method?: 'GET' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
}

export interface Transport {
  /** Sends with timeout, bounded retries (5xx, 429, network, timeout) and one token refresh on 401. */
  send(url: string, init?: SendInit): Promise<FhirResponse>;
  /** Absolute URL for a path relative to the FHIR base. */
  resolve(url: string): string;
  readonly stats: { requests: number; bytes: number };
}

export function createTransport(client: Client, options: TransportOptions = {}): Transport {
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? 30_000;
  const base = client.state.serverUrl.replace(/\/*$/, '/');
  const stats = { requests: 0, bytes: 0 };
  let refreshTask: Promise<void> | null = null;

  const resolve = (url: string) => new URL(url, base).toString();

  async function sendOnce(url: string, init: SendInit): Promise<FhirResponse> {
    const what = `${init.method ?? 'GET'} ${shortName(url, base)}`;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const started = performance.now();
    let status: number | null = null;
    let bytes = 0;
    try {
      const auth = client.getAuthorizationHeader();
      const res = await doFetch(url, {
        method: init.method ?? 'GET',
        headers: { accept: 'application/fhir+json', ...(auth ? { authorization: auth } : {}), ...init.headers },
        body: init.body,
        signal: controller.signal,
      });
      status = res.status;
      const buffer = await res.arrayBuffer();
      bytes = buffer.byteLength;
      if (!res.ok) {
        throw classifyStatus(res.status, what, parseRetryAfter(res.headers.get('retry-after'), Date.now()));
      }
      return { status: res.status, body: parseBody(buffer, res.headers, what), bytes, headers: res.headers };
    } catch (e) {
      if (controller.signal.aborted && !(e instanceof FhirError)) {
        throw new FhirError('timeout', `${what}: no answer within ${timeoutMs} ms`);
      }
      throw asFhirError(e, what);
    } finally {
      clearTimeout(timer);
      stats.requests += 1;
      stats.bytes += bytes;
      options.onExchange?.({ url, status, bytes, ms: performance.now() - started });
    }
  }

  /** One refresh per expired token, shared by every request that hit the same 401. */
  let refreshedFrom: string | null = null;
  function refreshOnce(expiredHeader: string | null): Promise<void> {
    if (refreshTask === null || refreshedFrom !== expiredHeader) {
      refreshedFrom = expiredHeader;
      refreshTask = client.refresh().then(
        () => undefined,
        (e: unknown) => {
          throw new FhirError('unauthorized', `token refresh failed (${e instanceof Error ? e.message : e})`, 401);
        },
      );
    }
    return refreshTask;
  }

  async function send(url: string, init: SendInit = {}): Promise<FhirResponse> {
    const absolute = resolve(url);
    const attempt = () => withRetry(() => sendOnce(absolute, init), options);
    const usedHeader = client.getAuthorizationHeader();
    try {
      return await attempt();
    } catch (e) {
      if (!(e instanceof FhirError) || e.kind !== 'unauthorized' || !canRefresh(client)) throw e;
      await refreshOnce(usedHeader);
      return attempt(); // a second 401 means the session is over: the caller reports it
    }
  }

  return { send, resolve, stats };
}

function parseBody(buffer: ArrayBuffer, headers: Headers, what: string): unknown {
  if (buffer.byteLength === 0) return null;
  const type = headers.get('content-type') ?? '';
  const text = new TextDecoder().decode(buffer);
  try {
    return JSON.parse(text);
  } catch {
    throw new FhirError('invalid-body', `${what}: the server sent a body that is not JSON (${type || 'no content type'})`);
  }
}

function shortName(url: string, base: string): string {
  const rest = url.startsWith(base) ? url.slice(base.length) : url;
  return rest.split('?')[0] || rest;
}
