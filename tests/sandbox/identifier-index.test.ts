/**
 * The sandbox's identifier index: a conditional create (If-None-Exist: identifier=system|value) and an exact
 * identifier search are answered from the index, without a scan of the patient's Observations, and agree with
 * medplum's own search. Timing is printed by `scripts/bench/conditional-create.ts`, not asserted here.
 */
import { MemoryRepository } from '@medplum/fhir-router';
import type { Observation, Patient } from 'fhir/r4';
import { FhirStore, identifierKey } from '../../scripts/sandbox/fhir-store.ts';

const SYSTEM = 'urn:pain-care-panel:request';
const patient: Patient = { resourceType: 'Patient', id: 'p1' };
const observation = (id: string, request?: string): Observation => ({
  resourceType: 'Observation',
  id,
  status: 'final',
  code: { coding: [{ system: 'http://snomed.info/sct', code: '461651000124104' }] },
  subject: { reference: 'Patient/p1' },
  ...(request ? { identifier: [{ system: SYSTEM, value: request }] } : {}),
});
const self = new URL('http://sandbox.test/fhir/Observation');

async function store(): Promise<FhirStore> {
  const seeded = [patient, ...Array.from({ length: 200 }, (_, i) => observation(`o${i}`)), observation('seeded', 'req-seeded')];
  return FhirStore.create({ shared: [], byPatient: new Map([['p1', seeded]]), warnings: [] });
}

afterEach(() => vi.restoreAllMocks());

describe('identifier index', () => {
  it('create, then a conditional create with the same identifier finds it (200) without scanning', async () => {
    const s = await store();
    const first = await s.create(observation('ignored', 'req-1'), `identifier=${SYSTEM}|req-1`);
    const scan = vi.spyOn(MemoryRepository.prototype, 'search');
    const again = await s.create(observation('ignored', 'req-1'), `identifier=${SYSTEM}|req-1`);
    expect([first.created, again.created, again.resource.id]).toEqual([true, false, first.resource.id]);
    expect(scan).not.toHaveBeenCalled();
  });

  it.each([
    ['a seeded resource', 'req-seeded', 1],
    ['an unknown identifier', 'req-none', 0],
  ])('identifier search for %s (%s): %i match, from the index', async (_label, value, count) => {
    const s = await store();
    const scan = vi.spyOn(MemoryRepository.prototype, 'search');
    const bundle = await s.search('Observation', new URLSearchParams({ patient: 'p1', identifier: `${SYSTEM}|${value}` }), { selfUrl: self, tokenPatient: 'p1' });
    expect(bundle.total).toBe(count);
    expect(scan).not.toHaveBeenCalled();
  });

  it('agrees with medplum’s own (scanning) search, which still answers every other form', async () => {
    const s = await store();
    const created = await s.create(observation('ignored', 'req-2'), null);
    const indexed = await s.search('Observation', new URLSearchParams({ identifier: `${SYSTEM}|req-2` }), { selfUrl: self, tokenPatient: 'p1' });
    const scanned = await s.search('Observation', new URLSearchParams({ identifier: `${SYSTEM}|req-2`, status: 'final' }), { selfUrl: self, tokenPatient: 'p1' });
    const bare = await s.search('Observation', new URLSearchParams({ identifier: 'req-2' }), { selfUrl: self, tokenPatient: 'p1' });
    const ids = (b: typeof indexed) => b.entry?.map((e) => e.resource?.id);
    expect(ids(indexed)).toEqual([created.resource.id]);
    expect(ids(scanned)).toEqual(ids(indexed));
    expect(ids(bare)).toEqual(ids(indexed));
  });

  it('two resources with one identifier: If-None-Exist is refused (412), never a third', async () => {
    const s = await store();
    await s.create(observation('x', 'dup'), null);
    await s.create(observation('y', 'dup'), null);
    await expect(s.create(observation('z', 'dup'), `identifier=${SYSTEM}|dup`)).rejects.toMatchObject({ status: 412 });
  });

  it.each([
    ['urn:a|b', 'Observation|urn:a|b'],
    ['b', null], // no system: any system matches — medplum answers
    ['urn:a|', null],
    ['|b', null],
    ['urn:a|b,urn:a|c', null],
    ['urn:a|b\\|c', null],
  ])('identifierKey(%s) → %s', (token, key) => {
    expect(identifierKey('Observation', token)).toBe(key);
  });
});
