import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Resource } from 'fhir/r4';
import { parseRegistryArgs } from '../../src/cli/registry-args.ts';
import { partitionInput } from '../../src/cli/registry-partition.ts';
import { patientKeyOf } from '../../src/registry/patient-key.ts';
import { runRegistry } from '../../src/cli/registry-run.ts';
import type { Summarize } from '../../src/registry/accumulate.ts';
import { med, summary } from './builders.ts';

const ndjson = (rs: object[]) => rs.map((r) => JSON.stringify(r)).join('\n') + '\n';

/** 30 patients split across per-type NDJSON files plus one Bundle file with urn:uuid references. */
async function makeFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'registry-test-'));
  const ids = Array.from({ length: 30 }, (_, i) => `p${i}`);
  await writeFile(join(dir, 'Patient.ndjson'), ndjson(ids.map((id) => ({ resourceType: 'Patient', id, name: [{ text: `Name ${id}` }] }))));
  await writeFile(join(dir, 'MedicationRequest.ndjson'), ndjson(ids.flatMap((id, i) => [
    { resourceType: 'MedicationRequest', id: `${id}-a`, status: 'active', intent: 'order', subject: { reference: `Patient/${id}` },
      requester: { reference: `Practitioner/dr${i % 2}` }, medicationReference: { reference: 'Medication/oxy' } },
  ])) + '\n\nnot json\n');
  await writeFile(join(dir, 'Observation.ndjson'), ndjson(ids.map((id) => ({ resourceType: 'Observation', id: `${id}-o`, status: 'final', code: {}, subject: { reference: `https://ehr.example/fhir/Patient/${id}` } }))));
  await writeFile(join(dir, 'Practitioner.ndjson'), ndjson([0, 1].map((i) => ({ resourceType: 'Practitioner', id: `dr${i}`, name: [{ text: `Dr ${i === 0 ? 'Zero' : 'One'}` }] }))));
  await writeFile(join(dir, 'Medication.ndjson'), ndjson([{ resourceType: 'Medication', id: 'oxy', code: { text: 'oxycodone' } }]));
  await writeFile(join(dir, 'bundle.json'), JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [
    { fullUrl: 'urn:uuid:b1', resource: { resourceType: 'Patient', id: 'pb', name: [{ text: 'Bundle, "Quoted"' }] } },
    { fullUrl: 'urn:uuid:b2', resource: { resourceType: 'MedicationRequest', id: 'pb-a', status: 'active', intent: 'order', subject: { reference: 'urn:uuid:b1' } } },
    // the same resource also in the NDJSON: counted once
    { resource: { resourceType: 'Observation', id: 'p0-o', status: 'final', code: {}, subject: { reference: 'Patient/p0' } } },
  ] }));
  return dir;
}

describe('command-line registry: streaming partition', () => {
  let dir: string;
  beforeAll(async () => { dir = await makeFolder(); });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('groups each patient across files and buckets, dedupes, keeps shared look-ups, reports bad lines', async () => {
    const p = await partitionInput(dir, 512); // tiny buckets: forces many bucket files
    try {
      expect(p.stats.buckets).toBeGreaterThan(5);
      expect(p.stats.skipped).toEqual([expect.objectContaining({ reason: 'not valid JSON' })]);
      expect([...p.shared.keys()].sort()).toEqual(['Medication/oxy', 'Practitioner/dr0', 'Practitioner/dr1']);
      const groups = new Map<string, string[]>();
      for await (const g of p.patients()) {
        expect(groups.has(g.patientId)).toBe(false); // a patient comes out once, whole
        groups.set(g.patientId, g.resources.map((r) => `${r.resourceType}/${r.id}`).sort());
      }
      expect(groups.size).toBe(31);
      expect(groups.get('p0')).toEqual(['MedicationRequest/p0-a', 'Observation/p0-o', 'Patient/p0']);
      expect(groups.get('pb')).toEqual(['MedicationRequest/pb-a', 'Patient/pb']);
    } finally {
      await p.cleanup();
    }
  });

  it('runs the measures and writes the CSV row by row', async () => {
    const fake: Summarize = (resources, _ls, asOf) => {
      const pid = resources.find((r) => r.resourceType === 'Patient')!.id!;
      const hasMedication = resources.some((r) => r.resourceType === 'Medication');
      return summary({ asOf, patientId: pid, mme: hasMedication ? 60 : 10, meds: [med('opioid', `${pid}-a`)] });
    };
    const csvPath = join(dir, 'out.csv');
    const r = await runRegistry({ folder: dir, asOf: '2025-06-30', summarize: fake, csvPath, months: 2, bucketBytes: 512 });
    expect(r.cohort.opioid).toBe(31);
    expect(r.measures.overall.find((m) => m.id === 'mme-50')).toMatchObject({ numerator: 30, denominator: 31 });
    expect(r.measures.byPrescriber.map((p) => [p.prescriber.display, p.patients])).toEqual([
      ['Dr One', 15], ['Dr Zero', 15], ['No prescriber recorded', 1],
    ]);
    expect(r.runChart.map((p) => [p.monthEnd, p.patients])).toEqual([['2025-05-31', 31], ['2025-06-30', 31]]);
    const csv = await readFile(csvPath, 'utf8');
    expect(csv.split('\r\n')).toHaveLength(33); // header + 31 rows + trailing
    expect(csv).toContain('"Bundle, ""Quoted"""');
  });
});

describe('patient key of a resource', () => {
  it.each([
    [{ resourceType: 'Patient', id: 'x' }, 'x'],
    [{ resourceType: 'Observation', subject: { reference: 'Patient/x/_history/3' } }, 'x'],
    [{ resourceType: 'Appointment', participant: [{ actor: { reference: 'Practitioner/d' } }, { actor: { reference: 'Patient/y' } }] }, 'y'],
    [{ resourceType: 'Coverage', beneficiary: { reference: 'Patient/z' } }, 'z'],
    [{ resourceType: 'Practitioner', id: 'd' }, null],
    [{ resourceType: 'Observation', subject: { reference: 'Group/g' } }, null],
  ])('%j → %s', (r, key) => expect(patientKeyOf(r as Resource)).toBe(key));
});

describe('registry arguments', () => {
  it.each([
    [['in', '--as-of', '2025-06-30'], { folder: 'in', asOf: '2025-06-30', months: 12 }],
    [['in', '--as-of', '2025-06-30', '--csv', 'o.csv', '--policy', 'p.json', '--months', '0'], { folder: 'in', asOf: '2025-06-30', csv: 'o.csv', policy: 'p.json', months: 0 }],
    [['in'], { error: '--as-of YYYY-MM-DD is required (a valid calendar date)' }],
    [['in', '--as-of', '2025-02-30'], { error: '--as-of YYYY-MM-DD is required (a valid calendar date)' }],
    [['--as-of', '2025-06-30'], { error: 'missing the input folder' }],
    [['in', '--as-of', '2025-06-30', '--csv'], { error: '--csv needs a value' }],
    [['in', '--bogus'], { error: 'unknown option --bogus' }],
  ])('%j', (argv, expected) => expect(parseRegistryArgs(argv)).toEqual(expected));
});
