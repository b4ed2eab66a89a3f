/**
 * Classified FHIR request failures. The loader turns each kind into a source status and the panel
 * into words; the write path uses `retryable` to offer "try again" while keeping the user's answers.
 *
 * @example
 *   classifyStatus(503, 'GET Observation') // → FhirError { kind: 'server', status: 503, retryable: true }
 */
export type FhirErrorKind =
  | 'network' // fetch itself failed (offline, DNS, connection reset)
  | 'timeout' // no answer within the per-request time limit
  | 'server' // 5xx
  | 'rate-limited' // 429
  | 'unauthorized' // 401: token expired or revoked
  | 'forbidden' // 403: the token does not allow this resource type
  | 'client' // other 4xx (bad query, not found)
  | 'invalid-body'; // 2xx with a body that is not the JSON we asked for

const RETRYABLE: ReadonlySet<FhirErrorKind> = new Set(['network', 'timeout', 'server', 'rate-limited']);

export class FhirError extends Error {
  readonly kind: FhirErrorKind;
  readonly status: number | null;
  /** Server-requested wait before retrying (429/503 Retry-After), in milliseconds. */
  readonly retryAfterMs: number | null;
  /** How many attempts were made before giving up (set by the retry loop). */
  attempts = 1;

  constructor(kind: FhirErrorKind, message: string, status: number | null = null, retryAfterMs: number | null = null) {
    super(message);
    this.name = 'FhirError';
    this.kind = kind;
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.kind);
  }
}

/** The error for a non-2xx HTTP status. */
export function classifyStatus(status: number, what: string, retryAfterMs: number | null = null): FhirError {
  if (status === 401) return new FhirError('unauthorized', `${what}: not authorized (401)`, status);
  if (status === 403) return new FhirError('forbidden', `${what}: not permitted (403)`, status);
  if (status === 429) return new FhirError('rate-limited', `${what}: too many requests (429)`, status, retryAfterMs);
  if (status >= 500) return new FhirError('server', `${what}: server error ${status}`, status, retryAfterMs);
  return new FhirError('client', `${what}: request rejected (${status})`, status);
}

/** Any thrown value as a FhirError (programming errors become 'network' only if they came from fetch). */
export function asFhirError(e: unknown, what: string): FhirError {
  if (e instanceof FhirError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new FhirError('network', `${what}: network error (${message})`);
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** Plain-language reason for a source status ("server error 503 after 3 tries"). */
export function describeFailure(e: FhirError): string {
  switch (e.kind) {
    case 'forbidden':
      return 'not permitted';
    case 'unauthorized':
      return 'session expired — relaunch from the chart';
    case 'server':
      return `server error ${e.status} after ${e.attempts} ${e.attempts === 1 ? 'try' : 'tries'}`;
    case 'rate-limited':
      return `server busy (429) after ${e.attempts} tries`;
    case 'timeout':
      return `no answer in time after ${e.attempts} ${e.attempts === 1 ? 'try' : 'tries'}`;
    case 'network':
      return `network error after ${e.attempts} ${e.attempts === 1 ? 'try' : 'tries'}`;
    case 'invalid-body':
      return e.message;
    case 'client':
      return `the server rejected the query (${e.status})`;
  }
}
