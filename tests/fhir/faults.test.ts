/** Every fault from issue 5: the failing source says why, the other sections still load. */
import { delay, http, HttpResponse } from 'msw';
import { BASE, outcome, resetFake, search } from './msw/fake-fhir.ts';
import { server, useMswServer } from './msw/server.ts';
import { observation, typicalRecord } from './builders.ts';
import { ids, load, noteTexts } from './load-helpers.ts';

useMswServer();
beforeEach(() => resetFake(typicalRecord()));

const failing = (path: string, status: number, headers: Record<string, string> = {}) =>
  http.get(`${BASE}/${path}`, () => HttpResponse.json(outcome('failure'), { status, headers }));

/** Fails the first `times` requests to path, then lets the happy handler answer. */
function failTimes(path: string, times: number, status: number, headers: Record<string, string> = {}) {
  let left = times;
  return http.get(`${BASE}/${path}`, () => (left-- > 0 ? HttpResponse.json(outcome('busy'), { status, headers }) : undefined));
}

describe('server errors and timeouts', () => {
  it.each([500, 502, 503])('retries a %i with backoff and loads when the server recovers', async (status) => {
    server.use(failTimes('Condition', 2, status));
    const { bySource, sleeps } = await load();
    expect(bySource.conditions.status.state).toBe('loaded');
    expect(sleeps).toEqual([375, 750]); // 500 ms × 2^(n−1) × (0.5 + random/2), random fixed at 0.5
  });

  it('gives up after 3 tries, marks the source unavailable with the reason, and loads the others', async () => {
    server.use(failing('Condition', 503));
    const { bySource } = await load();
    expect(bySource.conditions.status).toEqual({ state: 'unavailable', reason: 'server error 503 after 3 tries' });
    expect(noteTexts(bySource.conditions)).toContain('Could not be read: server error 503 after 3 tries');
    expect(bySource.medications.status.state).toBe('loaded');
    expect(bySource.surveys.status.state).toBe('loaded');
  });

  it('treats a request with no answer as a timeout, retried then unavailable', async () => {
    server.use(http.get(`${BASE}/MedicationRequest`, async () => { await delay(500); return HttpResponse.json({}); }));
    const { bySource } = await load({}, { timeoutMs: 30 });
    expect(bySource.medications.status).toEqual({ state: 'unavailable', reason: 'no answer in time after 3 tries' });
    expect(bySource.conditions.status.state).toBe('loaded');
  });

  it('treats a dropped connection as a network error', async () => {
    server.use(http.get(`${BASE}/Condition`, () => HttpResponse.error()));
    const { bySource } = await load();
    expect(bySource.conditions.status).toEqual({ state: 'unavailable', reason: 'network error after 3 tries' });
  });
});

describe('429 Too Many Requests', () => {
  it('waits the Retry-After seconds, then retries', async () => {
    server.use(failTimes('Observation', 1, 429, { 'retry-after': '2' }));
    const { result, sleeps } = await load();
    expect(result.sources.every((s) => s.status.state === 'loaded')).toBe(true);
    expect(sleeps).toContain(2000);
  });

  it('gives up instead of waiting longer than a visit can (Retry-After beyond 30 s)', async () => {
    server.use(failing('Condition', 429, { 'retry-after': '600' }));
    const { bySource, sleeps } = await load();
    expect(bySource.conditions.status).toEqual({ state: 'unavailable', reason: 'server busy (429) after 1 tries' });
    expect(sleeps).toEqual([]);
  });
});

describe('401 and 403', () => {
  it('refreshes an expired token once (when a refresh token was granted) and carries on', async () => {
    resetFake(typicalRecord(), { validTokens: new Set(['token-0']) }); // token-1 has expired; refresh issues token-2
    const { result } = await load({ accessToken: 'token-1', refreshToken: 'refresh-1', scope: 'launch/patient patient/*.read offline_access' });
    expect(result.sessionError).toBeNull();
    expect(result.sources.every((s) => s.status.state === 'loaded')).toBe(true);
  });

  it('says "session expired — relaunch from the chart" when there is no refresh token', async () => {
    resetFake(typicalRecord(), { validTokens: new Set() });
    const { result, bySource } = await load();
    expect(result.sessionError).toEqual({ kind: 'session-expired', message: 'Your session has expired — relaunch the app from the chart.' });
    expect(bySource.medications.status).toEqual({ state: 'unavailable', reason: 'session expired — relaunch from the chart' });
  });

  it('says session expired when the refresh itself is refused', async () => {
    resetFake(typicalRecord(), { validTokens: new Set() });
    const { result } = await load({ refreshToken: 'revoked', scope: 'patient/*.read offline_access' });
    expect(result.sessionError?.kind).toBe('session-expired');
  });

  it('marks only the forbidden resource type unavailable (not permitted)', async () => {
    server.use(failing('Observation', 403), http.post(`${BASE}/Observation/_search`, () => HttpResponse.json(outcome('failure'), { status: 403 })));
    const { bySource } = await load();
    for (const s of ['surveys', 'pdmp', 'agreement', 'udt'] as const) {
      expect(bySource[s].status).toEqual({ state: 'unavailable', reason: 'not permitted' });
    }
    expect(bySource.medications.status.state).toBe('loaded');
    expect(bySource.conditions.status.state).toBe('loaded');
  });
});

describe('a page that fails midway', () => {
  it('keeps the pages already read and marks the source partial, never complete', async () => {
    resetFake([...typicalRecord(), ...Array.from({ length: 12 }, (_, i) => observation(`peg-h${i}`))], { maxPageSize: 5 });
    server.use(http.get(`${BASE}/Observation`, ({ request }) =>
      new URL(request.url).searchParams.get('_page') === '2' ? HttpResponse.json(outcome('gone'), { status: 500 }) : undefined));
    const { bySource } = await load();
    expect(bySource.surveys.status).toEqual({
      state: 'partial',
      reason: 'page 3 could not be read (server error 500 after 3 tries); only the first 2 pages are shown',
      since: null,
    });
    expect(bySource.surveys.resources).toHaveLength(10);
  });
});

describe('malformed answers', () => {
  it('passes every resource to the one normaliser (it decides, as for summarize); entries that are not resources make the source partly read', async () => {
    const broken = [
      { ...observation('no-code'), code: undefined },
      { ...observation('text-value'), valueQuantity: { value: 'seven' } },
      { ...observation('no-id'), id: undefined },
      observation('other-code', { code: '12345-6' }),
    ];
    server.use(http.get(`${BASE}/Observation`, ({ request }) => {
      const url = new URL(request.url);
      const { body } = search('Observation', url);
      if (!url.searchParams.get('code')?.includes('91148-7')) return HttpResponse.json(body as object);
      const bundle = body as { entry: unknown[]; total: number };
      bundle.entry.push(...broken.map((resource) => ({ resource })), { resource: 'not an object' }, {});
      bundle.total += broken.length + 2;
      return HttpResponse.json(bundle);
    }));
    const { bySource } = await load();
    expect(ids(bySource.surveys)).toEqual(['Observation/no-code', 'Observation/other-code', 'Observation/peg1', 'Observation/phq1', 'Observation/text-value', 'Observation/undefined']);
    expect(bySource.surveys.status).toMatchObject({ state: 'partial', reason: expect.stringMatching(/2 search entries were empty or not a resource/) });
  });

  it('a page whose total is larger than what its pages held reads as partly loaded', async () => {
    server.use(http.get(`${BASE}/Condition`, ({ request }) => {
      const { body } = search('Condition', new URL(request.url));
      return HttpResponse.json({ ...(body as object), total: 40 });
    }));
    const { bySource } = await load();
    expect(bySource.conditions.status).toMatchObject({ state: 'partial', reason: 'the server reported 40 matches but its pages held 2' });
  });

  it('marks a source unavailable when the body is not JSON (e.g. a proxy login page)', async () => {
    server.use(http.get(`${BASE}/Condition`, () => HttpResponse.html('<html>Sign in</html>')));
    const { bySource } = await load();
    expect(bySource.conditions.status).toEqual({
      state: 'unavailable', reason: 'GET Condition: the server sent a body that is not JSON (text/html)',
    });
    expect(bySource.medications.status.state).toBe('loaded');
  });

  it('marks a source unavailable when a search answers with something other than a Bundle', async () => {
    server.use(http.get(`${BASE}/Condition`, () => HttpResponse.json({ resourceType: 'Patient', id: 'p1' })));
    const { bySource } = await load();
    expect(bySource.conditions.status.state).toBe('unavailable');
    expect(bySource.conditions.status.reason).toMatch(/answered a search with Patient instead of a Bundle/);
  });

  it('stops when a next link would send the token to another server, keeping what was read', async () => {
    server.use(http.get(`${BASE}/Condition`, ({ request }) => {
      const { body } = search('Condition', new URL(request.url));
      return HttpResponse.json({ ...(body as object), link: [{ relation: 'next', url: 'https://elsewhere.example/fhir/Condition?page=2' }] });
    }));
    const { bySource } = await load();
    expect(bySource.conditions.status.state).toBe('partial');
    expect(ids(bySource.conditions)).toEqual(['Condition/c1', 'Condition/c2']);
  });

  it('still loads when /metadata cannot be read (conservative queries, separate Medication reads)', async () => {
    server.use(failing('metadata', 500));
    const { result } = await load();
    expect(result.sources.every((s) => s.status.state === 'loaded')).toBe(true);
  });
});
