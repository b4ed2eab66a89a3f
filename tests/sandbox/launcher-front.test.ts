/**
 * The open front bench:launch --launcher puts on the sandbox for the SMART launcher v2's FHIR proxy: it adds a token,
 * answers at the root path and turns the launcher's encounter lookup into a query the sandbox accepts.
 */
import type { Bundle } from 'fhir/r4';
import type { Server } from 'node:http';
import { startOpenFront } from '../../scripts/bench/launcher-flow.ts';
import { startSandbox, type Sandbox } from '../../scripts/sandbox/server.ts';

const PID = '389bac6b-5b19-43c2-90a6-79afa9ba59e7'; // Eliseo Cummings (Synthea fixture)

let sb: Sandbox;
let front: { base: string; server: Server };
beforeAll(async () => {
  sb = await startSandbox({ today: '2026-11-22' });
  front = await startOpenFront(sb);
});
afterAll(async () => {
  await new Promise<void>((ok) => front.server.close(() => ok()));
  await sb.close();
});

describe('open front for the SMART launcher (bench only)', () => {
  it("answers the launcher's encounter lookup: root path, trailing slash, _sort:desc → _sort=-date", async () => {
    const res = await fetch(`${front.base}/Encounter/?_count=1&_sort:desc=date&patient=${PID}`);
    expect(res.status).toBe(200);
    const bundle = (await res.json()) as Bundle;
    expect(bundle.entry).toHaveLength(1);
    expect(bundle.entry?.[0].resource?.resourceType).toBe('Encounter');
  });
  it("rewrites the sandbox's base to its own in bodies (paging links stay on the front)", async () => {
    const res = await fetch(`${front.base}/Observation?patient=${PID}&_count=2`);
    const text = await res.text();
    expect(text).not.toContain(sb.fhirBaseUrl);
    const next = (JSON.parse(text) as Bundle).link?.find((l) => l.relation === 'next')?.url;
    expect(next?.startsWith(`${front.base}/`)).toBe(true);
    expect((await fetch(next!)).status).toBe(200);
  });
  it('the sandbox itself still wants a token', async () => {
    expect((await fetch(`${sb.fhirBaseUrl}/Patient/${PID}`)).status).toBe(401);
  });
});
