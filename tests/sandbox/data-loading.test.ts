/** The sandbox's data loading: transaction bundles (urn:uuid rewritten), NDJSON, scenario timestamps, one shift per patient. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MedicationRequest, Observation, Patient } from 'fhir/r4';
import { loadData } from '../../scripts/sandbox/data.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'pcp-data-'));
  // A transaction bundle: urn:uuid fullUrls and references, no timestamp → latest activity lands on yesterday.
  writeFileSync(join(dir, 'tx.json'), JSON.stringify({
    resourceType: 'Bundle', type: 'transaction',
    entry: [
      { fullUrl: 'urn:uuid:aaaa-1', resource: { resourceType: 'Patient', id: 'aaaa-1', birthDate: '1950-01-10' }, request: { method: 'POST', url: 'Patient' } },
      { fullUrl: 'urn:uuid:bbbb-2', resource: { resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: 'urn:uuid:aaaa-1' }, authoredOn: '2021-02-12' }, request: { method: 'POST', url: 'MedicationRequest' } },
    ],
  }));
  // A scenario: Bundle.timestamp is the designed as-of date → it lands on today.
  writeFileSync(join(dir, 'scenario.json'), JSON.stringify({
    resourceType: 'Bundle', type: 'collection', timestamp: '2026-03-16T12:00:00Z',
    entry: [
      { resource: { resourceType: 'Patient', id: 'scn', birthDate: '1970-03-16' } },
      { resource: { resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'PEG' }, subject: { reference: 'Patient/scn' }, effectiveDateTime: '2026-03-01' } },
    ],
  }));
  // NDJSON export split by type: the patient's files must be shifted together.
  writeFileSync(join(dir, 'Patient.ndjson'), `${JSON.stringify({ resourceType: 'Patient', id: 'nd', birthDate: '1980-06-01' })}\n`);
  writeFileSync(join(dir, 'Observation.ndjson'), `${JSON.stringify({ resourceType: 'Observation', id: 'nd-o', status: 'final', code: { text: 'x' }, subject: { reference: 'Patient/nd' }, effectiveDateTime: '2020-06-01' })}\n`);
  writeFileSync(join(dir, 'README.md'), '# not data');
  writeFileSync(join(dir, 'broken.json'), '{ nope');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const find = <T>(list: unknown[] | undefined, type: string) => list?.find((r) => (r as { resourceType: string }).resourceType === type) as T;

describe('sandbox data loading', () => {
  it('rewrites urn:uuid references to Type/id and shifts the latest activity to yesterday', () => {
    const data = loadData([dir], '2026-11-22');
    const mr = find<MedicationRequest>(data.byPatient.get('aaaa-1'), 'MedicationRequest');
    expect(mr.subject?.reference).toBe('Patient/aaaa-1');
    expect(mr.id).toBe('bbbb-2');
    expect(mr.authoredOn).toBe('2026-11-21');
  });

  it("maps a scenario's Bundle.timestamp to today (2026-03-16 → 2026-11-22: +251 days)", () => {
    const data = loadData([dir], '2026-11-22');
    expect(find<Observation>(data.byPatient.get('scn'), 'Observation').effectiveDateTime).toBe('2026-11-07');
    expect(find<Patient>(data.byPatient.get('scn'), 'Patient').birthDate).toBe('1970-11-22');
  });

  it('shifts a patient split across NDJSON files by one amount (birthDate moves with the activity)', () => {
    const data = loadData([dir], '2026-11-22');
    const list = data.byPatient.get('nd');
    expect(find<Observation>(list, 'Observation').effectiveDateTime).toBe('2026-11-21');
    // 2020-06-01 → 2026-11-21 is +2364 days; 1980-06-01 + 2364 days = 1986-11-21: the age at the visit is kept.
    expect(find<Patient>(list, 'Patient').birthDate).toBe('1986-11-21');
  });

  it('skips non-JSON files with a warning and ignores README', () => {
    const data = loadData([dir], '2026-11-22');
    expect(data.warnings.some((w) => w.includes('broken.json'))).toBe(true);
    expect(data.warnings.some((w) => w.includes('README'))).toBe(false);
  });
});
