/**
 * Non-opioid classification: rescue naloxone vs combination products (pitfall 1), benzodiazepines by code and
 * by name, CNS depressants by ingredient (not the over-inclusive CDC set, pitfall 8), naltrexone as MOUD, and
 * the shared "current" rule.
 */
import type { Medication, MedicationRequest } from 'fhir/r4';
import { classifyMedicationRequests } from '../../../src/clinical/medications/index.ts';
import { DEFAULT_POLICY } from '../../../src/clinical/policy/index.ts';
import * as b from '../risk/build.ts';

const AS_OF = '2026-06-01';
const classify = (mr: MedicationRequest, extra: Medication[] = []) => classifyMedicationRequests([mr, ...extra], DEFAULT_POLICY, AS_OF)[0];

describe('medication classes', () => {
  const rows: [string, MedicationRequest, string | undefined, string | undefined][] = [
    ['Narcan 4 mg nasal spray (RxNorm 1725064)', b.order('1725064', 'naloxone hydrochloride 40 MG/ML Nasal Spray [Narcan]'), 'naloxone', 'rescue naloxone'],
    ['naloxone 0.4 mg/mL injection (VSAC 2023, 1191222)', b.order('1191222', 'naloxone hydrochloride 0.4 MG/ML Injectable Solution'), 'naloxone', 'rescue naloxone'],
    ['Zimhi prefilled syringe (2589618)', b.order('2589618', '0.5 ML naloxone hydrochloride 10 MG/ML Prefilled Syringe [Zimhi]'), 'naloxone', 'rescue naloxone'],
    ['buprenorphine/naloxone film is NOT rescue naloxone', b.order('1010604', 'buprenorphine 8 MG / naloxone 2 MG Sublingual Film'), undefined, undefined],
    ['Zubsolv by name is NOT rescue naloxone', b.order('x1', 'Zubsolv 5.7 mg-1.4 mg sublingual tablet'), undefined, undefined],
    ['pentazocine/naloxone is NOT rescue naloxone', b.order('x2', 'naloxone 0.5 MG / pentazocine 50 MG Oral Tablet'), undefined, undefined],
    ['nalmefene is not naloxone', b.order('199059', 'nalmefene 1 MG/ML Injectable Solution'), undefined, undefined],
    ['alprazolam (CDC set)', b.order('308048', 'alprazolam 0.5 MG Oral Tablet'), 'benzodiazepine', undefined],
    ['clonazepam by name, local code', b.order('LOCAL-7', 'ClonazePAM 0.5 mg tab'), 'benzodiazepine', undefined],
    ['gabapentin by name', b.order('310431', 'gabapentin 300 MG Oral Capsule'), 'cns-depressant', 'CNS depressant: gabapentinoid'],
    ['pregabalin ingredient code 187832', b.order('187832', 'pregabalin'), 'cns-depressant', 'CNS depressant: gabapentinoid'],
    ['zolpidem (CDC cns set, Z-drug)', b.order('854873', 'zolpidem tartrate 10 MG Oral Tablet'), 'cns-depressant', 'CNS depressant: Z-drug'],
    ['carisoprodol 350 mg (VSAC): a muscle relaxant, kept recognisable', b.order('197446', 'carisoprodol 350 MG Oral Tablet'), 'cns-depressant', 'CNS depressant: muscle relaxant (carisoprodol)'],
    ['butalbital combination (barbiturate)', b.order('x3', 'Acetaminophen 325 MG / butalbital 50 MG / Caffeine 40 MG Oral Tablet'), 'cns-depressant', 'CNS depressant: barbiturate'],
    ['phentermine (stimulant in the CDC cns set) is not a CNS depressant', b.order('x4', 'phentermine hydrochloride 37.5 MG Oral Tablet'), undefined, undefined],
    ['meclizine (in the CDC cns set) is not counted', b.order('1251685', 'meclizine hydrochloride 25 MG Oral Tablet'), undefined, undefined],
    ['naltrexone listed as MOUD', b.order('x5', 'naltrexone hydrochloride 50 MG Oral Tablet'), 'moud', 'naltrexone (MOUD; not an opioid, no MME)'],
    ['naltrexone/bupropion (weight loss) is not MOUD', b.order('x6', 'bupropion hydrochloride 90 MG / naltrexone hydrochloride 8 MG Extended Release Oral Tablet'), undefined, undefined],
  ];
  it.each(rows)('%s', (_n, mr, cls, detail) => {
    const c = classify(mr);
    expect(c?.class).toBe(cls);
    if (detail) expect(c?.detail).toBe(detail);
  });

  it('reads the referenced Medication (medicationReference) and reports how it matched', () => {
    const med: Medication = { resourceType: 'Medication', id: 'm1', code: { coding: [{ system: 'https://www.nlm.nih.gov/research/umls/rxnorm', code: '197901', display: 'lorazepam 1 MG Oral Tablet' }] } };
    const mr: MedicationRequest = { ...b.order('0', 'x'), medicationCodeableConcept: undefined, medicationReference: { reference: 'Medication/m1' } };
    expect(classify(mr, [med])).toMatchObject({ class: 'benzodiazepine', matchedBy: 'RxNorm 197901 in benzodiazepine list (opioid-cds-r4 ∪ VSAC 1032.43)', display: 'lorazepam 1 MG Oral Tablet' });
  });

  it.each<[string, Partial<MedicationRequest>, boolean]>([
    ['active, authored last month', { status: 'active', authoredOn: '2026-05-01' }, true],
    ['active, authored 3 years ago (stale)', { status: 'active', authoredOn: '2023-05-01' }, false],
    ['completed, 30-day supply covering asOf', { status: 'completed', authoredOn: '2026-05-10' }, true],
    ['completed, supply ended', { status: 'completed', authoredOn: '2026-03-01' }, false],
    ['stopped', { status: 'stopped', authoredOn: '2026-05-20' }, false],
  ])('current rule (shared with the MME engine): %s', (_n, patch, current) => {
    expect(classify({ ...b.alprazolam(), ...patch } as MedicationRequest).current).toBe(current);
  });
});
