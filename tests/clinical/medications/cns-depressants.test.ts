/**
 * CNS depressants per CDC 2022 Recommendation 11 ("benzodiazepines … and other CNS depressants, e.g. muscle
 * relaxants, non-benzodiazepine sedative hypnotics, potentially sedating anticonvulsants such as gabapentin and
 * pregabalin"): by RxNorm product code (generated lists), ingredient RxCUI and name (ingredient and US brand,
 * word-bounded). Not the CDC cns-depressant value set whole: it holds stimulants and anaesthetics (pitfall 8).
 * Each row names what it checks; the combination helper says when an opioid, a benzodiazepine and a muscle relaxant
 * are all current.
 */
import type { MedicationRequest, Resource } from 'fhir/r4';
import { classifyMedicationRequests } from '../../../src/clinical/medications/index.ts';
import { classifyNonOpioid, cnsCombination } from '../../../src/clinical/medications/classify.ts';
import { DEFAULT_POLICY } from '../../../src/clinical/policy/index.ts';
import { computeRiskTier } from '../../../src/clinical/risk/index.ts';
import * as b from '../risk/build.ts';

const AS_OF = '2026-06-01';
const classify = (mr: MedicationRequest) => classifyMedicationRequests([mr], DEFAULT_POLICY, AS_OF)[0];
const naming = (...texts: string[]) => ({ concepts: [], texts, display: texts[0] ?? '' });

describe('CNS depressant classes (CDC 2022 Rec 11)', () => {
  const rows: [string, MedicationRequest, string | undefined][] = [
    ['cyclobenzaprine by code 828348 (VSAC 1021.73 product), no text', { ...b.order('828348', ''), medicationCodeableConcept: { coding: [{ system: b.RX, code: '828348' }] } }, 'CNS depressant: muscle relaxant'],
    ['cyclobenzaprine by name, local code', b.order('LOCAL-1', 'Cyclobenzaprine HCl 10 mg tablet'), 'CNS depressant: muscle relaxant'],
    ['Flexeril (brand) by name', b.order('LOCAL-2', 'Flexeril 5 mg tab'), 'CNS depressant: muscle relaxant'],
    ['cyclobenzaprine ingredient RxCUI 21949', b.order('21949', 'cyclobenzaprine'), 'CNS depressant: muscle relaxant'],
    ['methocarbamol 750 mg (197944)', b.order('197944', 'methocarbamol 750 MG Oral Tablet'), 'CNS depressant: muscle relaxant'],
    ['baclofen 10 mg (197391)', b.order('197391', 'baclofen 10 MG Oral Tablet'), 'CNS depressant: muscle relaxant'],
    ['tizanidine 4 mg (313413)', b.order('313413', 'tizanidine 4 MG Oral Tablet'), 'CNS depressant: muscle relaxant'],
    ['metaxalone by brand "Skelaxin 800 mg"', b.order('LOCAL-3', 'Skelaxin 800 mg tablet'), 'CNS depressant: muscle relaxant'],
    ['orphenadrine ER 100 mg (994521)', b.order('994521', '12 HR orphenadrine citrate 100 MG Extended Release Oral Tablet'), 'CNS depressant: muscle relaxant'],
    ['chlorzoxazone 500 mg (197502)', b.order('197502', 'chlorzoxazone 500 MG Oral Tablet'), 'CNS depressant: muscle relaxant'],
    ['dantrolene 25 mg (856656)', b.order('856656', 'dantrolene sodium 25 MG Oral Capsule'), 'CNS depressant: muscle relaxant'],
    ['carisoprodol 350 mg (197446): a muscle relaxant, named', b.order('197446', 'carisoprodol 350 MG Oral Tablet'), 'CNS depressant: muscle relaxant (carisoprodol)'],
    ['carisoprodol ingredient RxCUI 2101', b.order('2101', 'carisoprodol'), 'CNS depressant: muscle relaxant (carisoprodol)'],
    ['"Soma 350 mg" (brand, in the medication name) → carisoprodol', b.order('LOCAL-4', 'Soma 350 mg tablet'), 'CNS depressant: muscle relaxant (carisoprodol)'],
    ['aspirin/carisoprodol (197447)', b.order('197447', 'aspirin 325 MG / carisoprodol 200 MG Oral Tablet'), 'CNS depressant: muscle relaxant (carisoprodol)'],
    ['zolpidem 10 mg (854873, CDC cns set filtered to Z-drugs)', b.order('854873', 'zolpidem tartrate 10 MG Oral Tablet'), 'CNS depressant: Z-drug'],
    ['Lunesta by name', b.order('LOCAL-5', 'Lunesta 2 mg'), 'CNS depressant: Z-drug'],
    ['gabapentin 300 mg (310431)', b.gabapentin(), 'CNS depressant: gabapentinoid'],
    ['Lyrica by name', b.order('LOCAL-6', 'Lyrica 75 mg capsule'), 'CNS depressant: gabapentinoid'],
    ['butalbital/acetaminophen/caffeine (barbiturate)', b.order('x3', 'Acetaminophen 325 MG / butalbital 50 MG / Caffeine 40 MG Oral Tablet'), 'CNS depressant: barbiturate'],
    ['Fioricet by name', b.order('LOCAL-7', 'Fioricet 50-325-40 mg'), 'CNS depressant: barbiturate'],
    ['phenobarbital', b.order('LOCAL-8', 'PHENobarbital 30 mg tablet'), 'CNS depressant: barbiturate'],
    // adversarial
    ['"Somatuline Depot" (lanreotide) is not Soma: word-bounded', b.order('LOCAL-9', 'Somatuline Depot 120 mg/0.5 mL'), undefined],
    ['"somatic pain" is not Soma: word-bounded', b.order('LOCAL-10', 'cream for somatic pain'), undefined],
    ['phentermine (stimulant in the CDC cns set) is not a CNS depressant', b.order('803353', 'phentermine hydrochloride 37.5 MG Oral Tablet'), undefined],
    ['sevoflurane (anaesthetic in the CDC cns set) is not counted', b.order('200243', 'sevoflurane 1000 MG/ML Inhalation Solution'), undefined],
    ['ibuprofen is not a CNS depressant', b.order('310965', 'ibuprofen 200 MG Oral Tablet'), undefined],
    ['unknown code, no text', { ...b.order('999999999', ''), medicationCodeableConcept: { coding: [{ system: b.RX, code: '999999999' }] } }, undefined],
  ];
  it.each(rows)('%s', (_n, mr, detail) => {
    const c = classify(mr);
    if (detail === undefined) expect(c?.class).not.toBe('cns-depressant');
    else expect([c?.class, c?.detail]).toEqual(['cns-depressant', detail]);
  });

  it.each<[string, string, RegExp]>([
    ['cyclobenzaprine 10 MG Oral Tablet', 'muscle relaxant', /^muscle relaxant: adds sedation and breathing risk with opioids \(CDC 2022 Rec 11\)$/],
    ['gabapentin 300 MG Oral Capsule', 'gabapentinoid', /^gabapentinoid: adds sedation and breathing risk/],
    ['zolpidem tartrate 10 MG Oral Tablet', 'Z-drug', /Z-drug/],
    ['butalbital 50 MG', 'barbiturate', /^barbiturate:/],
    ['alprazolam 0.5 MG Oral Tablet', '', /^benzodiazepine:/],
  ])('"why it matters" for %s', (text, kind, why) => {
    const c = classifyNonOpioid(naming(text));
    expect(c?.why).toMatch(why);
    if (kind) expect(c?.cnsKind).toBe(kind);
  });

  it('matchedBy says code list, ingredient code or name', () => {
    expect(classifyNonOpioid({ concepts: [{ coding: [{ system: b.RX, code: '828348' }] }], texts: [], display: '' })?.matchedBy).toBe('RxNorm 828348 in muscle relaxant list (VSAC 1021.73 products + carisoprodol sets)');
    expect(classifyNonOpioid(naming('Zanaflex 4 mg'))?.matchedBy).toBe('name "zanaflex"');
  });

  it('the entry carries "why" to the panel', () => {
    expect(classify(b.order('828348', 'cyclobenzaprine hydrochloride 10 MG Oral Tablet', { authoredOn: '2026-05-01' }))).toMatchObject({ class: 'cns-depressant', current: true, why: expect.stringMatching(/muscle relaxant/) });
  });
});

describe('M6: a current muscle relaxant is a CNS depressant risk reason (it was "None" before)', () => {
  it('cyclobenzaprine current → M6 with the kind in words', () => {
    const rs: Resource[] = [b.patient(), b.ort(2), b.oxycodone5(2, { authoredOn: '2026-05-01' }), b.order('828348', 'cyclobenzaprine hydrochloride 10 MG Oral Tablet', { authoredOn: '2026-05-01' })];
    const risk = computeRiskTier(rs, {}, DEFAULT_POLICY, AS_OF, b.mmeOf(15));
    const m6 = risk.reasons.find((r) => r.id === 'M6-cns-depressant');
    expect(m6?.text).toBe('Other CNS depressant current: cyclobenzaprine hydrochloride 10 MG Oral Tablet — muscle relaxant (sedation and breathing risk add up with opioids)');
    expect(risk.tier).toBe('moderate');
  });
});

describe('cnsCombination: opioid + benzodiazepine + muscle relaxant', () => {
  const opioid = { class: 'opioid' as const, display: 'oxycodone 5 MG', current: true };
  const benzo = { class: 'benzodiazepine' as const, display: 'alprazolam 0.5 MG', current: true };
  const relaxant = { class: 'cns-depressant' as const, display: 'carisoprodol 350 MG', detail: 'CNS depressant: muscle relaxant (carisoprodol)', current: true };
  const gaba = { class: 'cns-depressant' as const, display: 'gabapentin 300 MG', detail: 'CNS depressant: gabapentinoid', current: true };
  it.each<[string, Parameters<typeof cnsCombination>[0], boolean]>([
    ['all three current → called out', [opioid, benzo, relaxant], true],
    ['no benzodiazepine → not the triple', [opioid, relaxant], false],
    ['gabapentinoid is not a muscle relaxant', [opioid, benzo, gaba], false],
    ['benzodiazepine not current → no', [opioid, { ...benzo, current: false }, relaxant], false],
    ['no opioid → no', [benzo, relaxant], false],
    ['empty list → no', [], false],
  ])('%s', (_n, list, all) => {
    const c = cnsCombination(list);
    expect(c.all).toBe(all);
    expect(c.text === null).toBe(!all);
  });
  it('the call-out names the three and the source, without blame', () => {
    expect(cnsCombination([opioid, benzo, relaxant]).text).toBe('Opioid, benzodiazepine and muscle relaxant all current (oxycodone 5 MG; alprazolam 0.5 MG; carisoprodol 350 MG): sedation and breathing risk add up — review the combination with the patient (CDC 2022 Rec 11)');
  });
});
