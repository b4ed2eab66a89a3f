/**
 * Loader benchmark (issue 5): the app's loader + clinical engine against the local SMART sandbox, for a
 * typical Synthea patient and the generated heavy patient. Prints requests, pages, bytes, median time to
 * all data and to the computed summary (5 runs after a warm-up), and the raw request time for the same URLs.
 *
 *   npm run bench:loader              # against scripts/sandbox/server.ts
 *   npm run bench:loader -- --server fake   # fallback: the tests' in-memory FHIR search on a local socket
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_POLICY } from '../../src/clinical/policy/index.ts';
import { makeNodeClient } from '../../tests/fhir/msw/node-client.ts';
import { generateHeavyPatient, HEAVY_PATIENT_ID, writeNdjson } from '../gen-heavy-patient.ts';
import { startFakeFhir } from './fake-server.ts';
import { discoverChains, median, rawRun, timedRun, type RunFigures, type Summarize } from './measure.ts';
import { typicalPatient } from './patients.ts';
import { startSandboxFor } from './sandbox-session.ts';

const RUNS = 5;
const useFake = process.argv.includes('--server') && process.argv[process.argv.indexOf('--server') + 1] === 'fake';

async function loadSummarize(): Promise<Summarize | null> {
  const path = '../../src/clinical/summary.ts'; // a variable path: the engine is built in parallel with this script
  try {
    const mod = (await import(path)) as { summarizePatient: (r: unknown, s: unknown, p: unknown, a: string) => unknown };
    return (resources, status, asOf) => mod.summarizePatient(resources, status, DEFAULT_POLICY, asOf);
  } catch (e) {
    console.warn(`clinical engine not available (${e instanceof Error ? e.message.split('\n')[0] : e}): summary time = data time`);
    return null;
  }
}

interface Row { label: string; runs: RunFigures[]; raw: number[] }

async function bench(label: string, serverUrl: string, token: string, patient: string, asOf: string, summarize: Summarize | null): Promise<Row> {
  const client = () => makeNodeClient({ serverUrl, patient, accessToken: token, scope: 'launch/patient patient/*.read' });
  await timedRun(client(), asOf, summarize); // warm-up (JIT, server caches)
  const runs: RunFigures[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await timedRun(client(), asOf, summarize));
  const chains = await discoverChains(runs[0].urls, `Bearer ${token}`);
  const raw: number[] = [];
  for (let i = 0; i < RUNS; i++) raw.push(await rawRun(chains, `Bearer ${token}`));
  console.log(`  ${label}: ${runs[0].states}`);
  return { label, runs, raw };
}

function print(rows: Row[]): void {
  const fmt = (n: number) => n.toFixed(0).padStart(8);
  console.log('\npatient      requests  pages   resources       bytes   all-data ms  summary ms    raw ms   summary/raw');
  for (const { label, runs, raw } of rows) {
    const r = runs[0];
    const summary = median(runs.map((x) => x.summaryMs));
    const rawMs = median(raw);
    console.log(
      `${label.padEnd(12)}${String(r.requests).padStart(9)}${String(r.pages).padStart(7)}${String(r.resources).padStart(12)}` +
        `${String(r.bytes).padStart(12)}${fmt(median(runs.map((x) => x.allDataMs))).padStart(14)}${fmt(summary).padStart(12)}` +
        `${fmt(rawMs).padStart(10)}${(summary / rawMs).toFixed(2).padStart(13)}×`,
    );
  }
  console.log(`(medians of ${RUNS} runs; requests = pages + /metadata + Patient + separate Medication reads)`);
}

async function main(): Promise<void> {
  const summarize = await loadSummarize();
  const dir = mkdtempSync(join(tmpdir(), 'pcp-bench-'));
  try {
    const heavy = generateHeavyPatient();
    const typical = typicalPatient();
    const asOf = new Date().toISOString().slice(0, 10);
    const rows: Row[] = [];
    if (useFake) {
      const fake = await startFakeFhir([...typical.resources, ...heavy]);
      try {
        rows.push(await bench('typical', fake.fhirBaseUrl, fake.token, typical.patientId, '2026-06-30', summarize));
        rows.push(await bench('heavy', fake.fhirBaseUrl, fake.token, HEAVY_PATIENT_ID, '2026-06-30', summarize));
      } finally {
        await fake.close();
      }
    } else {
      writeNdjson(heavy, join(dir, 'heavy'));
      writeNdjson(typical.resources, join(dir, 'typical'));
      const sandbox = await startSandboxFor([join(dir, 'typical'), join(dir, 'heavy')]);
      try {
        for (const [label, patientId] of [['typical', typical.patientId], ['heavy', HEAVY_PATIENT_ID]] as const) {
          const token = await sandbox.token(patientId);
          rows.push(await bench(label, sandbox.fhirBaseUrl, token, patientId, asOf, summarize));
        }
      } finally {
        await sandbox.close();
      }
    }
    print(rows);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
