/**
 * Named scenario patients (fhir-fixtures/scenarios, catalogued in fhir-fixtures/README.md): each is summarised at
 * its Bundle.timestamp date and checked for its tier and key monitoring statuses.
 */
import { readFileSync } from 'node:fs';
import type { Bundle, Patient } from 'fhir/r4';
import { DEFAULT_POLICY } from '../../../src/clinical/policy/index.ts';
import { summarizePatient } from '../../../src/clinical/summary.ts';
import type { MonitoringItemId, MonitoringStatus, RiskTier } from '../../../src/clinical/types.ts';

function load(file: string) {
  const bundle = JSON.parse(readFileSync(new URL(`../../../fhir-fixtures/scenarios/${file}`, import.meta.url), 'utf8')) as Bundle;
  const resources = (bundle.entry ?? []).map((e) => e.resource!);
  const asOf = bundle.timestamp!.slice(0, 10);
  return { bundle, resources, asOf, summary: summarizePatient(resources, {}, DEFAULT_POLICY, asOf) };
}

type Row = [file: string, name: string, tier: RiskTier, reasonIds: string[], statuses: Partial<Record<MonitoringItemId, MonitoringStatus>>];
const rows: Row[] = [
  ['high-tier-benzodiazepine-overlap.json', 'Margaret Okafor', 'high', ['H5-benzo-overlap'], { pdmp: 'due-soon', udt: 'due-soon', agreement: 'up-to-date', naloxone: 'up-to-date' }],
  ['moderate-tier-mme-60.json', 'Daniel Reyes', 'moderate', ['M1-mme-50'], { pdmp: 'up-to-date', naloxone: 'never-done', ort: 'up-to-date' }],
  ['low-tier-all-up-to-date.json', 'Susan Whitfield', 'low', ['L0-low'], { pdmp: 'up-to-date', udt: 'up-to-date', agreement: 'up-to-date', peg: 'up-to-date', phq9: 'up-to-date', ort: 'up-to-date', naloxone: 'not-applicable' }],
  ['unknown-tier-no-ort.json', 'Robert Lindqvist', 'unknown', ['U-no-ort'], { ort: 'never-done', udt: 'up-to-date' }],
  ['overdue-udt-and-pdmp.json', 'Angela Morrison', 'moderate', ['M2-ort-4'], { pdmp: 'overdue', udt: 'overdue', agreement: 'up-to-date' }],
  ['agreement-expired.json', 'Thomas Beaulieu', 'low', ['L0-low'], { agreement: 'overdue', pdmp: 'up-to-date' }],
  ['peg-improving-30-percent.json', 'Linda Castillo', 'low', ['L0-low'], { peg: 'up-to-date' }],
  ['moud-only-not-applicable.json', 'Kevin Marsh', 'not-applicable', ['NA-no-opioid'], { pdmp: 'not-applicable', udt: 'not-applicable', naloxone: 'never-done' }],
  ['cancer-treatment-not-applicable.json', 'Helen Tanaka', 'not-applicable', ['NA-cancer'], { pdmp: 'not-applicable', naloxone: 'not-applicable' }],
];

describe('scenario patients', () => {
  it.each(rows)('%s (%s)', (file, name, tier, reasonIds, statuses) => {
    const { bundle, summary } = load(file);
    expect(bundle.type).toBe('collection');
    const patient = bundle.entry!.find((e) => e.resource?.resourceType === 'Patient')!.resource as Patient;
    expect(`${patient.name![0].given![0]} ${patient.name![0].family}`).toBe(name);
    expect(summary.risk.tier).toBe(tier);
    expect(summary.risk.reasons.map((r) => r.id)).toEqual(reasonIds);
    const got = Object.fromEntries(summary.monitoring.map((m) => [m.item, m.status]));
    expect(got).toMatchObject(statuses);
  });

  it('high tier: the reason names both drugs', () => {
    expect(load('high-tier-benzodiazepine-overlap.json').summary.risk.reasons[0].text).toBe(
      'Benzodiazepine current with an opioid: alprazolam 0.5 MG Oral Tablet with oxycodone hydrochloride 5 MG Oral Tablet',
    );
  });

  it('moderate via MME 60: 5 mg × 8/day × 1.5', () => {
    const { summary } = load('moderate-tier-mme-60.json');
    expect(summary.mme.totalPerDay).toBe(60);
    expect(summary.risk.reasons[0].text).toBe('Total MME 60 MME/day is 50–89');
  });

  it('overdue UDT: the negative result for the prescribed opioid is an unexpected result to review', () => {
    const { summary } = load('overdue-udt-and-pdmp.json');
    expect(summary.unexpectedUdt.map((u) => [u.kind, u.text])).toEqual([['unexpected-negative', 'Unexpected result — review with the clinician: negative for prescribed oxycodone']]);
    expect(summary.monitoring.find((m) => m.item === 'udt')).toMatchObject({ lastDate: '2025-08-28', dueDate: '2026-02-24' });
  });

  it('agreement expired: the printed renewal is not a signature', () => {
    const { summary } = load('agreement-expired.json');
    expect(summary.monitoring.find((m) => m.item === 'agreement')).toMatchObject({ status: 'overdue', lastDate: '2025-02-09', dueDate: '2026-02-09' });
    expect(summary.notes.some((n) => n.includes('preliminary'))).toBe(true);
  });

  it('PEG improving: baseline is the first PEG of the course, latest mean from items, ≥30% marked', () => {
    const { peg } = load('peg-improving-30-percent.json').summary;
    expect(peg.baseline).toMatchObject({ date: '2025-09-12', mean: 7 });
    const last = peg.entries.at(-1)!;
    expect(last.derivedFromItems).toBe(true);
    expect(last.mean).toBeCloseTo(14 / 3, 10);
    expect(last.changeFromBaselinePct).toBeCloseTo(-33.33, 2);
    expect(last.improved30).toBe(true);
  });

  it('MOUD only: the buprenorphine-naloxone film is listed as MOUD, not as rescue naloxone', () => {
    const { summary } = load('moud-only-not-applicable.json');
    expect(summary.risk.reasons[0].text).toBe('No current opioid analgesic order; MOUD (buprenorphine 8 MG / naloxone 2 MG Sublingual Film) is not counted');
    expect(summary.medications.map((m) => m.class)).toEqual(['moud']);
    expect(summary.monitoring.find((m) => m.item === 'naloxone')).toMatchObject({ status: 'never-done', reason: expect.stringMatching(/on MOUD.*offer naloxone/) });
  });

  it('cancer treatment: the reason names the condition', () => {
    expect(load('cancer-treatment-not-applicable.json').summary.risk.reasons[0].text).toMatch(/^Active cancer treatment: Malignant neoplasm .* \(ICD-10-CM C50\.911\), active$/);
  });
});
