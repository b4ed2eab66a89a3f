/**
 * How long a PDMP save takes on the heavy patient (~20,000 Observations) in the local sandbox: the conditional
 * create (`If-None-Exist: identifier=urn:pain-care-panel:request|<id>`), its replay (found, 200), and the
 * identifier search the panel runs before creating on servers without conditional create. Prints figures; asserts
 * nothing.
 *
 *   node --experimental-websocket --import tsx scripts/bench/conditional-create.ts [--runs 5]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateHeavyPatient, HEAVY_PATIENT_ID, writeNdjson } from '../gen-heavy-patient.ts';
import { buildPdmpAttestation, REQUEST_ID_SYSTEM } from '../../src/fhir/observation-builders.ts';
import { startSandbox } from '../sandbox/server.ts';
import { obtainToken } from '../sandbox/test-client.ts';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(fn: () => Promise<Response>): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const res = await fn();
  await res.arrayBuffer();
  return { ms: performance.now() - started, status: res.status };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pcp-bench-cc-'));
  try {
    const heavy = generateHeavyPatient();
    writeNdjson(heavy, dir);
    const observations = heavy.filter((r) => r.resourceType === 'Observation').length;
    const sandbox = await startSandbox({ port: 0, dataDirs: [dir], quiet: true });
    try {
      const { access_token } = await obtainToken(sandbox, { patient: HEAVY_PATIENT_ID });
      const headers = { authorization: `Bearer ${access_token}`, 'content-type': 'application/fhir+json', accept: 'application/fhir+json' };
      const rows: Record<string, number[]> = { 'create (201)': [], 'replay (200, found)': [], 'identifier search': [] };
      for (let i = 0; i < runs; i++) {
        const id = `bench-${i}-${Date.now()}`;
        const body = JSON.stringify(buildPdmpAttestation({ patientId: HEAVY_PATIENT_ID, clientRequestId: id, effectiveDateTime: '2026-06-30T10:00:00-04:00' }));
        const post = () => fetch(`${sandbox.fhirBaseUrl}/Observation`, { method: 'POST', headers: { ...headers, 'if-none-exist': `identifier=${REQUEST_ID_SYSTEM}|${id}` }, body });
        const created = await timed(post);
        const replay = await timed(post);
        const search = await timed(() =>
          fetch(`${sandbox.fhirBaseUrl}/Observation?patient=${HEAVY_PATIENT_ID}&identifier=${encodeURIComponent(`${REQUEST_ID_SYSTEM}|${id}`)}`, { headers }),
        );
        if (created.status !== 201 || replay.status !== 200 || search.status !== 200) {
          throw new Error(`unexpected statuses: create ${created.status}, replay ${replay.status}, search ${search.status}`);
        }
        rows['create (201)'].push(created.ms);
        rows['replay (200, found)'].push(replay.ms);
        rows['identifier search'].push(search.ms);
      }
      console.log(`PDMP save on the heavy patient (${observations} Observations), ${runs} runs, median (min–max) ms:`);
      for (const [label, xs] of Object.entries(rows)) {
        console.log(`  ${label.padEnd(22)} ${median(xs).toFixed(1).padStart(9)}  (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`);
      }
    } finally {
      await sandbox.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
