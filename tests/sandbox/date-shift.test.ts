import type { Resource } from 'fhir/r4';
import { latestActivity, shiftDates, shiftDateString, shiftDays } from '../../scripts/sandbox/date-shift.ts';

describe('sandbox date shifting', () => {
  it.each([
    ['2020-02-28', 2, '2020-03-01'],
    ['2019-12-31T23:30:00+13:00', 1, '2020-01-01T23:30:00+13:00'],
    ['2021', 400, '2021'], // partial dates stay
    ['not a date', 5, 'not a date'],
  ])('%s + %i days → %s', (input, days, expected) => {
    expect(shiftDateString(input, days)).toBe(expected);
  });

  const record: Resource[] = [
    { resourceType: 'Patient', id: 'p', birthDate: '1950-08-03' },
    { resourceType: 'MedicationRequest', id: 'm', status: 'active', intent: 'order', subject: { reference: 'Patient/p' }, authoredOn: '2021-02-12T10:00:00+00:00' },
    { resourceType: 'Observation', id: 'o', status: 'final', code: { text: 'x' }, effectiveDateTime: '2020-05-01' },
  ] as unknown as Resource[];

  it('moves the latest clinical activity to yesterday, birthDate included (age kept)', () => {
    expect(latestActivity(record)).toBe('2021-02-12');
    const days = shiftDays(record, '2026-11-22');
    const shifted = record.map((r) => shiftDates(r, days));
    expect((shifted[1] as unknown as { authoredOn: string }).authoredOn.slice(0, 10)).toBe('2026-11-21');
    const dob = (shifted[0] as unknown as { birthDate: string }).birthDate;
    expect(Number(dob.slice(0, 4))).toBe(1956);
  });

  it("a scenario's Bundle.timestamp (designed as-of) lands on today", () => {
    expect(shiftDays(record, '2026-11-22', '2026-03-16T12:00:00Z')).toBe(251);
  });

  it('leaves ids, references and meta alone', () => {
    const r = shiftDates({ resourceType: 'Observation', id: '2020-01-01', meta: { lastUpdated: '2020-01-01T00:00:00Z' } } as Resource, 10);
    expect(r.id).toBe('2020-01-01');
    expect(r.meta?.lastUpdated).toBe('2020-01-01T00:00:00Z');
  });
});
