/**
 * Registry Web Worker: validates the clinic policy, then runs the registry job off the main thread
 * (fetch, clinical engine per patient, measures, run chart), posting progress and rows.
 */
/// <reference lib="webworker" />
import { DRUG_TABLE } from '../clinical/drugs/drug-table.generated.ts';
import { DEFAULT_POLICY, parsePolicy } from '../clinical/policy/index.ts';
import { policyEngine } from './engine.ts';
import { runRegistryJob } from './worker-run.ts';
import type { FromWorker, ToWorker } from './worker-protocol.ts';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FromWorker) => scope.postMessage(m);
let controller: AbortController | null = null;

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  if (m.type === 'cancel') {
    controller?.abort();
    return;
  }
  controller?.abort();
  controller = new AbortController();
  const parsed = m.policyJson === null ? { ok: true as const, policy: DEFAULT_POLICY } : parsePolicy(m.policyJson);
  if (!parsed.ok) {
    post({ type: 'error', message: `the clinic policy is not valid: ${parsed.errors.join('; ')}`, cancelled: false });
    return;
  }
  const policy = parsed.policy;
  void runRegistryJob(m, {
    ...policyEngine(policy),
    fetch: (url, init) => fetch(url, init),
    opioidCodes: DRUG_TABLE.map((row) => row[0]),
    post,
    signal: controller.signal,
  });
};
