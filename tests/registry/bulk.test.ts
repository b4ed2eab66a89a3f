import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Resource } from 'fhir/r4';
import { createBulkJobs, handleBulk, type BulkContext } from '../../scripts/sandbox/bulk/handler.ts';
import { memorySource } from '../../scripts/sandbox/bulk/memory-source.ts';
import { exportLevels } from '../../src/fhir/bulk/capability.ts';
import { kickOff, pollStatus, retryAfterMs } from '../../src/fhir/bulk/client.ts';
import { BulkError } from '../../src/fhir/bulk/errors.ts';
import { runBulkExport } from '../../src/fhir/bulk/export.ts';

const resources: Resource[] = [
  ...['a', 'b', 'c'].map((id) => ({ resourceType: 'Patient', id }) as Resource),
  ...['a', 'b', 'c'].map((id) => ({ resourceType: 'Observation', id: `o-${id}`, status: 'final', code: {}, subject: { reference: `Patient/${id}` } }) as Resource),
  { resourceType: 'Practitioner', id: 'dr' } as Resource,
  { resourceType: 'Group', id: 'ltot', type: 'person', actual: true, member: [{ entity: { reference: 'Patient/a' } }, { entity: { reference: 'Patient/c' } }] } as Resource,
];

let clock = 1_000_000;
let server: Server;
let base = '';
let ctx: BulkContext;

beforeAll(async () => {
  server = createServer((req, res) => {
    void handleBulk(req, res, ctx).then((handled) => { if (!handled) { res.writeHead(418); res.end(); } });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));
beforeEach(() => {
  ctx = {
    fhirPath: '/fhir', fhirBase: base, source: memorySource(resources),
    jobs: createBulkJobs({ pollsBeforeReady: 2, retryAfterSeconds: 3, ttlMs: 60_000, maxLinesPerFile: 2, now: () => clock }),
  };
});

const sleeps: number[] = [];
const sleep = async (ms: number) => void sleeps.push(ms);
const kick = (path: string, prefer = true) => fetch(`${base}${path}`, { headers: prefer ? { Prefer: 'respond-async' } : {} });

describe('sandbox Bulk Data protocol', () => {
  it('kick-off needs Prefer: respond-async (400 OperationOutcome otherwise)', async () => {
    const res = await kick('/$export', false);
    expect(res.status).toBe(400);
    expect((await res.json()).issue[0].diagnostics).toMatch(/respond-async/);
  });
  it('rejects unsupported _outputFormat and _type, unknown Group', async () => {
    expect((await kick('/$export?_outputFormat=text/csv')).status).toBe(400);
    expect((await kick('/$export?_type=Banana')).status).toBe(400);
    expect((await kick('/Group/nope/$export')).status).toBe(404);
  });
  it('202 + Content-Location, then 202 polls with X-Progress and Retry-After, then the manifest', async () => {
    const res = await kick('/$export');
    expect(res.status).toBe(202);
    const statusUrl = res.headers.get('Content-Location')!;
    expect(statusUrl).toMatch(/\/fhir\/\$bulk-status\//);
    const first = await fetch(statusUrl);
    expect(first.status).toBe(202);
    expect(first.headers.get('Retry-After')).toBe('3');
    expect(first.headers.get('X-Progress')).toBeTruthy();
    expect((await fetch(statusUrl)).status).toBe(202);
    const done = await fetch(statusUrl);
    expect(done.status).toBe(200);
    const manifest = await done.json();
    expect(manifest.output.map((o: { type: string; count: number }) => `${o.type}:${o.count}`)).toEqual([
      'Group:1', 'Observation:2', 'Observation:1', 'Patient:2', 'Patient:1', 'Practitioner:1',
    ]);
    const file = await fetch(manifest.output[1].url);
    expect(file.headers.get('Content-Type')).toBe('application/fhir+ndjson');
    expect((await file.text()).trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['o-a', 'o-b']);
  });
  it('files expire after the TTL: status and files answer 410', async () => {
    const statusUrl = (await kick('/Patient/$export')).headers.get('Content-Location')!;
    for (let i = 0; i < 2; i++) await fetch(statusUrl);
    const manifest = await (await fetch(statusUrl)).json();
    clock += 60_001;
    expect((await fetch(manifest.output[0].url)).status).toBe(410);
    expect((await fetch(statusUrl)).status).toBe(410);
    clock = 1_000_000;
  });
  it('DELETE cancels: 202, then the status is 404', async () => {
    const statusUrl = (await kick('/$export')).headers.get('Content-Location')!;
    expect((await fetch(statusUrl, { method: 'DELETE' })).status).toBe(202);
    expect((await fetch(statusUrl)).status).toBe(404);
  });
  it('a failing export answers its status with 500 and an OperationOutcome', async () => {
    ctx.source = { ...memorySource(resources), readAll: async () => { throw new Error('database offline'); } };
    const statusUrl = (await kick('/$export')).headers.get('Content-Location')!;
    await new Promise((ok) => setTimeout(ok, 10));
    const res = await fetch(statusUrl);
    expect(res.status).toBe(500);
    expect((await res.json()).issue[0].diagnostics).toMatch(/database offline/);
  });
  it('ignores routes that are not bulk (returns false)', async () => {
    expect((await fetch(`${base}/Patient/a`)).status).toBe(418);
  });
});

describe('Bulk Data client', () => {
  beforeEach(() => { sleeps.length = 0; });

  it('Group export: polls honouring Retry-After, streams only the members\' compartments', async () => {
    const got: string[] = [];
    const progress: string[] = [];
    const r = await runBulkExport(fetch, {
      fhirBase: base, level: 'group', groupId: 'ltot', onResource: (x) => got.push(`${x.resourceType}/${(x as Resource).id}`),
      onProgress: (p) => progress.push(p), poll: { sleep },
    });
    expect(sleeps).toEqual([3000, 3000]);
    expect(got.sort()).toEqual(['Observation/o-a', 'Observation/o-c', 'Patient/a', 'Patient/c']);
    expect(r).toEqual({ resources: 4, files: 2 });
    expect(progress.some((p) => /resources in/.test(p))).toBe(true);
  });
  it('kick-off refusal is a BulkError carrying the OperationOutcome text', async () => {
    const err = await kickOff((u) => fetch(u, { headers: {} }), `${base}/$export`).catch((e) => e);
    expect(err).toBeInstanceOf(BulkError);
    expect(err.message).toMatch(/400: Bulk export needs the header/);
  });
  it('error status and expired jobs become BulkErrors of the right kind', async () => {
    ctx.source = { ...memorySource(resources), readAll: async () => { throw new Error('disk full'); } };
    const failing = await kickOff(fetch, `${base}/$export`);
    await new Promise((ok) => setTimeout(ok, 10));
    await expect(pollStatus(fetch, failing, { sleep })).rejects.toMatchObject({ kind: 'status', status: 500 });
    ctx.source = memorySource(resources);
    const gone = await kickOff(fetch, `${base}/$export`);
    await fetch(gone, { method: 'DELETE' });
    await expect(pollStatus(fetch, gone, { sleep })).rejects.toMatchObject({ kind: 'expired', status: 404 });
  });
  it('times out instead of polling forever', async () => {
    const statusUrl = await kickOff(fetch, `${base}/$export`);
    await expect(pollStatus(fetch, statusUrl, { sleep, timeoutMs: 4000 })).rejects.toMatchObject({ kind: 'timeout' });
  });
  it('cancel via AbortSignal stops polling and DELETEs the job', async () => {
    const ac = new AbortController();
    const statusUrls: string[] = [];
    const spy = (u: string, init?: RequestInit) => {
      if (init?.method === 'DELETE') statusUrls.push(u);
      return fetch(u, init);
    };
    const p = runBulkExport(spy, { fhirBase: base, level: 'system', signal: ac.signal, onResource: () => {},
      poll: { sleep: (_ms, signal) => new Promise((_ok, no) => signal?.addEventListener('abort', () => no(new BulkError('cancelled', 'export cancelled')))) } });
    await new Promise((ok) => setTimeout(ok, 20));
    ac.abort();
    await expect(p).rejects.toMatchObject({ kind: 'cancelled' });
    await new Promise((ok) => setTimeout(ok, 20));
    expect(statusUrls).toHaveLength(1);
    expect((await fetch(statusUrls[0])).status).toBe(404);
  });
  it('a cancel that lands while a status poll is in flight is the same cancel (not a raw AbortError)', async () => {
    const ac = new AbortController();
    const deletes: string[] = [];
    const spy = async (u: string, init?: RequestInit) => {
      if (init?.method === 'DELETE') deletes.push(u);
      // The status poll is held until the cancel, so the abort lands mid-request whatever the machine's speed.
      if (u.includes('$bulk-status') && init?.method !== 'DELETE') {
        ac.abort();
        init?.signal?.throwIfAborted();
      }
      return fetch(u, init);
    };
    const p = runBulkExport(spy, { fhirBase: base, level: 'system', signal: ac.signal, onResource: () => {}, poll: { sleep } });
    await expect(p).rejects.toMatchObject({ kind: 'cancelled' });
    await new Promise((ok) => setTimeout(ok, 20));
    expect(deletes).toHaveLength(1);
  });
  it.each([
    ['5', 5000], ['0', 0], [null, null], ['soon', null], ['Thu, 01 Jan 1970 00:16:50 GMT', 10_000],
  ])('Retry-After %j → %j ms', (v, ms) => expect(retryAfterMs(v, 1_000_000)).toBe(ms));
});

describe('CapabilityStatement → export levels', () => {
  it.each([
    [{ resourceType: 'CapabilityStatement', rest: [{ mode: 'server', operation: [{ name: 'export', definition: 'x' }] }] }, ['system']],
    [{ resourceType: 'CapabilityStatement', rest: [{ mode: 'server', resource: [{ type: 'Group', operation: [{ name: 'export', definition: 'x' }] }] }] }, ['group']],
    [{ resourceType: 'CapabilityStatement', rest: [{ mode: 'server' }] }, []],
    [null, []],
  ])('%#', (cs, levels) => expect(exportLevels(cs as never)).toEqual(levels));
});

describe('repository source (sandbox FHIR engine adapter)', () => {
  it('reads every page of a type and resolves Groups', async () => {
    const { repositorySource } = await import('../../scripts/sandbox/bulk/repository-source.ts');
    const all = Array.from({ length: 5 }, (_, i) => ({ resourceType: 'Patient', id: `p${i}` }) as Resource);
    const requests: string[] = [];
    const repo = {
      search: async (q: { resourceType: string; count?: number; offset?: number }) => {
        requests.push(`${q.resourceType}@${q.offset}`);
        const page = (q.resourceType === 'Patient' ? all : []).slice(q.offset ?? 0, (q.offset ?? 0) + (q.count ?? 10));
        return { resourceType: 'Bundle' as const, type: 'searchset' as const, entry: page.map((resource) => ({ resource })) };
      },
      readResource: async (type: string, id: string) => {
        if (type === 'Group' && id === 'g') return { resourceType: 'Group', id: 'g', type: 'person', actual: true } as Resource;
        throw new Error('not found');
      },
    };
    const src = repositorySource(repo, undefined, 2);
    expect((await src.readAll('Patient')).map((p) => p.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(requests).toEqual(['Patient@0', 'Patient@2', 'Patient@4']);
    expect((await src.readGroup('g'))?.id).toBe('g');
    expect(await src.readGroup('nope')).toBeUndefined();
    expect(src.supportsType('Observation')).toBe(true);
    expect(src.supportsType('Banana')).toBe(false);
  });
});

describe('sandbox mount helpers', () => {
  it('withExportCapability advertises $export so the client finds it', async () => {
    const { withExportCapability } = await import('../../scripts/sandbox/bulk/index.ts');
    const cs = withExportCapability({ resourceType: 'CapabilityStatement', status: 'active', date: '2025-01-01', kind: 'instance', fhirVersion: '4.0.1', format: ['json'],
      rest: [{ mode: 'server', resource: [{ type: 'Group' }, { type: 'Observation' }] }] });
    expect(exportLevels(cs).sort()).toEqual(['group', 'system']);
  });
});
