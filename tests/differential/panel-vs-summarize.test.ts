/**
 * Same record, same answer. For every fixture patient and every adversarial variant, the summary the panel
 * computes — from what the loader fetched from the local SMART sandbox after a real EHR launch, through the store —
 * equals what `summarize` prints for the same resources (the patient's whole record as the sandbox holds it):
 * tier, MME total, lower bound and completeness, and every monitoring status.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Resource } from 'fhir/r4';
import { startSandbox, type Sandbox } from '../../scripts/sandbox/server.ts';
import { obtainToken } from '../../scripts/sandbox/test-client.ts';
import { buildSummaryJson } from '../../src/cli/summary-json.ts';
import { DEFAULT_POLICY } from '../../src/clinical/policy/index.ts';
import type { PanelSummary } from '../../src/clinical/types.ts';
import { computeSummary } from '../../src/store/compute-summary.ts';
import { resetPanelStore, usePanelStore } from '../../src/store/index.ts';
import { fixedClock } from '../../src/store/clock.ts';
import { loadRecordIntoStore } from '../../src/store/launch.ts';
import { makeNodeClient } from '../fhir/msw/node-client.ts';
import { VARIANTS, variantBundle } from './variants.ts';

const TODAY = '2026-03-16'; // the scenarios' designed as-of date: the sandbox maps it to itself (no shift)
const TYPES = ['Patient', 'MedicationRequest', 'MedicationDispense', 'MedicationStatement', 'Observation', 'QuestionnaireResponse', 'Condition', 'Procedure', 'DocumentReference', 'ServiceRequest'];
let sandbox: Sandbox;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pcp-variants-'));
  for (const v of VARIANTS) writeFileSync(join(dir, `${v.id}.json`), JSON.stringify(variantBundle(v)));
  sandbox = await startSandbox({ port: 0, dataDirs: [dir], today: TODAY, quiet: true });
}, 120_000);

afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The patient's whole record as the sandbox holds it (shifted dates included), plus shared Medications. */
async function wholeRecord(pid: string): Promise<Resource[]> {
  const out: Resource[] = [];
  for (const t of TYPES) out.push(...(await sandbox.store.patientResources(pid, t)));
  out.push(...(await sandbox.store.sharedResources('Medication')));
  return out;
}

async function panelSummary(pid: string): Promise<PanelSummary> {
  resetPanelStore();
  usePanelStore.getState().setPolicy({ ok: true, policy: DEFAULT_POLICY });
  const { access_token } = await obtainToken(sandbox, { patient: pid });
  const client = makeNodeClient({ serverUrl: sandbox.fhirBaseUrl, patient: pid, accessToken: access_token, scope: 'launch patient/*.rs patient/Observation.c' });
  await loadRecordIntoStore(client, { asOf: TODAY, clock: fixedClock(`${TODAY}T12:00:00Z`) });
  const summary = computeSummary(usePanelStore.getState());
  if (!summary) throw new Error('no summary');
  return summary;
}

const comparable = (s: Pick<PanelSummary, 'risk' | 'mme' | 'monitoring'>) => ({
  tier: s.risk.tier,
  mme: { total: s.mme.totalPerDay, atLeast: s.mme.atLeast, complete: s.mme.complete },
  monitoring: Object.fromEntries(s.monitoring.map((m) => [m.item, m.status])),
});

describe('the panel and summarize give the same answer for the same record', () => {
  const patients = () => sandbox.patients;
  it('has every fixture patient and variant in the sandbox', () => {
    const ids = patients().map((p) => p.id);
    for (const v of VARIANTS) expect(ids).toContain(`var-${v.id}-patient`);
    expect(ids.length).toBeGreaterThanOrEqual(VARIANTS.length + 15);
  });

  it('for every patient: tier, MME total/lower bound/completeness and every monitoring status agree', async () => {
    const differences: string[] = [];
    for (const p of patients()) {
      const panel = comparable(await panelSummary(p.id));
      const cli = comparable(buildSummaryJson(await wholeRecord(p.id), { asOf: TODAY, patientId: p.id, policy: DEFAULT_POLICY }));
      if (JSON.stringify(panel) !== JSON.stringify(cli)) differences.push(`${p.name} (${p.id}): panel ${JSON.stringify(panel)} vs summarize ${JSON.stringify(cli)}`);
    }
    expect(differences).toEqual([]);
  }, 120_000);
});

/** What each variant now shows (the bullets), through the panel path. */
describe('adversarial variants: never safer than the record', () => {
  const at = async (id: string) => panelSummary(`var-${id}-patient`);
  const status = (s: PanelSummary, item: string) => s.monitoring.find((m) => m.item === item)?.status;

  it.each([
    ['undated-order', (s: PanelSummary) => { expect(s.mme.totalPerDay).toBe(150); expect(s.risk.tier).toBe('high'); }],
    ['wrong-typed-dosage', (s: PanelSummary) => { expect(s.mme.complete).toBe(false); expect(s.risk.tier).not.toBe('low'); expect(s.mme.orders.some((o) => /could not read this opioid order \(dosageInstruction/.test(o.reason))).toBe(true); }],
    ['udt-no-category', (s: PanelSummary) => expect(status(s, 'udt')).not.toMatch(/never-done|unavailable/)],
    ['udt-issued-only', (s: PanelSummary) => expect(s.monitoring.find((m) => m.item === 'udt')?.lastDate).toBe('2025-10-19')],
    ['udt-https-loinc', (s: PanelSummary) => expect(status(s, 'udt')).not.toBe('never-done')],
    ['er-no-dose', (s: PanelSummary) => { expect(s.mme.atLeast).toBe(90); expect(s.risk.tier).toBe('high'); expect(status(s, 'naloxone')).toBe('never-done'); }],
    ['ir-no-dose', (s: PanelSummary) => {
      expect(s.risk.reasons.map((r) => r.id)).toContain('U-mme-incomplete');
      expect(status(s, 'naloxone')).toBe('never-done');
      expect(s.monitoring.find((m) => m.item === 'naloxone')?.reason).toMatch(/MME unknown — verify/);
    }],
    ['implausible-tablets', (s: PanelSummary) => { expect(s.mme.complete).toBe(false); expect(s.mme.orders[0].reason).toMatch(/implausible — verify/); }],
    ['implausible-period', (s: PanelSummary) => { expect(s.mme.complete).toBe(false); expect(JSON.stringify(s.mme)).not.toMatch(/e\+/); }],
    ['deceased', (s: PanelSummary) => { expect(s.risk.reasons[0].id).toBe('NA-deceased'); expect(new Set(s.monitoring.map((m) => m.status))).toEqual(new Set(['not-applicable'])); }],
    ['pdmp-today', (s: PanelSummary) => { expect(s.risk.tier).toBe('high'); expect(status(s, 'pdmp')).toBe('up-to-date'); }],
    ['old-orders-overdose', (s: PanelSummary) => { expect(s.risk.tier).toBe('not-applicable'); expect(s.mme.orders).toEqual([]); }],
    ['survey-wrong-type', (s: PanelSummary) => { expect(s.risk.tier).not.toBe('low'); expect(s.notes.join(' ')).toMatch(/observation could not be read/); }],
    ['condition-unreadable', (s: PanelSummary) => expect(s.risk.tier).toBe('unknown')],
  ] as const)('%s', async (id, check) => check(await at(id)), 30_000);

  it('old-orders-overdose: the panel says how far back orders were read and reads older ones on demand', async () => {
    await at('old-orders-overdose');
    expect(usePanelStore.getState().loadStatus.medications?.since).toBe('2024-03-16');
    const { loadOlderOrdersIntoStore } = await import('../../src/store/launch.ts');
    await loadOlderOrdersIntoStore();
    const s = usePanelStore.getState();
    expect(s.loadStatus.medications).toEqual({ state: 'loaded', since: null });
    expect(computeSummary(s)!.mme.orders).toHaveLength(21);
  }, 30_000);
});
