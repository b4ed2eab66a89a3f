/**
 * A local harness for the browser registry: builds the real RegistryView + Web Worker
 * (scripts/bench/registry-browser/), serves it with public/policy.json and a FHIR endpoint that
 * offers Bulk Data through the sandbox's bulk module over a generated cohort. Used by the browser
 * benchmark and tests/e2e/registry.e2e.ts. Binds 127.0.0.1 on an ephemeral port.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Resource } from 'fhir/r4';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { generateCohort } from '../gen-cohort.ts';
import { createBulkJobs, handleBulk } from '../sandbox/bulk/handler.ts';
import { memorySource } from '../sandbox/bulk/memory-source.ts';

export const HARNESS_AS_OF = '2025-06-30';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
const CAPABILITY = {
  resourceType: 'CapabilityStatement', status: 'active', kind: 'instance', fhirVersion: '4.0.1', format: ['json'],
  rest: [{ mode: 'server', operation: [{ name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export' }] }],
};

export interface Harness { url: string; close(): Promise<void> }

export async function startRegistryHarness(patients: number): Promise<Harness> {
  const cohort = join(tmpdir(), `pcp-bench-cohort-${patients}`);
  if (!existsSync(join(cohort, 'Patient.ndjson'))) await generateCohort({ patients, out: cohort, asOf: HARNESS_AS_OF, seed: 7 });
  const resources: Resource[] = readdirSync(cohort).flatMap((f) =>
    readFileSync(join(cohort, f), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Resource));
  const out = await mkdtemp(join(tmpdir(), 'pcp-registry-harness-'));
  await build({
    root: join(import.meta.dirname, 'registry-browser'), base: './', logLevel: 'error', plugins: [react()],
    configFile: false, build: { outDir: out, emptyOutDir: true, chunkSizeWarningLimit: 4096 },
  });
  const policy = join(import.meta.dirname, '../../public/policy.json');
  const jobs = createBulkJobs({ pollsBeforeReady: 1, retryAfterSeconds: 1 });
  const source = memorySource(resources);
  let base = '';
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/fhir/metadata') {
      res.writeHead(200, { 'Content-Type': 'application/fhir+json' });
      return void res.end(JSON.stringify(CAPABILITY));
    }
    void handleBulk(req, res, { fhirPath: '/fhir', fhirBase: `${base}/fhir`, source, jobs }).then((handled) => {
      if (handled) return;
      const file = path === '/policy.json' ? policy : normalize(join(out, path === '/' ? 'index.html' : path));
      if ((file !== policy && !file.startsWith(out)) || !existsSync(file)) {
        res.writeHead(404);
        return void res.end();
      }
      res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/index.html?fhir=${encodeURIComponent(`${base}/fhir`)}&asOf=${HARNESS_AS_OF}`,
    close: async () => {
      await new Promise<void>((ok) => server.close(() => ok()));
      await rm(out, { recursive: true, force: true });
    },
  };
}
