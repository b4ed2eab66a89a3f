/**
 * Bounded retries with exponential backoff and jitter; honours Retry-After. The clock is injectable so
 * tests run in milliseconds.
 *
 * @example
 *   // attempts at t=0, ~0.5 s, ~1 s (3 attempts), then the last error is thrown with attempts = 3
 *   await withRetry(() => transportCall(), { maxAttempts: 3, baseDelayMs: 500 });
 */
import type Client from 'fhirclient/lib/Client';
import { FhirError } from './errors.ts';

export interface RetryOptions {
  /** Total attempts including the first, default 3. */
  maxAttempts?: number;
  /** First backoff step, default 500 ms; doubles each retry. */
  baseDelayMs?: number;
  /** Longest single wait (backoff or Retry-After), default 30 s: a longer Retry-After gives up instead. */
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** 0..1, for jitter; default Math.random. */
  random?: () => number;
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const base = options.baseDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 30_000;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof FhirError)) throw e;
      e.attempts = attempt;
      if (!e.retryable || attempt >= maxAttempts) throw e;
      const backoff = base * 2 ** (attempt - 1) * (0.5 + random() / 2); // "equal jitter"
      const wait = e.retryAfterMs ?? backoff;
      if (wait > maxDelay) throw e; // the server asks for longer than a rooming visit can wait
      await sleep(wait);
    }
  }
}

/** fhirclient's refresh() needs a refresh token, a token endpoint and online/offline access. */
export function canRefresh(client: Client): boolean {
  const state = client.state;
  const scope = state.tokenResponse?.scope ?? '';
  return Boolean(state.tokenResponse?.refresh_token && state.tokenUri && /\b(offline|online)_access\b/.test(scope));
}
