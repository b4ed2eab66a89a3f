import type { Appointment, MedicationRequest, Practitioner } from 'fhir/r4';
import { RegistryAccumulator } from '../../src/registry/accumulate.ts';
import { upcomingAppointments } from '../../src/registry/appointments.ts';
import { mergeReports } from '../../src/registry/merge.ts';
import { prescriberOf } from '../../src/registry/prescriber.ts';
import { item, med, summary } from './builders.ts';

describe('mergeReports (threads over disjoint patients)', () => {
  // Six patients: the same numbers whether one accumulator sees them all or two see three each.
  const patients = Array.from({ length: 6 }, (_, i) => ({
    id: `p${i}`, mme: i * 20, udt: i % 2 === 0 ? 'up-to-date' : 'overdue', dr: i < 4 ? 'A' : 'B',
  }));
  const run = (subset: typeof patients) => {
    const acc = new RegistryAccumulator({
      asOf: '2025-06-30', runChartMonths: 2,
      summarize: (rs, _ls, asOf) => {
        const p = patients.find((x) => x.id === rs[0].id)!;
        return summary({ asOf, patientId: p.id, mme: p.mme, items: [item('udt', p.udt as 'overdue')], meds: [med('opioid', `mr-${p.id}`)] });
      },
    });
    for (const p of subset) {
      const order: MedicationRequest = { resourceType: 'MedicationRequest', id: `mr-${p.id}`, status: 'active', intent: 'order',
        subject: { reference: `Patient/${p.id}` }, requester: { reference: `Practitioner/${p.dr}`, display: `Dr ${p.dr}` } };
      acc.addPatient(p.id, [{ resourceType: 'Patient', id: p.id }, order]);
    }
    return acc.result();
  };
  it('equals the single-pass report', () => {
    expect(mergeReports(run(patients.slice(0, 3)), run(patients.slice(3)))).toEqual(run(patients));
  });
  it('refuses reports of different dates', () => {
    const a = run(patients.slice(0, 1));
    expect(() => mergeReports(a, { ...a, asOf: '2025-07-31' })).toThrow(/cannot merge/);
  });
});

describe('upcoming appointments (pre-visit planning)', () => {
  const appt = (id: string, start: string, status: Appointment['status'] = 'booked'): Appointment =>
    ({ resourceType: 'Appointment', id, status, start, participant: [{ status: 'accepted' }], serviceType: [{ text: 'Pain follow-up' }] });
  it('keeps booked appointments from asOf on, in time order, with the date as written (no time-zone shift)', () => {
    expect(upcomingAppointments([
      appt('late', '2025-07-01T23:30:00-07:00'), appt('early', '2025-07-01T08:00:00-07:00'),
      appt('past', '2025-06-29T09:00:00Z'), appt('gone', '2025-07-01T10:00:00Z', 'cancelled'), appt('day', '2025-07-02'),
    ], '2025-06-30')).toEqual([
      { date: '2025-07-01', time: '08:00', type: 'Pain follow-up' },
      { date: '2025-07-01', time: '23:30', type: 'Pain follow-up' },
      { date: '2025-07-02', time: null, type: 'Pain follow-up' },
    ]);
  });
});

describe('responsible prescriber', () => {
  const mr = (id: string, authoredOn: string, requester?: MedicationRequest['requester']): MedicationRequest =>
    ({ resourceType: 'MedicationRequest', id, status: 'active', intent: 'order', subject: { reference: 'Patient/p' }, authoredOn, requester });
  const s = summary({ meds: [med('opioid', 'new'), med('opioid', 'old'), med('benzodiazepine', 'benzo')] });
  it('is the requester of the newest current opioid order, named from Practitioner', () => {
    const dr: Practitioner = { resourceType: 'Practitioner', id: 'x', name: [{ prefix: ['Dr'], given: ['Ana'], family: 'Ruiz' }] };
    expect(prescriberOf(s, [mr('old', '2024-01-01', { reference: 'Practitioner/y' }), mr('new', '2025-01-01', { reference: 'Practitioner/x' }),
      mr('benzo', '2025-06-01', { reference: 'Practitioner/z' }), dr])).toEqual({ key: 'Practitioner/x', display: 'Dr Ana Ruiz' });
  });
  it('uses the reference display, and says when none is recorded', () => {
    expect(prescriberOf(s, [mr('new', '2025-01-01', { display: 'Dr Lee' })])).toEqual({ key: 'display:Dr Lee', display: 'Dr Lee' });
    expect(prescriberOf(s, [mr('new', '2025-01-01')])).toEqual({ key: 'unassigned', display: 'No prescriber recorded' });
  });
});
