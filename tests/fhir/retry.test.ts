/** Bounded retries: exponential backoff with jitter, Retry-After honoured, never waits past the cap. */
import { FhirError, parseRetryAfter } from '../../src/fhir/errors.ts';
import { withRetry } from '../../src/fhir/retry.ts';

function flaky(failures: FhirError[]) {
  let calls = 0;
  return { fn: async () => { const e = failures[calls++]; if (e) throw e; return 'ok'; }, calls: () => calls };
}
const server = (status = 503) => new FhirError('server', `server error ${status}`, status);

it('backs off 500 ms × 2^n with jitter between 50% and 100%', async () => {
  for (const [random, expected] of [[0, [250, 500]], [1, [500, 1000]]] as const) {
    const sleeps: number[] = [];
    const f = flaky([server(), server()]);
    await expect(withRetry(f.fn, { sleep: async (ms) => void sleeps.push(ms), random: () => random })).resolves.toBe('ok');
    expect(sleeps).toEqual(expected);
  }
});

it('stops after maxAttempts and reports how many tries were made', async () => {
  const f = flaky([server(), server(), server(), server()]);
  const error = await withRetry(f.fn, { sleep: async () => {} }).catch((e: FhirError) => e);
  expect([f.calls(), (error as FhirError).attempts]).toEqual([3, 3]);
});

it('does not retry what cannot get better (403, 400, 401)', async () => {
  for (const e of [new FhirError('forbidden', 'no', 403), new FhirError('client', 'bad', 400), new FhirError('unauthorized', 'exp', 401)]) {
    const f = flaky([e]);
    await expect(withRetry(f.fn, { sleep: async () => {} })).rejects.toBe(e);
    expect(f.calls()).toBe(1);
  }
});

it('reads Retry-After as seconds or as an HTTP date', () => {
  expect(parseRetryAfter('3', 0)).toBe(3000);
  expect(parseRetryAfter('Sun, 22 Nov 2026 15:00:10 GMT', Date.parse('2026-11-22T15:00:00Z'))).toBe(10_000);
  expect(parseRetryAfter('soon', 0)).toBeNull();
  expect(parseRetryAfter(null, 0)).toBeNull();
});
