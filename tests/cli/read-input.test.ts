/**
 * Input reading for the command-line tools: Bundles of any type, single resources, NDJSON; patient selection.
 */
import type { Resource } from 'fhir/r4';
import { InputError, parseInput, selectPatient } from '../../src/cli/read-input.ts';

const patient = (id: string): Resource => ({ resourceType: 'Patient', id });
const mr = (id: string, subject: string): Resource => ({ resourceType: 'MedicationRequest', id, status: 'active', intent: 'order', subject: { reference: subject }, medicationCodeableConcept: { text: 'x' } } as Resource);

describe('parseInput', () => {
  it('reads a transaction Bundle and records fullUrls', () => {
    const bundle = { resourceType: 'Bundle', type: 'transaction', entry: [{ fullUrl: 'urn:uuid:p1', resource: patient('p1') }, { fullUrl: 'urn:uuid:m1', resource: mr('m1', 'urn:uuid:p1') }] };
    const loaded = parseInput(JSON.stringify(bundle));
    expect(loaded.resources.map((r) => r.id)).toEqual(['p1', 'm1']);
    expect(loaded.fullUrls.get('urn:uuid:p1')).toBe('Patient/p1');
  });

  it('flattens nested Bundles and skips search outcome entries', () => {
    const inner = { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: mr('m1', 'Patient/p1') }, { search: { mode: 'outcome' }, resource: { resourceType: 'OperationOutcome' } }] };
    const outer = { resourceType: 'Bundle', type: 'collection', entry: [{ resource: inner }, { resource: patient('p1') }] };
    expect(parseInput(JSON.stringify(outer)).resources.map((r) => r.resourceType)).toEqual(['MedicationRequest', 'Patient']);
  });

  it('reads a single resource and NDJSON (resources or Bundles per line)', () => {
    expect(parseInput(JSON.stringify(mr('m1', 'Patient/p1'))).resources).toHaveLength(1);
    const ndjson = [JSON.stringify(patient('p1')), '', JSON.stringify({ resourceType: 'Bundle', entry: [{ resource: mr('m1', 'Patient/p1') }] })].join('\n');
    expect(parseInput(ndjson).resources.map((r) => r.id)).toEqual(['p1', 'm1']);
  });

  it.each([
    ['', /empty file/],
    ['{not json', /not JSON or NDJSON/],
    ['{"a": 1}', /not FHIR/],
    ['[1, 2]', /not FHIR/],
    [`${JSON.stringify(patient('p1'))}\n{oops`, /NDJSON line 2 is not JSON/],
  ])('rejects %j', (text, message) => {
    expect(() => parseInput(text)).toThrow(InputError);
    expect(() => parseInput(text)).toThrow(message);
  });
});

describe('selectPatient', () => {
  it('takes the Patient resource id', () => {
    const loaded = parseInput(JSON.stringify({ resourceType: 'Bundle', entry: [{ fullUrl: 'urn:uuid:abc', resource: patient('abc') }, { resource: mr('m1', 'urn:uuid:abc') }] }));
    expect(selectPatient(loaded).patientId).toBe('abc');
  });

  it('takes the subject the resources share when there is no Patient resource', () => {
    const loaded = parseInput(JSON.stringify({ resourceType: 'Bundle', entry: [{ resource: mr('m1', 'Patient/p9') }, { resource: mr('m2', 'https://ehr.example/fhir/Patient/p9') }, { resource: { resourceType: 'Medication', id: 'med' } }] }));
    expect(selectPatient(loaded)).toMatchObject({ patientId: 'p9' });
  });

  it('a file with several patients needs a patient id; with it, only that patient and shared resources remain', () => {
    const loaded = parseInput(JSON.stringify({ resourceType: 'Bundle', entry: [patient('a'), patient('b'), mr('m1', 'Patient/a'), mr('m2', 'Patient/b'), { resourceType: 'Medication', id: 'med' }].map((resource) => ({ resource })) }));
    expect(() => selectPatient(loaded)).toThrow(/holds 2 patients \(a, b\): choose one with --patient/);
    expect(selectPatient(loaded, 'b').resources.map((r) => r.id)).toEqual(['b', 'm2', 'med']);
    expect(() => selectPatient(loaded, 'zz')).toThrow(/patient zz not found/);
  });

  it('no patient at all gives patientId null', () => {
    expect(selectPatient(parseInput(JSON.stringify({ resourceType: 'Medication', id: 'x' }))).patientId).toBeNull();
  });
});
