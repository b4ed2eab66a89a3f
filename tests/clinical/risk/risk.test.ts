/**
 * Risk tier rules, one row per rule and boundary (issue 4). MME results are hand-built so each row checks the
 * tier arithmetic alone; the MME engine has its own tests.
 */
import type { Resource } from 'fhir/r4';
import { ageAt, computeRiskTier } from '../../../src/clinical/risk/index.ts';
import { DEFAULT_POLICY } from '../../../src/clinical/policy/index.ts';
import type { LoadStatus, MmeResult, RiskTier } from '../../../src/clinical/types.ts';
import * as b from './build.ts';

const AS_OF = '2026-06-01';
const base = (): Resource[] => [b.patient('1970-06-15'), b.ort(2)];

interface Row {
  name: string;
  resources: Resource[];
  mme: MmeResult;
  tier: RiskTier;
  ids: string[];
  load?: LoadStatus;
}

const rows: Row[] = [
  // MME boundaries 49/50/89/90
  { name: 'MME 49 → low (ORT on file, complete)', resources: base(), mme: b.mmeOf(49), tier: 'low', ids: ['L0-low'] },
  { name: 'MME 50 → moderate', resources: base(), mme: b.mmeOf(50), tier: 'moderate', ids: ['M1-mme-50'] },
  { name: 'MME 89 → moderate', resources: base(), mme: b.mmeOf(89), tier: 'moderate', ids: ['M1-mme-50'] },
  { name: 'MME 89.9 → moderate (decimals kept)', resources: base(), mme: b.mmeOf(89.9), tier: 'moderate', ids: ['M1-mme-50'] },
  { name: 'MME 90 → high', resources: base(), mme: b.mmeOf(90), tier: 'high', ids: ['H4-mme-90'] },
  // ORT boundaries 3/4/7/8
  { name: 'ORT 3 → low', resources: [b.patient(), b.ort(3)], mme: b.mmeOf(20), tier: 'low', ids: ['L0-low'] },
  { name: 'ORT 4 → moderate', resources: [b.patient(), b.ort(4)], mme: b.mmeOf(20), tier: 'moderate', ids: ['M2-ort-4'] },
  { name: 'ORT 7 → moderate', resources: [b.patient(), b.ort(7)], mme: b.mmeOf(20), tier: 'moderate', ids: ['M2-ort-4'] },
  { name: 'ORT 8 → high', resources: [b.patient(), b.ort(8)], mme: b.mmeOf(20), tier: 'high', ids: ['H6-ort-8'] },
  { name: 'latest ORT counts (9 then 2)', resources: [b.patient(), b.ort(9, '2024-01-01'), b.ort(2, '2025-01-01')], mme: b.mmeOf(20), tier: 'low', ids: ['L0-low'] },
  // high-tier conditions and co-prescribing
  { name: 'overdose ever (ICD T40.2X1A, 2015, resolved)', resources: [...base(), b.condition(b.ICD, 'T40.2X1A', 'Poisoning by other opioids, accidental', { status: 'resolved', recorded: '2015-03-01' })], mme: b.mmeOf(20), tier: 'high', ids: ['H1-overdose'] },
  { name: 'overdose by fentanyl, newer code T40.411A', resources: [...base(), b.condition(b.ICD, 'T40.411A', 'Poisoning by fentanyl, accidental')], mme: b.mmeOf(20), tier: 'high', ids: ['H1-overdose'] },
  { name: 'adverse effect T40.2X5A is not an overdose', resources: [...base(), b.condition(b.ICD, 'T40.2X5A', 'Adverse effect of other opioids')], mme: b.mmeOf(20), tier: 'low', ids: ['L0-low'] },
  { name: 'Synthea "Drug overdose" 55680006', resources: [...base(), b.condition(b.SCT, '55680006', 'Drug overdose')], mme: b.mmeOf(20), tier: 'high', ids: ['H1-overdose'] },
  { name: 'OUD active F11.20 → high', resources: [...base(), b.condition(b.ICD, 'F11.20', 'Opioid dependence, uncomplicated')], mme: b.mmeOf(20), tier: 'high', ids: ['H2-oud'] },
  { name: 'OUD in remission F11.21 → moderate (SUD history)', resources: [...base(), b.condition(b.ICD, 'F11.21', 'Opioid dependence, in remission')], mme: b.mmeOf(20), tier: 'moderate', ids: ['M3-sud-history'] },
  { name: 'OUD SNOMED remission concept → moderate', resources: [...base(), b.condition(b.SCT, '191821007', 'Opioid dependence in remission')], mme: b.mmeOf(20), tier: 'moderate', ids: ['M3-sud-history'] },
  { name: 'alcohol use disorder active → high', resources: [...base(), b.condition(b.ICD, 'F10.20', 'Alcohol dependence, uncomplicated', { recorded: '2019-01-01' })], mme: b.mmeOf(20), tier: 'high', ids: ['H3-sud-recent'] },
  { name: 'cannabis use disorder resolved, recorded 3 months ago → high', resources: [...base(), b.condition(b.ICD, 'F12.10', 'Cannabis abuse', { status: 'resolved', recorded: '2026-03-01' })], mme: b.mmeOf(20), tier: 'high', ids: ['H3-sud-recent'] },
  { name: 'alcohol use disorder resolved, recorded 2 years ago → moderate', resources: [...base(), b.condition(b.ICD, 'F10.10', 'Alcohol abuse', { status: 'resolved', recorded: '2024-05-01' })], mme: b.mmeOf(20), tier: 'moderate', ids: ['M3-sud-history'] },
  { name: 'tobacco F17.210 is not SUD', resources: [...base(), b.condition(b.ICD, 'F17.210', 'Nicotine dependence, cigarettes')], mme: b.mmeOf(20), tier: 'low', ids: ['L0-low'] },
  { name: 'benzodiazepine current with opioid → high', resources: [...base(), b.alprazolam({ authoredOn: '2026-05-15' })], mme: b.mmeOf(20), tier: 'high', ids: ['H5-benzo-overlap'] },
  { name: 'benzodiazepine stopped → not a trigger', resources: [...base(), b.alprazolam({ authoredOn: '2026-05-15', status: 'stopped' })], mme: b.mmeOf(20), tier: 'low', ids: ['L0-low'] },
  { name: 'benzodiazepine by name (unknown code)', resources: [...base(), b.order('999999', 'LORazepam 1 mg tablet (local formulary)', { authoredOn: '2026-05-15' })], mme: b.mmeOf(20), tier: 'high', ids: ['H5-benzo-overlap'] },
  // moderate
  { name: 'depression active F33.1', resources: [...base(), b.condition(b.ICD, 'F33.1', 'Major depressive disorder, recurrent, moderate')], mme: b.mmeOf(20), tier: 'moderate', ids: ['M4-mental-health'] },
  { name: 'PTSD resolved → not a trigger', resources: [...base(), b.condition(b.SCT, '47505003', 'Posttraumatic stress disorder', { status: 'resolved' })], mme: b.mmeOf(20), tier: 'low', ids: ['L0-low'] },
  { name: 'PHQ-9 10 within 12 months', resources: [...base(), b.phq9(10, '2026-01-10')], mme: b.mmeOf(20), tier: 'moderate', ids: ['M4-phq9'] },
  { name: 'PHQ-9 9 → not a trigger', resources: [...base(), b.phq9(9, '2026-01-10')], mme: b.mmeOf(20), tier: 'low', ids: ['L0-low'] },
  { name: 'PHQ-9 15 older than 12 months → not a trigger', resources: [...base(), b.phq9(15, '2025-05-01')], mme: b.mmeOf(20), tier: 'low', ids: ['L0-low'] },
  { name: 'GAD-7 10 within 12 months', resources: [...base(), b.gad7(10, '2026-04-01')], mme: b.mmeOf(20), tier: 'moderate', ids: ['M4-gad7'] },
  { name: 'sleep apnea G47.33', resources: [...base(), b.condition(b.ICD, 'G47.33', 'Obstructive sleep apnea')], mme: b.mmeOf(20), tier: 'moderate', ids: ['M5-sleep-apnea'] },
  { name: 'narcolepsy G47.411 is not sleep apnea (pitfall 8)', resources: [...base(), b.condition(b.ICD, 'G47.411', 'Narcolepsy with cataplexy')], mme: b.mmeOf(20), tier: 'low', ids: ['L0-low'] },
  { name: 'gabapentin current → moderate', resources: [...base(), b.gabapentin({ authoredOn: '2026-05-01' })], mme: b.mmeOf(20), tier: 'moderate', ids: ['M6-cns-depressant'] },
  { name: 'zolpidem current → moderate', resources: [...base(), b.order('854873', 'zolpidem tartrate 10 MG Oral Tablet', { authoredOn: '2026-05-01' })], mme: b.mmeOf(20), tier: 'moderate', ids: ['M6-cns-depressant'] },
  { name: 'age 65 → moderate', resources: [b.patient('1961-06-01'), b.ort(2)], mme: b.mmeOf(20), tier: 'moderate', ids: ['M7-age-65'] },
  { name: 'age 64 (birthday tomorrow) → low', resources: [b.patient('1961-06-02'), b.ort(2)], mme: b.mmeOf(20), tier: 'low', ids: ['L0-low'] },
  { name: 'ER/LA opioid → moderate', resources: base(), mme: b.mmeOf(30, { longActing: true, medication: '12 HR oxycodone hydrochloride 10 MG Extended Release Oral Tablet' }), tier: 'moderate', ids: ['M8-long-acting'] },
  { name: 'methadone for pain → moderate', resources: base(), mme: b.mmeOf(47, { medication: 'methadone hydrochloride 10 MG Oral Tablet' }), tier: 'moderate', ids: ['M8-long-acting'] },
  { name: 'highest tier wins, all reasons listed', resources: [...base(), b.alprazolam({ authoredOn: '2026-05-15' }), b.ort(9, '2026-01-01')], mme: b.mmeOf(96), tier: 'high', ids: ['H4-mme-90', 'H5-benzo-overlap', 'H6-ort-8'] },
  // unknown: missing data never yields low
  { name: 'no ORT → unknown', resources: [b.patient()], mme: b.mmeOf(20), tier: 'unknown', ids: ['U-no-ort'] },
  { name: 'MME incomplete → unknown', resources: base(), mme: b.mmeOf(20, { complete: false }), tier: 'unknown', ids: ['U-mme-incomplete'] },
  { name: 'no ORT and MME incomplete → both listed', resources: [b.patient()], mme: b.mmeOf(20, { complete: false }), tier: 'unknown', ids: ['U-no-ort', 'U-mme-incomplete'] },
  { name: 'conditions unavailable → unknown', resources: base(), mme: b.mmeOf(20), tier: 'unknown', ids: ['U-source-conditions'], load: { conditions: { state: 'unavailable', reason: 'HTTP 503' } } },
  { name: 'surveys unavailable, no ORT → unknown', resources: [b.patient()], mme: b.mmeOf(20), tier: 'unknown', ids: ['U-ort'], load: { surveys: { state: 'unavailable' } } },
  { name: 'medications unavailable and no opioid seen → unknown', resources: base(), mme: b.mmeOf(0), tier: 'unknown', ids: ['U-source-medications'], load: { medications: { state: 'unavailable' } } },
  { name: 'moderate stays moderate when the ORT is missing', resources: [b.patient()], mme: b.mmeOf(60), tier: 'moderate', ids: ['M1-mme-50'] },
  // not applicable
  { name: 'no current opioid → not-applicable', resources: base(), mme: b.mmeOf(0), tier: 'not-applicable', ids: ['NA-no-opioid'] },
  { name: 'MOUD only → not-applicable', resources: base(), mme: b.mmeOf(0, { moudOnly: true }), tier: 'not-applicable', ids: ['NA-no-opioid'] },
  { name: 'age 17 → not-applicable', resources: [b.patient('2008-06-02'), b.ort(2)], mme: b.mmeOf(20), tier: 'not-applicable', ids: ['NA-age'] },
  { name: 'age 18 on the birthday → applicable', resources: [b.patient('2008-06-01'), b.ort(2)], mme: b.mmeOf(20), tier: 'low', ids: ['L0-low'] },
  { name: 'sickle cell disease D57.1 → not-applicable', resources: [...base(), b.condition(b.ICD, 'D57.1', 'Sickle-cell disease without crisis')], mme: b.mmeOf(20), tier: 'not-applicable', ids: ['NA-sickle-cell'] },
  { name: 'sickle-cell trait D57.3 is not an exclusion', resources: [...base(), b.condition(b.ICD, 'D57.3', 'Sickle-cell trait')], mme: b.mmeOf(20), tier: 'low', ids: ['L0-low'] },
  { name: 'active cancer C50.911 → not-applicable', resources: [...base(), b.condition(b.ICD, 'C50.911', 'Malignant neoplasm of right female breast', { recorded: '2026-02-01' })], mme: b.mmeOf(20), tier: 'not-applicable', ids: ['NA-cancer'] },
  { name: 'cancer resolved 5 years ago → applicable', resources: [...base(), b.condition(b.ICD, 'C18.9', 'Malignant neoplasm of colon', { status: 'resolved', recorded: '2021-01-01' })], mme: b.mmeOf(20), tier: 'low', ids: ['L0-low'] },
  { name: 'inactive cancer + chemotherapy 2 months ago → not-applicable', resources: [...base(), b.condition(b.SCT, '254837009', 'Malignant neoplasm of breast', { status: 'inactive', recorded: '2020-01-01' }), b.procedure(b.SCT, '367336001', '2026-04-01')], mme: b.mmeOf(20), tier: 'not-applicable', ids: ['NA-cancer'] },
  { name: 'hospice finding → not-applicable', resources: [...base(), b.condition(b.SCT, '170935008', 'Full care by hospice')], mme: b.mmeOf(20), tier: 'not-applicable', ids: ['NA-hospice'] },
  { name: 'refuted OUD is ignored', resources: [...base(), b.condition(b.ICD, 'F11.20', 'Opioid dependence', { verification: 'refuted' })], mme: b.mmeOf(20), tier: 'low', ids: ['L0-low'] },
  { name: 'WHO icd-10 URI and https LOINC still match', resources: [...base(), b.condition('http://hl7.org/fhir/sid/icd-10', 'F11.20', 'Opioid dependence')], mme: b.mmeOf(20), tier: 'high', ids: ['H2-oud'] },
];

describe('risk tier (issue 4 rules)', () => {
  it.each(rows)('$name', ({ resources, mme, tier, ids, load }) => {
    const result = computeRiskTier(resources, load ?? {}, DEFAULT_POLICY, AS_OF, mme);
    expect(result.tier).toBe(tier);
    expect(result.reasons.map((r) => r.id)).toEqual(ids);
    for (const r of result.reasons) expect(r.source.length).toBeGreaterThan(5);
  });

  it('reason text carries the number: "Total MME 96 MME/day ≥ 90"', () => {
    const r = computeRiskTier(base(), {}, DEFAULT_POLICY, AS_OF, b.mmeOf(96));
    expect(r.reasons[0]).toMatchObject({ id: 'H4-mme-90', text: 'Total MME 96 MME/day ≥ 90' });
    expect(r.reasons[0].source).toContain("Your clinic's policy: 90 MME/day or more is high");
    expect(r.reasons[0].citations?.map((c) => c.url)).toContain('https://www.cdc.gov/mmwr/volumes/65/rr/rr6501e1.htm');
  });

  it('unknown lists the unconverted order count', () => {
    const r = computeRiskTier([b.patient()], {}, DEFAULT_POLICY, AS_OF, b.mmeOf(20, { complete: false }));
    expect(r.reasons.map((x) => x.text)).toEqual(['No ORT on file', 'MME unknown — verify: at least 20 MME/day; 1 order could not be converted (oxycodone (dose unknown)); the total could be higher']);
  });

  it.each<[string | undefined, number | null]>([
    ['1970-06-15', 55],
    ['1970-06-01', 56],
    ['1970-06', null], // June 2026: 55 or 56
    ['1970-03', 56],
    ['1970', null],
    ['1970-12-31T00:00:00Z', 55],
    [undefined, null],
  ])('age at 2026-06-01 from birth date %s → %s', (birthDate, age) => {
    expect(ageAt(birthDate, AS_OF)).toBe(age);
  });

  it('a clinic policy moves the thresholds (high at 120 MME)', () => {
    const policy = structuredClone(DEFAULT_POLICY);
    policy.risk.highMme.value = 120;
    expect(computeRiskTier(base(), {}, policy, AS_OF, b.mmeOf(100)).tier).toBe('moderate');
    expect(computeRiskTier(base(), {}, policy, AS_OF, b.mmeOf(120)).tier).toBe('high');
  });

  it('computes the MME itself when none is passed (oxycodone 5 mg × 8/day = 60 MME → moderate)', () => {
    const r = computeRiskTier([...base(), b.oxycodone5(8, { authoredOn: '2026-05-20' })], {}, DEFAULT_POLICY, AS_OF);
    expect(r).toMatchObject({ tier: 'moderate', reasons: [{ id: 'M1-mme-50', text: 'Total MME 60 MME/day is 50–89' }] });
  });
});
