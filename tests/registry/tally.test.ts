import type { MedicationRequest, Patient, Resource } from 'fhir/r4';
import { RegistryAccumulator, type Summarize } from '../../src/registry/accumulate.ts';
import { measureFlags } from '../../src/registry/measure-flags.ts';
import { createTally, tallyAdd, tallyReport } from '../../src/registry/tally.ts';
import type { Prescriber } from '../../src/registry/types.ts';
import { item, med, summary } from './builders.ts';

const drA: Prescriber = { key: 'Practitioner/a', display: 'Dr A' };
const drB: Prescriber = { key: 'Practitioner/b', display: 'Dr B' };

describe('measure tally: numerators, denominators, exclusions, by prescriber', () => {
  // Four in-scope patients (3 with Dr A, 1 with Dr B), one excluded, one MOUD-only.
  const t = createTally();
  tallyAdd(t, measureFlags(summary({ patientId: '1', mme: 95, items: [item('udt', 'up-to-date', '2025-05-01'), item('naloxone', 'up-to-date', '2025-01-01')] })), drA);
  tallyAdd(t, measureFlags(summary({ patientId: '2', mme: 55, meds: [med('opioid', 'x'), med('benzodiazepine', 'y')], items: [item('udt', 'overdue', '2024-01-01'), item('naloxone', 'never-done')] })), drA);
  tallyAdd(t, measureFlags(summary({ patientId: '3', mme: 20, items: [item('udt', 'unavailable'), item('naloxone', 'not-applicable')] })), drA);
  tallyAdd(t, measureFlags(summary({ patientId: '4', mme: 40, mmeComplete: false, items: [item('udt', 'due-soon', '2024-09-01'), item('naloxone', 'not-applicable')] })), drB);
  tallyAdd(t, measureFlags(summary({ patientId: '5', tier: 'not-applicable', mme: 200 })), drB);
  tallyAdd(t, measureFlags(summary({ patientId: '6', meds: [med('moud', 'm')] })), drB);
  const report = tallyReport(t);
  const overall = Object.fromEntries(report.overall.map((m) => [m.id, m]));

  it('counts only in-scope patients', () => expect(report.patients).toBe(4));
  it('UDT within policy: 2 of 4 (up-to-date, due-soon), one unavailable', () =>
    expect(overall['udt-policy']).toMatchObject({ numerator: 2, denominator: 4, rate: 0.5, unavailable: 1 }));
  it('naloxone among indicated: 1 of 2 (two not indicated leave the denominator)', () =>
    expect(overall['naloxone-indicated']).toMatchObject({ numerator: 1, denominator: 2, rate: 0.5 }));
  it('MME ≥ 50: 2 of 4, one incomplete total flagged', () =>
    expect(overall['mme-50']).toMatchObject({ numerator: 2, denominator: 4, incomplete: 1 }));
  it('MME ≥ 90: 1 of 4 (the excluded 200 MME patient is not counted)', () =>
    expect(overall['mme-90']).toMatchObject({ numerator: 1, denominator: 4 }));
  it('benzodiazepine co-prescribing: 1 of 4', () =>
    expect(overall['benzo-coprescribing']).toMatchObject({ numerator: 1, denominator: 4, rate: 0.25 }));
  it('splits by prescriber, sorted by name', () => {
    expect(report.byPrescriber.map((p) => [p.prescriber.display, p.patients])).toEqual([['Dr A', 3], ['Dr B', 1]]);
    const b = Object.fromEntries(report.byPrescriber[1].measures.map((m) => [m.id, m]));
    expect(b['udt-policy']).toMatchObject({ numerator: 1, denominator: 1, rate: 1 });
    expect(b['naloxone-indicated']).toMatchObject({ numerator: 0, denominator: 0, rate: null });
  });
  it('by-prescriber numerators add up to the overall', () => {
    for (const m of report.overall) {
      const sum = report.byPrescriber.reduce((s, p) => s + p.measures.find((x) => x.id === m.id)!.numerator, 0);
      expect(sum).toBe(m.numerator);
    }
  });
});

describe('RegistryAccumulator', () => {
  const order = (id: string, requester: string, authoredOn: string): MedicationRequest => ({
    resourceType: 'MedicationRequest', id, status: 'active', intent: 'order', subject: { reference: 'Patient/p' },
    authoredOn, requester: { reference: requester },
  });
  // Fake engine: the patient's opioid order is current only from 2025-03-01 on.
  const fake: Summarize = (resources, _ls, asOf) =>
    summary({ asOf, patientId: 'p', meds: asOf >= '2025-03-01' ? [med('opioid', 'new')] : [med('opioid', 'old', false)],
      mme: resources.length });

  it('lists rows, resolves the prescriber of the newest current order, fills the run chart by month-end', () => {
    const rows: string[] = [];
    const acc = new RegistryAccumulator({
      asOf: '2025-06-15', summarize: fake, onRow: (r) => rows.push(`${r.patientId}:${r.prescriber.display}`),
      practitioners: (ref) => (ref === 'Practitioner/new' ? { resourceType: 'Practitioner', name: [{ text: 'Dr New' }] } : undefined),
    });
    const patient: Patient = { resourceType: 'Patient', id: 'p', name: [{ family: 'Doe', given: ['Jo'] }] };
    const resources: Resource[] = [
      patient,
      order('old', 'Practitioner/old', '2024-01-01'), order('new', 'Practitioner/new', '2025-03-01'),
    ];
    acc.addPatient('p', resources);
    const r = acc.result();
    expect(rows).toEqual(['p:Dr New']);
    expect(r.cohort).toEqual({ opioid: 1, excluded: 0, moudOnly: 0, notOnOpioids: 0 });
    // Month-ends 2024-06-30 … 2025-05-31 (June 2025 has not ended on 2025-06-15); in cohort from March 2025.
    expect(r.runChart.map((p) => p.monthEnd)).toEqual([
      '2024-06-30', '2024-07-31', '2024-08-31', '2024-09-30', '2024-10-31', '2024-11-30', '2024-12-31',
      '2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31',
    ]);
    expect(r.runChart.map((p) => p.patients)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
  });

  it('keeps engine failures as listed errors, never silently dropped', () => {
    const acc = new RegistryAccumulator({ asOf: '2025-06-30', runChartMonths: 0, summarize: () => { throw new Error('boom'); } });
    acc.addPatient('q', [{ resourceType: 'Patient', id: 'q' }]);
    expect(acc.result().errors).toEqual([{ patientId: 'q', name: 'Patient q', reason: 'boom' }]);
  });

  it('counts excluded populations by reason and MOUD-only patients separately', () => {
    const listed: string[] = [];
    const acc = new RegistryAccumulator({
      asOf: '2025-06-30', runChartMonths: 0, onListed: (k, p) => listed.push(`${k}:${p.patientId}`),
      summarize: (res) => res[0].id === 'x'
        ? summary({ patientId: 'x', tier: 'not-applicable', reason: 'Hospice care' })
        : summary({ patientId: 'm', meds: [med('moud', 'b')] }),
    });
    acc.addPatient('x', [{ resourceType: 'Patient', id: 'x' }]);
    acc.addPatient('m', [{ resourceType: 'Patient', id: 'm' }]);
    const r = acc.result();
    expect(r.cohort).toMatchObject({ opioid: 0, excluded: 1, moudOnly: 1 });
    expect(r.excludedByReason).toEqual({ 'Hospice care': 1 });
    expect(listed).toEqual(['excluded:x', 'moud-only:m']);
    expect(r.measures.overall.every((m) => m.denominator === 0 && m.rate === null)).toBe(true);
  });
});

describe('run chart skips month-ends before the first order', () => {
  it('summarizes only month-ends on or after the earliest authoredOn (undated orders: every month-end)', () => {
    const calls: string[] = [];
    const acc = new RegistryAccumulator({
      asOf: '2025-06-30', runChartMonths: 4,
      summarize: (_rs, _ls, asOf) => { calls.push(asOf); return summary({ asOf }); },
    });
    const order = (authoredOn?: string): Resource => ({ resourceType: 'MedicationRequest', id: 'm', status: 'active', intent: 'order',
      subject: { reference: 'Patient/p' }, ...(authoredOn ? { authoredOn } : {}) }) as Resource;
    acc.addPatient('p', [{ resourceType: 'Patient', id: 'p' }, order('2025-04-10')]);
    expect(calls).toEqual(['2025-06-30', '2025-04-30', '2025-05-31', '2025-06-30']);
    calls.length = 0;
    acc.addPatient('q', [{ resourceType: 'Patient', id: 'q' }, order()]);
    expect(calls).toEqual(['2025-06-30', '2025-03-31', '2025-04-30', '2025-05-31', '2025-06-30']);
  });
});
