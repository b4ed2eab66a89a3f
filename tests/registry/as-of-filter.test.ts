import type { Resource } from 'fhir/r4';
import { resourceDate, resourcesAsOf } from '../../src/registry/as-of-filter.ts';

const r = (x: Record<string, unknown>) => x as unknown as Resource;

describe('record as of a month-end (run chart)', () => {
  it.each([
    [r({ resourceType: 'MedicationRequest', authoredOn: '2025-05-02' }), '2025-05-02'],
    [r({ resourceType: 'Observation', effectiveDateTime: '2025-05-31T23:30:00-07:00' }), '2025-05-31'], // date as written
    [r({ resourceType: 'Observation', effectivePeriod: { start: '2025-04-01' } }), '2025-04-01'],
    [r({ resourceType: 'Observation', issued: '2025-04-03T10:00:00Z' }), '2025-04-03'],
    [r({ resourceType: 'Procedure', performedDateTime: '2025-03-01' }), '2025-03-01'],
    [r({ resourceType: 'DocumentReference', date: '2025-02-01T12:00:00Z' }), '2025-02-01'],
    [r({ resourceType: 'Condition', recordedDate: '2024-12-01' }), '2024-12-01'],
    [r({ resourceType: 'Patient', birthDate: '1960-01-01' }), null],
    [r({ resourceType: 'Observation' }), null],
  ])('%j → %s', (res, date) => expect(resourceDate(res)).toBe(date));

  it('drops what did not exist yet and appointments, keeps undated resources', () => {
    const kept = resourcesAsOf([
      r({ resourceType: 'Patient', id: 'p' }),
      r({ resourceType: 'MedicationRequest', id: 'old', authoredOn: '2025-05-31' }),
      r({ resourceType: 'MedicationRequest', id: 'new', authoredOn: '2025-06-01' }),
      r({ resourceType: 'Observation', id: 'undated' }),
      r({ resourceType: 'Appointment', id: 'a', start: '2025-01-01T09:00:00Z' }),
    ], '2025-05-31');
    expect(kept.map((x) => x.id)).toEqual(['p', 'old', 'undated']);
  });
});
