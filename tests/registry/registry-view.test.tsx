import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RegistryReport } from '../../src/registry/accumulate.ts';
import { buildRow } from '../../src/registry/row.ts';
import { createTally, tallyReport } from '../../src/registry/tally.ts';
import type { FromWorker, ToWorker } from '../../src/registry/worker-protocol.ts';
import RegistryView from '../../src/ui/registry/RegistryView.tsx';
import type { WorkerLike } from '../../src/ui/registry/useRegistryWorker.ts';
import { item, summary } from './builders.ts';

const row = (id: string, name: string, udt: 'overdue' | 'up-to-date', appointment?: string) => buildRow(
  summary({ patientId: id, tier: udt === 'overdue' ? 'high' : 'low', items: [item('udt', udt, '2024-01-01', '2025-01-01')] }),
  { patient: { resourceType: 'Patient', id, name: [{ text: name }] }, prescriber: { key: 'k', display: 'Dr Kay' },
    appointments: appointment ? [{ date: appointment, time: '09:30', type: 'Pain follow-up' }] : [] },
);

class FakeWorker implements WorkerLike {
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null = null;
  sent: ToWorker[] = [];
  terminated = false;
  postMessage(m: ToWorker) { this.sent.push(m); }
  terminate() { this.terminated = true; }
  emit(m: FromWorker) { act(() => this.onmessage?.({ data: m } as MessageEvent<FromWorker>)); }
}

const report: RegistryReport = {
  asOf: '2025-06-30', patientsRead: 2, cohort: { opioid: 2, excluded: 0, moudOnly: 0, notOnOpioids: 0 },
  measures: tallyReport(createTally()), excludedByReason: {}, errors: [],
  runChart: [{ monthEnd: '2025-05-31', patients: 2, measures: tallyReport(createTally()).overall }],
};
const start = { fhirBase: 'http://x/fhir', accessToken: 't', asOf: '2025-06-30', policyJson: {} };

describe('RegistryView', { timeout: 30_000 }, () => {
  it('fills while running, filters to "UDT overdue", opens a patient, cancels', async () => {
    const worker = new FakeWorker();
    const opened: string[] = [];
    const createWorker = () => worker;
    render(<RegistryView start={start} createWorker={createWorker} onOpenPatient={(id) => opened.push(id)} />);
    expect(worker.sent[0]).toMatchObject({ type: 'start', asOf: '2025-06-30' });
    worker.emit({ type: 'progress', phase: 'summarizing', text: 'Summarizing', done: 1, total: 2 });
    worker.emit({ type: 'rows', rows: [row('a', 'Ann Able', 'overdue'), row('b', 'Bob Baker', 'up-to-date')], listed: [] });
    expect(screen.getByText('Summarizing — 1 of 2')).toBeInTheDocument();
    expect(screen.getByText('2 of 2 patients')).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'UDT overdue' }));
    expect(screen.getByText('1 of 2 patients')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Clinic registry' });
    expect(within(table).queryByText('Bob Baker')).toBeNull();
    await user.click(within(table).getByRole('button', { name: 'Open panel of Ann Able' }));
    expect(opened).toEqual(['a']);

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(worker.terminated).toBe(true);
    expect(screen.getByText(/Cancelled: the registry shows only the 2 patients read so far/)).toBeInTheDocument();
  });

  it('shows measures with the run chart, and the huddle sheet for a chosen day', async () => {
    const worker = new FakeWorker();
    render(<RegistryView start={start} createWorker={() => worker} />);
    worker.emit({ type: 'rows', rows: [row('a', 'Ann Able', 'overdue', '2025-07-01'), row('b', 'Bob Baker', 'up-to-date', '2025-07-02')], listed: [] });
    worker.emit({ type: 'measures', report, final: true });
    worker.emit({ type: 'done', mode: 'search', ms: 1200, notes: ['Appointments could not be read for 1 of 2 patients: the huddle sheet may miss them.'] });
    expect(screen.getByText(/Appointments could not be read for 1 of 2 patients/)).toBeInTheDocument();
    expect(screen.getByText(/read by searches in 1.2 s/)).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('tab', { name: 'Measures' }));
    expect(screen.getByRole('table', { name: 'Measures overall' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Run chart: Urine drug test within policy/ })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Pre-visit planning' }));
    expect(screen.getByText(/Huddle sheet for 2025-07-01: 1 patients/)).toBeInTheDocument();
    expect(screen.getByText(/09:30 — Ann Able/)).toBeInTheDocument();
    expect(screen.getByText(/☐ UDT \(overdue, due 2025-01-01\)/)).toBeInTheDocument();
  });
});
