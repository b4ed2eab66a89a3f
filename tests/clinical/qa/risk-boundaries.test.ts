/**
 * QA: risk tier triggers and boundaries (issue 4 "Risk tier"; clinical-rules.md §5.2), through the summarize JSON.
 * Base patient: born 1970-06-15 (56 at asOf 2026-06-15), ORT 2 (low band) unless the row says otherwise.
 */
import type { Resource } from 'fhir/r4';
import { ICD, SCT, alprazolam, condition, gabapentin, gad7, ort, phq9, suboxone } from '../risk/build.ts';
import { AS_OF, ago, json, morphineMgPerDay, oxy5, panel } from './qa-build.ts';

const tierOf = (rs: Resource[]) => json(rs).risk;
const ids = (rs: Resource[]) => tierOf(rs).reasons.map((r) => r.id);

describe('QA risk: MME boundaries (morphine mg given as mass dose → MME = mg)', () => {
  it.each([
    [49, 'low'],
    [49.5, 'low'], // 49.5 < 50: not moderate
    [50, 'moderate'], // ≥ 50 (CDC 2022 Rec 8 / issue "MME 50–89")
    [89, 'moderate'],
    [89.99, 'moderate'], // < 90
    [90, 'high'], // ≥ 90 (issue "total MME ≥ 90")
  ])('MME %d → %s', (mg, tier) => {
    const r = tierOf([morphineMgPerDay(mg), ort(2)]);
    expect(r.tier).toBe(tier);
  });
});

describe('QA risk: ORT latest wins (0–3 low, 4–7 moderate, ≥8 high; Webster 2005)', () => {
  it.each([
    [[3], 'low'],
    [[4], 'moderate'],
    [[7], 'moderate'],
    [[8], 'high'],
    [[9, 3], 'low'], // an older ORT 9 superseded by a later 3
    [[2, 8], 'high'],
  ])('ORT series %j → %s', (scores, tier) => {
    const rs = scores.map((s, i) => ort(s, ago(300 - i * 100)));
    expect(tierOf([oxy5(2), ...rs]).tier).toBe(tier);
  });
});

describe('QA risk: substance use disorder recency (risk.sudRecentDays 365)', () => {
  const sud = (days: number) => condition(ICD, 'F10.20', 'Alcohol dependence, uncomplicated', { status: 'inactive', recorded: ago(days) });
  it.each([
    [365, 'high', 'H3-sud-recent'],
    [366, 'moderate', 'M3-sud-history'],
  ])('inactive alcohol use disorder recorded %i days ago → %s', (days, tier, id) => {
    expect(tierOf([oxy5(2), ort(2), sud(days)]).tier).toBe(tier);
    expect(ids([oxy5(2), ort(2), sud(days)])).toContain(id);
  });
  it('active SUD recorded 3 years ago → high', () => {
    expect(tierOf([oxy5(2), ort(2), condition(ICD, 'F12.20', 'Cannabis dependence', { recorded: ago(1100) })]).tier).toBe('high');
  });
  it('tobacco F17.210 is not a SUD trigger → low', () => {
    expect(tierOf([oxy5(2), ort(2), condition(ICD, 'F17.210', 'Nicotine dependence, cigarettes')]).tier).toBe('low');
  });
  it.each([['F11.21'], ['F11.11']])('OUD in remission %s → moderate (M3), not high', (code) => {
    const r = tierOf([oxy5(2), ort(2), condition(ICD, code, 'Opioid dependence, in remission', { recorded: ago(30) })]);
    expect(r.tier).toBe('moderate');
    expect(r.reasons.map((x) => x.id)).toContain('M3-sud-history');
  });
  it('OUD F11.20 active → high (H2)', () => {
    expect(ids([oxy5(2), ort(2), condition(ICD, 'F11.20', 'Opioid dependence, uncomplicated')])).toContain('H2-oud');
  });
  it('OUD F11.20 resolved 100 days ago, not coded remission → high (recorded in the last 12 months; was low: bug fixed)', () => {
    const r = tierOf([oxy5(2), ort(2), condition(ICD, 'F11.20', 'Opioid dependence, uncomplicated', { status: 'resolved', recorded: ago(100) })]);
    expect(r.tier).toBe('high');
    expect(r.reasons.map((x) => x.id)).toContain('H2-oud');
  });
  it('opioid poisoning T40.2X1A ever (resolved, 5 years ago) → high', () => {
    expect(ids([oxy5(2), ort(2), condition(ICD, 'T40.2X1A', 'Poisoning by other opioids, accidental', { status: 'resolved', recorded: '2021-01-01' })])).toContain('H1-overdose');
  });
  it('T40.2X5A adverse effect is not an overdose → low', () => {
    expect(tierOf([oxy5(2), ort(2), condition(ICD, 'T40.2X5A', 'Adverse effect of other opioids')]).tier).toBe('low');
  });
});

describe('QA risk: mental health scores within 12 months (risk.mentalHealthScoreDays 365)', () => {
  it.each([
    ['PHQ-9 10, 365 days ago', phq9(10, ago(365)), 'moderate'],
    ['PHQ-9 10, 366 days ago', phq9(10, ago(366)), 'low'],
    ['PHQ-9 9, today', phq9(9, AS_OF), 'low'],
    ['GAD-7 10, 200 days ago', gad7(10, ago(200)), 'moderate'],
    ['GAD-7 9, 200 days ago', gad7(9, ago(200)), 'low'],
  ])('%s → %s', (_c, score, tier) => {
    expect(tierOf([oxy5(2), ort(2), score]).tier).toBe(tier);
  });
  it('sleep apnea G47.33 → moderate; narcolepsy G47.411 → low (pitfall 8)', () => {
    expect(tierOf([oxy5(2), ort(2), condition(ICD, 'G47.33', 'Obstructive sleep apnea')]).tier).toBe('moderate');
    expect(tierOf([oxy5(2), ort(2), condition(ICD, 'G47.411', 'Narcolepsy with cataplexy')]).tier).toBe('low');
  });
});

describe('QA risk: age at asOf', () => {
  it.each([
    ['1961-06-16', 'low'], // 64 (65th birthday tomorrow)
    ['1961-06-15', 'moderate'], // 65 today
    ['2008-06-16', 'not-applicable'], // 17
    ['2008-06-15', 'low'], // 18 today
  ])('born %s → %s', (birth, tier) => {
    expect(panel([oxy5(2), ort(2)], {}, birth).risk.tier).toBe(tier);
  });
});

describe('QA risk: co-prescriptions and populations', () => {
  it('benzodiazepine current → high (H5)', () => {
    expect(ids([oxy5(2), ort(2), alprazolam({ authoredOn: ago(10) })])).toContain('H5-benzo-overlap');
  });
  it('benzodiazepine only historical (stopped) → low', () => {
    expect(tierOf([oxy5(2), ort(2), alprazolam({ authoredOn: ago(400), status: 'stopped' })]).tier).toBe('low');
  });
  it('benzodiazepine completed, supply ended 100 days ago → low', () => {
    expect(tierOf([oxy5(2), ort(2), alprazolam({ authoredOn: ago(130), status: 'completed' })]).tier).toBe('low');
  });
  it('gabapentin current → moderate (M6)', () => {
    expect(ids([oxy5(2), ort(2), gabapentin({ authoredOn: ago(10) })])).toContain('M6-cns-depressant');
  });
  it('MOUD only (Suboxone) → not-applicable with the MOUD reason', () => {
    const r = tierOf([suboxone({ authoredOn: ago(10) }), ort(2)]);
    expect(r.tier).toBe('not-applicable');
    expect(r.reasons[0].text).toMatch(/MOUD/);
  });
  it.each([
    ['sickle cell D57.1', condition(ICD, 'D57.1', 'Sickle-cell disease without crisis'), 'not-applicable'],
    ['sickle cell trait D57.3 is not an exclusion', condition(ICD, 'D57.3', 'Sickle-cell trait'), 'low'],
    ['active cancer C50.911', condition(ICD, 'C50.911', 'Malignant neoplasm of right female breast', { recorded: ago(60) }), 'not-applicable'],
    ['hospice Z51.5', condition(ICD, 'Z51.5', 'Encounter for palliative care', { recorded: ago(10) }), 'not-applicable'],
  ])('%s → %s', (_c, cond, tier) => {
    expect(tierOf([oxy5(2), ort(2), cond]).tier).toBe(tier);
  });
  it('no ORT → unknown (never low), reason names the ORT', () => {
    const r = tierOf([oxy5(2)]);
    expect(r.tier).toBe('unknown');
    expect(r.reasons.map((x) => x.text).join(' ')).toMatch(/ORT/);
  });
  it('MME incomplete (unknown order) → unknown, not low', () => {
    const rs = [oxy5(2), ort(2), { ...morphineMgPerDay(10), dosageInstruction: undefined }];
    expect(tierOf(rs as Resource[]).tier).toBe('unknown');
  });
  it.each([
    ['conditions', { conditions: { state: 'unavailable' as const, reason: 'HTTP 503' } }],
    ['medications partial', { medications: { state: 'partial' as const } }],
    ['patient', { patient: { state: 'unavailable' as const } }],
  ])('%s source not read → never low', (_c, ls) => {
    expect(panel([oxy5(2), ort(2)], ls).risk.tier).not.toBe('low');
  });
  it('SNOMED depression 35489007 active → moderate', () => {
    expect(tierOf([oxy5(2), ort(2), condition(SCT, '35489007', 'Depressive disorder')]).tier).toBe('moderate');
  });
  it('every reason has id, text and source strings', () => {
    const r = tierOf([morphineMgPerDay(95), ort(9), alprazolam({ authoredOn: ago(5) })]);
    for (const x of r.reasons) {
      expect(typeof x.id).toBe('string');
      expect(x.text.length).toBeGreaterThan(0);
      expect(x.source.length).toBeGreaterThan(0);
    }
  });
});
