/**
 * /metadata is read once per server for the browser session (sessionStorage): a relaunch starts its searches
 * without waiting for it. An unreadable statement is not kept; each server has its own copy.
 */
import type { CapabilityStatement } from 'fhir/r4';
import { prefetchCapabilities, readCapabilities } from '../../src/fhir/capabilities.ts';
import type { FhirResponse, Transport } from '../../src/fhir/transport.ts';
import { MemoryStorage } from '../store/memory-storage.ts';


const statement: CapabilityStatement = {
  resourceType: 'CapabilityStatement', status: 'active', date: '2026-01-01', kind: 'instance', fhirVersion: '4.0.1', format: ['json'],
  rest: [{ mode: 'server', resource: [{ type: 'MedicationRequest', searchParam: [{ name: 'authoredon', type: 'date', documentation: 'long text not kept' }], searchInclude: ['MedicationRequest:medication'], conditionalCreate: true }] }],
};

function transport(base: string, answer: () => unknown): Transport & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    stats: { requests: 0, bytes: 0 },
    resolve: (url) => new URL(url, base).toString(),
    send: async (url) => {
      calls.push(url);
      const body = answer();
      if (body instanceof Error) throw body;
      return { status: 200, body, bytes: 0, headers: new Headers() } satisfies FhirResponse;
    },
  };
}

describe('capabilities kept for the session', () => {
  beforeEach(() => vi.stubGlobal('sessionStorage', new MemoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  it('reads /metadata once per server; the second launch answers the same questions from the kept copy', async () => {
    const a = transport('https://ehr-a.example/fhir/', () => statement);
    const first = await readCapabilities(a);
    const second = await readCapabilities(a);
    expect(a.calls).toEqual(['metadata']);
    for (const caps of [first, second]) {
      expect(caps.known).toBe(true);
      expect(caps.supportsSearchParam('MedicationRequest', 'authoredon')).toBe(true);
      expect(caps.supportsInclude('MedicationRequest', 'MedicationRequest:medication')).toBe(true);
      expect(caps.supportsConditionalCreate('MedicationRequest')).toBe(true);
      expect(caps.supportsSearchParam('Observation', 'category')).toBe(false);
    }
    expect(sessionStorage.getItem('pcp-capabilities:https://ehr-a.example/fhir/metadata')).not.toContain('long text');
    const b = transport('https://ehr-b.example/fhir/', () => statement);
    await readCapabilities(b);
    expect(b.calls).toEqual(['metadata']); // another server: its own read
  });

  it('does not keep a failed or non-statement answer: the next launch asks again', async () => {
    const failing = transport('https://ehr-c.example/fhir/', () => new Error('503'));
    expect((await readCapabilities(failing)).known).toBe(false);
    const odd = transport('https://ehr-c.example/fhir/', () => ({ resourceType: 'OperationOutcome' }));
    expect((await readCapabilities(odd)).known).toBe(false);
    await readCapabilities(odd);
    expect(odd.calls).toEqual(['metadata', 'metadata']);
  });

  it('works without sessionStorage (privacy settings, node): reads every time', async () => {
    vi.stubGlobal('sessionStorage', undefined);
    const t = transport('https://ehr-d.example/fhir/', () => statement);
    await readCapabilities(t);
    await readCapabilities(t);
    expect(t.calls).toEqual(['metadata', 'metadata']);
  });
});

describe('/metadata asked for while the token is exchanged', () => {
  const BASE_URL = 'https://ehr-e.example/fhir';
  beforeEach(() => vi.stubGlobal('sessionStorage', new MemoryStorage()));
  afterEach(() => vi.unstubAllGlobals());

  function launchState(serverUrl: string) {
    sessionStorage.setItem('state-1', JSON.stringify({ serverUrl, clientId: 'pain-care-panel' }));
    return '?code=abc&state=state-1';
  }

  it('reads the launch server\'s statement without a token; the loader then does not ask again', async () => {
    const fetched: { url: string; auth: string | null }[] = [];
    const fetchImpl = (async (url: RequestInfo | URL, init?: RequestInit) => {
      fetched.push({ url: String(url), auth: new Headers(init?.headers).get('authorization') });
      return new Response(JSON.stringify(statement), { status: 200 });
    }) as typeof fetch;
    prefetchCapabilities(launchState(BASE_URL), sessionStorage, fetchImpl);
    const t = transport(`${BASE_URL}/`, () => statement);
    const caps = await readCapabilities(t);
    expect(fetched).toEqual([{ url: `${BASE_URL}/metadata`, auth: null }]);
    expect(t.calls).toEqual([]);
    expect(caps.supportsSearchParam('MedicationRequest', 'authoredon')).toBe(true);
  });

  it('a server that wants a token for /metadata is asked again with the token', async () => {
    const fetchImpl = (async () => new Response('{"resourceType":"OperationOutcome"}', { status: 401 })) as typeof fetch;
    prefetchCapabilities(launchState('https://ehr-f.example/fhir'), sessionStorage, fetchImpl);
    const t = transport('https://ehr-f.example/fhir/', () => statement);
    expect((await readCapabilities(t)).known).toBe(true);
    expect(t.calls).toEqual(['metadata']);
  });

  it('does nothing without a launch state, or when the saved state names no http(s) server', async () => {
    const fetchImpl = vi.fn() as unknown as typeof fetch;
    prefetchCapabilities('?code=abc', sessionStorage, fetchImpl);
    sessionStorage.setItem('state-2', JSON.stringify({ serverUrl: 'javascript:alert(1)' }));
    prefetchCapabilities('?code=abc&state=state-2', sessionStorage, fetchImpl);
    prefetchCapabilities('?code=abc&state=missing', sessionStorage, fetchImpl);
    expect(fetchImpl).not.toHaveBeenCalled();
  });
});
