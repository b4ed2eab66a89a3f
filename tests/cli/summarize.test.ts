/**
 * The `summarize` command end to end (spawned with tsx): one JSON line per file in order, errors on stderr
 * naming the file with a non-zero exit, edition and patient options.
 */
import { join } from 'node:path';
import { inputFolder, summarize } from './run-summarize.ts';

const file = inputFolder('summarize-');

const rx = (code: string) => ({ coding: [{ system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code }] });
const order = (id: string, patientRef: string, code: string, authoredOn: string, timing: object, dose = 1) => ({
  resourceType: 'MedicationRequest', id, status: 'active', intent: 'order', subject: { reference: patientRef }, authoredOn,
  medicationCodeableConcept: rx(code),
  dosageInstruction: [{ timing: { repeat: timing }, doseAndRate: [{ doseQuantity: { value: dose } }] }],
});
// Synthea-shaped: transaction bundle, urn:uuid subject, hydrocodone 7.5/325 1 tab q6h → 30 MME/day
const synthea = {
  resourceType: 'Bundle', type: 'transaction',
  entry: [
    { fullUrl: 'urn:uuid:pat-1', resource: { resourceType: 'Patient', id: 'pat-1' }, request: { method: 'POST', url: 'Patient' } },
    { fullUrl: 'urn:uuid:mr-1', resource: order('mr-1', 'urn:uuid:pat-1', '857005', '2021-02-12T14:50:44+00:00', { frequency: 1, period: 6, periodUnit: 'h' }), request: { method: 'POST', url: 'MedicationRequest' } },
  ],
};
// methadone 10 mg TID (30 mg/day): 2022 → 141, 2016 → 240
const methadone = { resourceType: 'Bundle', type: 'searchset', entry: [{ resource: order('meth', 'Patient/pat-2', '864706', '2021-02-01', { frequency: 3, period: 1, periodUnit: 'd' }) }] };

describe('summarize command', () => {
  it('prints one JSON object per file, in order, with the public keys', async () => {
    const a = file('a.json', synthea);
    const b = file('b.ndjson', methadone.entry.map((e) => JSON.stringify(e.resource)).join('\n'));
    const { code, stdout, stderr } = await summarize([a, b, '--as-of', '2021-03-01']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ asOf: '2021-03-01', patientId: 'pat-1', mme: { edition: 'cdc-2022', totalPerDay: 30, complete: true } });
    expect(lines[0].mme.orders[0]).toMatchObject({
      medicationRequestId: 'mr-1', medication: 'acetaminophen 325 MG / hydrocodone bitartrate 7.5 MG Oral Tablet', status: 'counted',
      mmePerDay: 30, dailyAmount: 30, amountUnit: 'mg/day', factor: 1, derivation: '7.5 mg × 1 tab × 4/day = 30 mg/day × 1 = 30 MME/day',
    });
    expect(typeof lines[0].mme.orders[0].reason).toBe('string');
    expect(lines[1]).toMatchObject({ patientId: 'pat-2', mme: { totalPerDay: 141 } });
  });

  it('--edition cdc-2016 uses the methadone tier (30 mg/day → 8 → 240)', async () => {
    const { stdout } = await summarize([file('m.json', methadone), '--as-of', '2021-03-01', '--edition', 'cdc-2016']);
    expect(JSON.parse(stdout)).toMatchObject({ mme: { edition: 'cdc-2016', totalPerDay: 240 } });
  });

  it('bad input: one stderr line naming each bad file, other files still printed, exit 1', async () => {
    const good = file('good.json', synthea);
    const bad = file('bad.json', '{ nope');
    const notFhir = file('notfhir.json', { hello: 'world' });
    const missing = join(file.dir, 'missing.json');
    const { code, stdout, stderr } = await summarize([bad, good, notFhir, missing, '--as-of', '2021-03-01']);
    expect(code).toBe(1);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const errors = stderr.trim().split('\n');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain(bad);
    expect(errors[1]).toContain(notFhir);
    expect(errors[2]).toContain(missing);
  });

  it('several patients need --patient; usage errors exit 2', async () => {
    const multi = file('multi.json', { resourceType: 'Bundle', type: 'collection', entry: [...synthea.entry, ...methadone.entry] });
    const noPatient = await summarize([multi, '--as-of', '2021-03-01']);
    expect(noPatient.code).toBe(1);
    expect(noPatient.stderr).toMatch(/multi\.json: holds 2 patients/);
    const chosen = await summarize([multi, '--as-of', '2021-03-01', '--patient', 'pat-2']);
    expect(JSON.parse(chosen.stdout)).toMatchObject({ patientId: 'pat-2', mme: { totalPerDay: 141 } });
    expect((await summarize([multi])).code).toBe(2);
    expect((await summarize([multi, '--as-of', '2021-02-30'])).code).toBe(2);
    expect((await summarize([multi, '--as-of', '2021-03-01', '--edition', 'who'])).code).toBe(2);
  });
});
