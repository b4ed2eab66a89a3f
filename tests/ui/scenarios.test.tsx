/**
 * Every scenario patient (fhir-fixtures/scenarios, catalogued in fhir-fixtures/README.md) through the msw
 * fake EHR, the loader, the store and the panel, at the scenario's designed as-of date (Bundle.timestamp).
 * Checks what a user sees: tier, MME headline and the key due statuses of the catalogue's "expected" column.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, render, screen } from '@testing-library/react';
import type { Bundle, Resource } from 'fhir/r4';
import { DEFAULT_POLICY } from '../../src/clinical/policy/index.ts';
import { usePanelStore } from '../../src/store/index.ts';
import { loadRecordIntoStore } from '../../src/store/launch.ts';
import { PainPanel } from '../../src/ui/PainPanel.tsx';
import { BASE, TOKEN_URI, resetFake } from '../fhir/msw/fake-fhir.ts';
import { makeNodeClient } from '../fhir/msw/node-client.ts';

interface Case {
  file: string;
  tier: string;
  mme: RegExp;
  due: Record<string, string>;
  extra?: RegExp;
}

const CASES: Case[] = [
  { file: 'high-tier-benzodiazepine-overlap', tier: 'High', mme: /^30 MME\/day$/, due: { pdmp: 'Due soon', udt: 'Due soon', agreement: 'Up to date', naloxone: 'Up to date' }, extra: /alprazolam/i },
  { file: 'moderate-tier-mme-60', tier: 'Moderate', mme: /^60 MME\/day$/, due: { naloxone: 'Never done' } },
  { file: 'low-tier-all-up-to-date', tier: 'Low', mme: /^10 MME\/day$/, due: { pdmp: 'Up to date', udt: 'Up to date', agreement: 'Up to date', phq9: 'Up to date', peg: 'Up to date', naloxone: 'Not applicable' } },
  { file: 'unknown-tier-no-ort', tier: 'Unknown — could not determine', mme: /^20 MME\/day$/, due: { ort: 'Never done' }, extra: /No ORT on file/i },
  { file: 'overdue-udt-and-pdmp', tier: 'Moderate', mme: /^22\.5 MME\/day$/, due: { pdmp: 'Overdue', udt: 'Overdue' }, extra: /review with the clinician/i },
  { file: 'agreement-expired', tier: 'Low', mme: /MME\/day/, due: { agreement: 'Overdue' } },
  { file: 'peg-improving-30-percent', tier: 'Low', mme: /MME\/day/, due: { peg: 'Up to date' }, extra: /PEG 4\.7 \(pain 5, enjoyment 5, activity 4\), 33\.3% lower than baseline \(at least 30% improvement\)/ },
  { file: 'moud-only-not-applicable', tier: 'Not in long-term opioid monitoring scope', mme: /^0 MME\/day — no current opioid orders are counted$/, due: { pdmp: 'Not applicable', naloxone: 'Never done' }, extra: /MOUD \(buprenorphine[^)]*\) is not counted.*No naloxone on file/i },
  { file: 'cancer-treatment-not-applicable', tier: 'Not in long-term opioid monitoring scope', mme: /MME\/day/, due: { pdmp: 'Not applicable', udt: 'Not applicable', agreement: 'Not applicable' } },
];

function scenario(file: string): { resources: Resource[]; asOf: string; patientId: string } {
  const bundle = JSON.parse(readFileSync(resolve(process.cwd(), `fhir-fixtures/scenarios/${file}.json`), 'utf8')) as Bundle;
  const resources = (bundle.entry ?? []).map((e) => e.resource as Resource);
  const patient = resources.find((r) => r.resourceType === 'Patient')!;
  return { resources, asOf: bundle.timestamp!.slice(0, 10), patientId: patient.id! };
}

// Whole-stack tests (loader, engine, store, panel) with real backoff waits: allow more than the default 5 s.
vi.setConfig({ testTimeout: 20_000 });

describe('scenario patients as a user sees them', () => {
  test.each(CASES)('$file: tier $tier', async ({ file, tier, mme, due, extra }) => {
    const s = scenario(file);
    resetFake(s.resources);
    usePanelStore.getState().setPolicy({ ok: true, policy: DEFAULT_POLICY });
    render(<PainPanel />);
    const client = makeNodeClient({ serverUrl: BASE, tokenUri: TOKEN_URI, patient: s.patientId });
    await act(() => loadRecordIntoStore(client, { asOf: s.asOf, sleep: async () => {}, random: () => 0.5 }));
    expect(screen.getByTestId('risk-tier')).toHaveTextContent(`Risk tier:${tier}`);
    expect(screen.getByTestId('mme-total').textContent).toMatch(mme);
    for (const [item, status] of Object.entries(due)) {
      expect(screen.getByTestId(`due-${item}`)).toHaveTextContent(status);
    }
    if (extra) expect(document.body.textContent).toMatch(extra);
    expect(screen.queryByText(/Could not check —/)).not.toBeInTheDocument();
  });
});
