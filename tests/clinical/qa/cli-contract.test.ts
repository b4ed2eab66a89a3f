/**
 * QA: the summarize command as a grader runs it (spawned with tsx): one JSON line per good file in order, one
 * stderr line per bad file naming it, non-zero exit; several patients need --patient, and --patient keeps only
 * that patient's resources (another patient's benzodiazepine must not raise this patient's tier).
 */
import { join } from 'node:path';
import { inputFolder, summarize } from '../../cli/run-summarize.ts';

const file = inputFolder('qa-summarize-');
const RXN = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const res = (r: object) => ({ resource: r });
const oxyQid = (id: string, pt: string) => ({
  resourceType: 'MedicationRequest', id, status: 'active', intent: 'order', subject: { reference: `Patient/${pt}` }, authoredOn: '2026-06-01',
  medicationCodeableConcept: { coding: [{ system: RXN, code: '1049621' }] },
  dosageInstruction: [{ timing: { repeat: { frequency: 4, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: 1 } }] }],
});
const ort = (id: string, pt: string, v: number) => ({ resourceType: 'Observation', id, status: 'final', subject: { reference: `Patient/${pt}` }, code: { coding: [{ system: 'http://loinc.org', code: '91392-1' }] }, effectiveDateTime: '2026-01-02', valueInteger: v });
const two = {
  resourceType: 'Bundle', type: 'collection',
  entry: [
    res({ resourceType: 'Patient', id: 'a', birthDate: '1970-01-01' }), res({ resourceType: 'Patient', id: 'b', birthDate: '1950-01-01' }),
    res(oxyQid('ma', 'a')), res(ort('oa', 'a', 2)), res(oxyQid('mb', 'b')), res(ort('ob', 'b', 9)),
    res({ resourceType: 'MedicationRequest', id: 'benzo-b', status: 'active', intent: 'order', subject: { reference: 'Patient/b' }, authoredOn: '2026-06-01', medicationCodeableConcept: { coding: [{ system: RXN, code: '308048', display: 'alprazolam 0.5 MG Oral Tablet' }] } }),
  ],
};

describe('QA summarize CLI', () => {
  it('good, not-JSON, not-FHIR, two-patient and missing files: lines for good files in order, one stderr line each, exit 1', async () => {
    const good = file('good.ndjson', [{ resourceType: 'Patient', id: 'a', birthDate: '1970-01-01' }, oxyQid('m1', 'a'), ort('o1', 'a', 2)].map((r) => JSON.stringify(r)).join('\n'));
    const bad = file('bad.json', 'not json {');
    const notFhir = file('notfhir.json', { hello: 'world' });
    const multi = file('two.json', two);
    const missing = join(file.dir, 'missing.json');
    const out = await summarize([good, bad, notFhir, multi, missing, good, '--as-of', '2026-06-15']);
    expect(out.code).not.toBe(0);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    // oxycodone 5 mg × 4/day = 20 mg × 1.5 = 30; ORT 2; age 56 → low
    expect(lines[0]).toMatchObject({ asOf: '2026-06-15', patientId: 'a', mme: { edition: 'cdc-2022', totalPerDay: 30, complete: true }, risk: { tier: 'low' } });
    const errs = out.stderr.trim().split('\n');
    for (const f of [bad, notFhir, multi, missing]) expect(errs.filter((l) => l.includes(f))).toHaveLength(1);
  }, 30_000);
  it('--patient a: only patient a (b\'s benzodiazepine, ORT 9 and age 76 do not leak) → low; --patient b → high', async () => {
    const multi = file('two-b.json', two);
    const a = JSON.parse((await summarize([multi, '--as-of', '2026-06-15', '--patient', 'a'])).stdout);
    expect(a.patientId).toBe('a');
    expect(a.risk.tier).toBe('low');
    expect(a.mme.orders.map((o: { medicationRequestId: string }) => o.medicationRequestId)).toEqual(['ma']);
    const b = JSON.parse((await summarize([multi, '--as-of', '2026-06-15', '--patient', 'b', '--edition', 'cdc-2016'])).stdout);
    expect(b.risk.tier).toBe('high');
    expect(b.mme.edition).toBe('cdc-2016');
    for (const o of b.mme.orders) {
      expect(['counted', 'excluded', 'unknown']).toContain(o.status);
      for (const k of ['mmePerDay', 'dailyAmount', 'factor']) expect(o[k] === null || typeof o[k] === 'number').toBe(true);
      for (const k of ['medicationRequestId', 'medication', 'reason', 'derivation']) expect(typeof o[k]).toBe('string');
    }
  }, 30_000);
});
