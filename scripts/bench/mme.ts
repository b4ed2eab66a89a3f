/**
 * MME benchmark: `npm run bench:mme [-- <synthea-bundle.json>]`
 * Prints the median and minimum time of computeMme over 10,000 realistic MedicationRequests (mme-orders.ts:
 * varied products, strengths, dosage shapes, statuses and dates; most orders current and fully computed)
 * (1) as 1,000 patients × 10 orders, one call per patient — the registry case and the target: < 20 ms —,
 * (2) the same 10,000 orders in one call (most become duplicates of one another: few are computed), and
 * (3) one Synthea patient bundle (default: the largest file in fhir-fixtures/synthea, else
 * ../shared/fhir-samples/synthea). Each line says how many orders were fully computed, so a fast time
 * cannot hide orders skipped as duplicates. Run it on a quiet machine: other work inflates the figures.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { readInputFile, selectPatient } from '../../src/cli/read-input.ts';
import { computeMme } from '../../src/clinical/mme/index.ts';
import type { MmeResult } from '../../src/clinical/types.ts';
import { makePatients } from './mme-orders.ts';

const AS_OF = '2024-03-15';
const RUNS = 21;

// A full garbage collection before each timed run (outside the timing), so a run does not pay for the
// garbage of the previous ones.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function median(fn: () => void): { median: number; min: number } {
  for (let i = 0; i < 3; i++) fn(); // warm-up (JIT, lazily built drug products)
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    collectGarbage();
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], min: times[0] };
}

function syntheaFile(): string | undefined {
  if (process.argv[2]) return process.argv[2];
  for (const dir of ['fhir-fixtures/synthea', '../shared/fhir-samples/synthea']) {
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => join(dir, f));
    if (files.length) return files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
  }
  return undefined;
}

/** Orders with their arithmetic done (counted, or unknown for a stated reason), i.e. not excluded. */
const computed = (result: MmeResult) => result.orders.filter((o) => o.status !== 'excluded').length;
const ms = (t: { median: number; min: number }, digits = 2) => `median ${t.median.toFixed(digits)} ms (min ${t.min.toFixed(digits)} ms, ${RUNS} runs)`;
// Only counts are kept from the check runs: holding 10,000 results alive during the timed runs makes the
// garbage collector's work (and the times) depend on the harness rather than on computeMme.

const patients = makePatients(1000, 10);
const perPatientComputed = patients.reduce((n, resources) => n + computed(computeMme(resources, { asOf: AS_OF })), 0);
const perPatient = median(() => {
  for (const resources of patients) computeMme(resources, { asOf: AS_OF });
});
console.log(`computeMme, 10,000 MedicationRequests as 1,000 patients × 10 (one call each): ${ms(perPatient)}; ${perPatientComputed} orders computed — target < 20 ms ${perPatient.median < 20 ? 'MET' : 'NOT MET'}`);

const all = patients.flat();
const single = computeMme(all, { asOf: AS_OF });
const singleSummary = `${computed(single)} orders computed (the rest excluded, mostly as duplicates), total ${single.totalPerDay} MME/day`;
const oneCall = median(() => computeMme(all, { asOf: AS_OF }));
console.log(`computeMme, the same 10,000 MedicationRequests in one call: ${ms(oneCall)}; ${singleSummary}`);

const file = syntheaFile();
if (file) {
  const { resources } = selectPatient(readInputFile(file));
  const mrCount = resources.filter((r) => r.resourceType === 'MedicationRequest').length;
  const one = median(() => computeMme(resources, { asOf: AS_OF }));
  console.log(`computeMme, Synthea patient ${file} (${resources.length} resources, ${mrCount} MedicationRequests): ${ms(one, 3)}`);
} else {
  console.log('no Synthea bundle found (pass a path)');
}
