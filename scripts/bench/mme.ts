/**
 * MME benchmark: `npm run bench:mme [-- <synthea-bundle.json>]`
 * Prints the median time of computeMme over (1) 10,000 MedicationRequests of a deterministic mixed set
 * (IR/ER tablets, combination products, liquids, patches, PRN, dispense-only, stopped and stale orders,
 * MOUD, unknown codes and Medication references) in one call, (2) the same orders as 1,000 patients × 10
 * (registry-style, few duplicates) and (3) one Synthea patient bundle (default: the largest
 * file in fhir-fixtures/synthea, else ../shared/fhir-samples/synthea). Target: 10,000 orders < 20 ms.
 */
import type { MedicationRequest, Resource } from 'fhir/r4';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { join } from 'node:path';
import { readInputFile, selectPatient } from '../../src/cli/read-input.ts';
import { computeMme } from '../../src/clinical/mme/index.ts';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const AS_OF = '2024-03-15';
const RUNS = 21;

type Shape = (i: number) => Partial<MedicationRequest>;
const code = (c: string, text?: string) => ({ medicationCodeableConcept: { coding: [{ system: RXNORM, code: c }], ...(text ? { text } : {}) } });
const dose = (value: number, repeat: object, extra: object = {}) => ({
  dosageInstruction: [{ timing: { repeat }, doseAndRate: [{ doseQuantity: { value } }], ...extra }],
});
const SHAPES: Shape[] = [
  () => ({ ...code('1049621'), ...dose(1, { frequency: 1, period: 6, periodUnit: 'h' }) }),
  () => ({ ...code('857005', 'Acetaminophen 325 MG / HYDROcodone Bitartrate 7.5 MG Oral Tablet'), ...dose(1, { frequency: 1, period: 4, periodUnit: 'h' }, { asNeededBoolean: true }) }),
  () => ({ ...code('1049502'), ...dose(1, { frequency: 2, period: 1, periodUnit: 'd' }) }),
  () => ({ ...code('245134'), ...dose(1, { frequency: 1, period: 72, periodUnit: 'h' }) }),
  () => ({ ...code('892589'), dosageInstruction: [{ timing: { code: { coding: [{ code: 'Q4H' }] } }, doseAndRate: [{ doseQuantity: { value: 5, unit: 'mL', code: 'mL' } }] }] }),
  () => ({ ...code('864706'), ...dose(1, { frequency: 3, period: 1, periodUnit: 'd' }) }),
  () => ({ ...code('1049621'), dispenseRequest: { quantity: { value: 120 }, expectedSupplyDuration: { value: 30, code: 'd' } } }),
  (i) => ({ ...code('1860154'), status: 'stopped', authoredOn: `20${10 + (i % 10)}-05-01` }),
  () => ({ ...code('856980'), authoredOn: '2015-07-03T10:00:00+00:00' }),
  () => ({ ...code('1010606'), ...dose(1, { frequency: 1, period: 1, periodUnit: 'd' }) }),
  () => ({ ...code('99999999', 'oxycodone hydrochloride 10 MG Oral Tablet'), ...dose(1, { frequency: 4, period: 1, periodUnit: 'd' }) }),
  () => ({ ...code('313782', 'Acetaminophen 325 MG Oral Tablet'), ...dose(2, { frequency: 1, period: 6, periodUnit: 'h' }) }),
  () => ({ medicationReference: { reference: 'Medication/oxy80' }, ...dose(1, { frequency: 1, period: 12, periodUnit: 'h' }) }),
];

function makeOrders(n: number): Resource[] {
  const resources: Resource[] = [
    { resourceType: 'Medication', id: 'oxy80', code: { text: 'oxyCODONE (OxyCONTIN) 12 hr tablet' }, form: { text: 'tablet,oral only,ext.rel.12 hr' },
      ingredient: [{ itemCodeableConcept: { text: 'oxyCODONE' }, strength: { numerator: { value: 80, code: 'mg' }, denominator: { value: 80, code: 'mg' } } }] } as Resource,
  ];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    resources.push({ resourceType: 'MedicationRequest', id: `mr-${i}`, status: 'active', intent: 'order', subject: { reference: 'Patient/p' }, authoredOn: `2024-02-${day}`, ...SHAPES[i % SHAPES.length](i) } as MedicationRequest);
  }
  return resources;
}

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

const orders = makeOrders(10_000);
let check = computeMme(orders, { asOf: AS_OF });
const big = median(() => (check = computeMme(orders, { asOf: AS_OF })));
console.log(`computeMme, 10,000 MedicationRequests: median ${big.median.toFixed(2)} ms (min ${big.min.toFixed(2)} ms, ${RUNS} runs; ${check.orders.length} opioid orders listed, total ${check.totalPerDay} MME/day) — target < 20 ms ${big.median < 20 ? 'MET' : 'NOT MET'}`);

// The same 10,000 orders as 1,000 patients × 10 orders (a registry run): fewer duplicates, so nearly every
// current order goes through the full arithmetic.
const patients: Resource[][] = [];
for (let p = 0; p < 1000; p++) patients.push([orders[0], ...orders.slice(1 + p * 10, 11 + p * 10)]);
const perPatient = median(() => {
  for (const resources of patients) computeMme(resources, { asOf: AS_OF });
});
console.log(`computeMme, the same 10,000 MedicationRequests as 1,000 patients × 10: median ${perPatient.median.toFixed(2)} ms (min ${perPatient.min.toFixed(2)} ms)`);

const file = syntheaFile();
if (file) {
  const { resources } = selectPatient(readInputFile(file));
  const mrCount = resources.filter((r) => r.resourceType === 'MedicationRequest').length;
  const one = median(() => computeMme(resources, { asOf: AS_OF }));
  console.log(`computeMme, Synthea patient ${file} (${resources.length} resources, ${mrCount} MedicationRequests): median ${one.median.toFixed(3)} ms (min ${one.min.toFixed(3)} ms)`);
} else {
  console.log('no Synthea bundle found (pass a path)');
}
