/**
 * A command-line registry thread: takes bucket files from the main thread one at a time,
 * summarizes their patients, sends back CSV text per bucket and, at the end, its counts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Practitioner, Resource } from 'fhir/r4';
import type { Policy } from '../clinical/policy/index.ts';
import { RegistryAccumulator } from '../registry/accumulate.ts';
import { csvRow } from '../registry/columns.ts';
import { policyEngine } from '../registry/engine.ts';
import { readBucket } from './registry-partition.ts';
import { withReferenced } from './registry-run.ts';

export interface ThreadData { asOf: string; months: number; policy: Policy; shared: [string, Resource][] }
export type ThreadIn = { type: 'bucket'; path: string } | { type: 'finish' };
export type ThreadOut = { type: 'ready' } | { type: 'csv'; text: string } | { type: 'report'; report: ReturnType<RegistryAccumulator['result']> };

const data = workerData as ThreadData;
const shared = new Map(data.shared);
const acc = new RegistryAccumulator({
  asOf: data.asOf, runChartMonths: data.months,
  ...policyEngine(data.policy),
  practitioners: (ref) => shared.get(ref) as Practitioner | undefined,
  onRow: (row) => void rows.push(csvRow(row)),
});
let rows: string[] = [];
const post = (m: ThreadOut) => parentPort!.postMessage(m);

parentPort!.on('message', async (m: ThreadIn) => {
  if (m.type === 'finish') {
    post({ type: 'report', report: acc.result() });
    return;
  }
  for await (const { patientId, resources } of readBucket(m.path)) acc.addPatient(patientId, withReferenced(resources, shared));
  post({ type: 'csv', text: rows.join('') });
  rows = [];
  post({ type: 'ready' });
});
post({ type: 'ready' });
