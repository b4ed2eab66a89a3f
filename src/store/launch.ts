/**
 * Fills the store for one launch: the clinic policy first (its codes and look-backs shape the queries),
 * then the patient's record, source by source, so each panel section renders as soon as its data is in.
 *
 * @example
 *   // src/app/bootstrap.ts, after FHIR.oauth2.ready():
 *   await launchPanel(client, { asOf: todayInClinic() });
 */
import type Client from 'fhirclient/lib/Client';
import { parsePolicyText } from '../clinical/policy/index.ts';
import type { IsoDate } from '../clinical/types.ts';
import { loadPatientRecord, type LoadOptions, type LoadResult } from '../fhir/loader.ts';
import { loadOlderOrders } from '../fhir/older-orders.ts';
import { SESSION_EXPIRED_MESSAGE, type SourceLoad } from '../fhir/types.ts';
import { canWriteObservation } from '../fhir/writes.ts';
import type { Clock } from './clock.ts';
import { frameBatch } from './frame-batch.ts';
import { loadEngine } from './engine.ts';
import { queryConfigFromPolicy } from './policy-config.ts';
import { usePanelStore } from './index.ts';

export interface LaunchOptions extends Omit<LoadOptions, 'asOf' | 'config' | 'onStart' | 'onSource'> {
  asOf: IsoDate;
  /** Where the clinic policy is served (relative to index.html). */
  policyUrl?: string;
  /** The panel's clock (save timestamps, "loaded at", the day rolling over); the wall clock in production. */
  clock?: Clock;
}

/**
 * Reads and validates the clinic policy into the store; a broken policy is reported, not guessed around.
 * A plain GET, so it is answered by index.html's `<link rel="preload">` (the server marks it no-cache).
 */
export async function loadPolicy(url = 'policy.json', fetchImpl: typeof fetch = (i, init) => fetch(i, init)): Promise<void> {
  const { setPolicy } = usePanelStore.getState();
  try {
    const res = await fetchImpl(url);
    if (!res.ok) return setPolicy({ ok: false, errors: [`${url} could not be read (HTTP ${res.status})`] });
    setPolicy(parsePolicyText(await res.text()));
  } catch (e) {
    setPolicy({ ok: false, errors: [`${url} could not be read (${e instanceof Error ? e.message : e})`] });
  }
}

/** Loads the record into the store; resolves when every source has reported. */
export async function loadRecordIntoStore(client: Client, options: LaunchOptions): Promise<LoadResult> {
  const store = usePanelStore.getState();
  store.startSession({
    client,
    asOf: options.asOf,
    patientId: (client.getState('tokenResponse.patient') as string | undefined) ?? null,
    permissions: { canWriteObservation: canWriteObservation(client), fhirUser: client.getFhirUser() ?? null },
    clock: options.clock,
  });
  const policy = usePanelStore.getState().policy;
  const arrivals = frameBatch<SourceLoad>((loads) => usePanelStore.getState().receiveSources(loads));
  // The engine is evaluated while the first answers are awaited, not before the first request is sent (and the
  // load is not over before it is in: nothing is left loading behind the caller).
  const engineLoading = new Promise<void>((resolve) => setTimeout(() => loadEngine().then(() => resolve(), () => resolve()), 0));
  const result = await loadPatientRecord(client, {
    ...options,
    config: policy ? queryConfigFromPolicy(policy) : undefined,
    onStart: (sources) => usePanelStore.getState().startSources(sources),
    onSource: (load) => {
      arrivals.push(load);
      const state = usePanelStore.getState();
      // A rejected token ends the session at once: no section shows a "could not check" that is really a 401.
      if (load.failure === 'unauthorized' && !state.sessionError) state.setSessionError({ kind: 'session-expired', message: SESSION_EXPIRED_MESSAGE });
    },
  });
  arrivals.flush();
  await engineLoading;
  usePanelStore.getState().setLoadedAt(usePanelStore.getState().clock().toISOString());
  if (result.sessionError) usePanelStore.getState().setSessionError(result.sessionError);
  return result;
}

let policyLoading: Promise<void> | null = null;

/** main.ts: read the policy while the token is exchanged (launchPanel then waits for this read, not a new one). */
export function startPolicyLoad(url = 'policy.json'): void {
  policyLoading = loadPolicy(url);
}

/** Policy (already on its way when main.ts started it), then record: the whole launch hook for bootstrap.ts. */
export async function launchPanel(client: Client, options: LaunchOptions): Promise<LoadResult> {
  if (policyLoading && !options.policyUrl) await policyLoading;
  if (!usePanelStore.getState().policy) await loadPolicy(options.policyUrl, options.fetch);
  return loadRecordIntoStore(client, options);
}

/** "Show older orders": reads the orders before the launch window into the store (once). */
export async function loadOlderOrdersIntoStore(options: Omit<LaunchOptions, 'asOf'> = {}): Promise<void> {
  const store = usePanelStore.getState();
  const since = store.loadStatus.medications?.since;
  if (!store.client || !since || store.olderOrders.state === 'loading') return;
  store.setOlderOrders({ state: 'loading' });
  const policy = store.policy;
  const result = await loadOlderOrders(store.client, since, { ...options, config: policy ? queryConfigFromPolicy(policy) : undefined });
  if (!result.ok) usePanelStore.getState().setOlderOrders({ state: 'failed', reason: result.reason });
  else usePanelStore.getState().receiveOlderOrders(result.resources, result.complete, result.reason);
}
