/**
 * The browser pipeline (worker job over Bulk Data from the sandbox protocol) and the command-line
 * pipeline (streaming folder) give the same measures on the same generated cohort, with the real engine.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Resource } from 'fhir/r4';
import { cohortPatient, PRACTITIONERS } from '../../scripts/gen-cohort-records.ts';
import { createBulkJobs, handleBulk } from '../../scripts/sandbox/bulk/handler.ts';
import { memorySource } from '../../scripts/sandbox/bulk/memory-source.ts';
import { runRegistry } from '../../src/cli/registry-run.ts';
import { DEFAULT_POLICY } from '../../src/clinical/policy/index.ts';
import { summarizePatient } from '../../src/clinical/summary.ts';
import type { Summarize } from '../../src/registry/accumulate.ts';
import { runRegistryJob } from '../../src/registry/worker-run.ts';
import type { FromWorker } from '../../src/registry/worker-protocol.ts';

const AS_OF = '2025-06-30';
const summarize: Summarize = (rs, ls, asOf) => summarizePatient(rs, ls, DEFAULT_POLICY, asOf);

it('browser (bulk + worker job) and command line agree on 60 generated patients', async () => {
  const resources: Resource[] = [...PRACTITIONERS, ...Array.from({ length: 60 }, (_, i) => cohortPatient(i, AS_OF, 3)).flat()];
  const dir = await mkdtemp(join(tmpdir(), 'registry-pipelines-'));
  const byType = new Map<string, string[]>();
  for (const r of resources) byType.set(r.resourceType, [...(byType.get(r.resourceType) ?? []), JSON.stringify(r)]);
  for (const [t, lines] of byType) await writeFile(join(dir, `${t}.ndjson`), lines.join('\n') + '\n');

  const jobs = createBulkJobs({ pollsBeforeReady: 0, retryAfterSeconds: 0 });
  let base = '';
  const server = createServer((req, res) => {
    if (req.url === '/fhir/metadata') {
      res.writeHead(200, { 'Content-Type': 'application/fhir+json' });
      return res.end(JSON.stringify({ resourceType: 'CapabilityStatement', rest: [{ mode: 'server', operation: [{ name: 'export', definition: 'x' }] }] }));
    }
    void handleBulk(req, res, { fhirPath: '/fhir', fhirBase: base, source: memorySource(resources), jobs });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
  try {
    const cli = await runRegistry({ folder: dir, asOf: AS_OF, summarize, months: 3 });
    const out: FromWorker[] = [];
    await runRegistryJob({ type: 'start', fhirBase: base, accessToken: null, asOf: AS_OF, policyJson: null, runChartMonths: 3 },
      { summarize, fetch, opioidCodes: [], post: (m) => out.push(m), signal: new AbortController().signal });
    const final = out.filter((m): m is Extract<FromWorker, { type: 'measures' }> => m.type === 'measures').at(-1)!;
    expect(cli.cohort.opioid).toBeGreaterThan(40);
    expect(final.report.cohort).toEqual(cli.cohort);
    expect(final.report.measures).toEqual(cli.measures);
    expect(final.report.runChart).toEqual(cli.runChart);
    const rows = out.flatMap((m) => (m.type === 'rows' ? m.rows : []));
    expect(rows).toHaveLength(cli.cohort.opioid);
    expect(out.flatMap((m) => (m.type === 'rows' ? m.listed : []))).toHaveLength(cli.cohort.excluded + cli.cohort.moudOnly);
    expect(rows.every((r) => r.prescriber.display.startsWith('Dr '))).toBe(true);
  } finally {
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
