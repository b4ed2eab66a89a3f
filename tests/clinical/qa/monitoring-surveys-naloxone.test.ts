/**
 * QA: PEG (every pain visit; overdue > 90 days or none; mean from items with decimals), PHQ-2 ≥ 3 trigger,
 * PHQ-9 item 9 alert, naloxone 730-day look-back (CDC CDS 2-year; rescue products only), and load status:
 * an unreadable source never yields never-done / up-to-date / low (issue 4 "Statuses").
 */
import type { Resource } from 'fhir/r4';
import { ICD, LOINC, alprazolam, condition, narcan, obs, ort, peg, phq9, suboxone } from '../risk/build.ts';
import { AS_OF, ago, item, json, morphineMgPerDay, oxy5, panel, rx, sig } from './qa-build.ts';

describe('QA PEG', () => {
  it.each([
    [0, 'up-to-date', null], // recorded today
    [1, 'due-soon', AS_OF], // due today at the visit
    [90, 'due-soon', AS_OF],
    [91, 'overdue', ago(1)], // older than 90 days
  ])('last PEG %i days ago → %s', (days, status, due) => {
    const m = item(json([oxy5(2), ort(2), peg(5, ago(days))]), 'peg');
    expect(m.status).toBe(status);
    expect(m.dueDate).toBe(due);
  });
  it('no PEG on file → overdue (issue: "overdue when … there is none")', () => {
    expect(item(json([oxy5(2), ort(2)]), 'peg').status).toBe('overdue');
  });
  it('items 7, 6, 6 only → mean 19/3 = 6.33… (decimals kept)', () => {
    const s = panel([oxy5(2), ort(2), obs('75893-8', 7, ago(3)), obs('91145-3', 6, ago(3)), obs('91146-1', 6, ago(3))]);
    expect(s.peg.entries[0].mean).toBeCloseTo(19 / 3, 9);
    expect(item(s, 'peg').lastDate).toBe(ago(3));
  });
  it('panel 91148-7 with item components only (panel value ignored) → mean of items', () => {
    const p = { ...obs('91148-7', 25, ago(3)), component: [
      { code: { coding: [{ system: LOINC, code: '75893-8' }] }, valueQuantity: { value: 8 } },
      { code: { coding: [{ system: LOINC, code: '91145-3' }] }, valueQuantity: { value: 7 } },
      { code: { coding: [{ system: LOINC, code: '91146-1' }] }, valueQuantity: { value: 6 } },
    ] } as Resource;
    expect(panel([oxy5(2), ort(2), p]).peg.entries[0].mean).toBe(7);
  });
  it('PEG 7 → 4.9 is a 30% improvement; 7 → 5 is not', () => {
    const a = panel([oxy5(2, { authoredOn: ago(100) }), ort(2), peg(7, ago(90)), peg(4.9, ago(1))]);
    expect(a.peg.entries.at(-1)!.improved30).toBe(true);
    const b = panel([oxy5(2, { authoredOn: ago(100) }), ort(2), peg(7, ago(90)), peg(5, ago(1))]);
    expect(b.peg.entries.at(-1)!.improved30).toBe(false);
  });
});

describe('QA PHQ-2 / PHQ-9', () => {
  it('PHQ-2 3 after the last PHQ-9 (PHQ-9 otherwise up to date) → PHQ-9 due at the PHQ-2 date', () => {
    const m = item(json([oxy5(2), ort(2), phq9(4, ago(100)), obs('55758-7', 3, ago(5))]), 'phq9');
    expect(m.status).toBe('overdue');
    expect(m.dueDate).toBe(ago(5));
  });
  it('PHQ-2 3 today → PHQ-9 due today', () => {
    expect(item(json([oxy5(2), ort(2), phq9(4, ago(100)), obs('55758-7', 3, AS_OF)]), 'phq9')).toMatchObject({ status: 'due-soon', dueDate: AS_OF });
  });
  it('PHQ-2 2 → no trigger (up to date)', () => {
    expect(item(json([oxy5(2), ort(2), phq9(4, ago(100)), obs('55758-7', 2, ago(5))]), 'phq9').status).toBe('up-to-date');
  });
  it('PHQ-2 3 recorded the same day as the PHQ-9 that followed it → PHQ-9 done, not due', () => {
    expect(item(json([oxy5(2), ort(2), phq9(4, ago(5)), obs('55758-7', 3, ago(5))]), 'phq9').status).toBe('up-to-date');
  });
  it('PHQ-2 3 before the last PHQ-9 → no trigger', () => {
    expect(item(json([oxy5(2), ort(2), phq9(4, ago(5)), obs('55758-7', 3, ago(50))]), 'phq9').status).toBe('up-to-date');
  });
  it('PHQ-9 item 9 = 1 → same-day clinician alert', () => {
    const s = panel([oxy5(2), ort(2), phq9(8, ago(1)), obs('44260-8', 1, ago(1))]);
    expect(s.alerts.join(' ')).toMatch(/item 9/);
  });
  it('PHQ-9 item 9 = 0 → no alert', () => {
    expect(panel([oxy5(2), ort(2), phq9(8, ago(1)), obs('44260-8', 0, ago(1))]).alerts).toEqual([]);
  });
});

describe('QA naloxone (CDC 2022 Rec 8; 730-day look-back)', () => {
  const mme60 = () => morphineMgPerDay(60);
  it.each([
    [729, 'due-soon'],
    [730, 'due-soon'], // ordered exactly 730 days ago: still within "the last 730 days", due today
    [731, 'overdue'],
  ])('MME 60, rescue naloxone ordered %i days ago → %s', (days, status) => {
    expect(item(json([mme60(), ort(2), narcan({ authoredOn: ago(days), status: 'completed' })]), 'naloxone').status).toBe(status);
  });
  it('MME 60, naloxone 100 days ago → up-to-date', () => {
    expect(item(json([mme60(), ort(2), narcan({ authoredOn: ago(100), status: 'completed' })]), 'naloxone').status).toBe('up-to-date');
  });
  it('MME 60 and only Suboxone (buprenorphine-naloxone) → not covered (never-done)', () => {
    expect(item(json([mme60(), ort(2), suboxone({ authoredOn: ago(10) })]), 'naloxone').status).toBe('never-done');
  });
  it('MME 60 and only pentazocine-naloxone → not covered', () => {
    const pz = rx('312289', 'naloxone 0.5 MG / pentazocine 50 MG Oral Tablet', [sig(1, 6)], { authoredOn: ago(10) });
    expect(item(json([mme60(), ort(2), pz]), 'naloxone').status).not.toMatch(/up-to-date|due-soon|not-applicable/);
  });
  it.each([
    ['MME 49', [morphineMgPerDay(49)], 'not-applicable'],
    ['MME 50', [morphineMgPerDay(50)], 'never-done'],
    ['benzodiazepine', [oxy5(2), alprazolam({ authoredOn: ago(5) })], 'never-done'],
    ['OUD in remission', [oxy5(2), condition(ICD, 'F11.21', 'Opioid dependence, in remission')], 'never-done'],
    ['sleep apnea', [oxy5(2), condition(ICD, 'G47.33', 'Obstructive sleep apnea')], 'never-done'],
    ['overdose history', [oxy5(2), condition(ICD, 'T40.2X1A', 'Poisoning by other opioids', { status: 'resolved', recorded: '2020-01-01' })], 'never-done'],
  ])('%s → %s', (_c, rs, status) => {
    expect(item(json([...(rs as Resource[]), ort(2)]), 'naloxone').status).toBe(status);
  });
  it('cancelled naloxone order does not count', () => {
    expect(item(json([mme60(), ort(2), narcan({ authoredOn: ago(10), status: 'cancelled' })]), 'naloxone').status).toBe('never-done');
  });
});

describe('QA load status: unreadable never yields never-done / up-to-date / low', () => {
  const st = (state: 'unavailable' | 'partial' | 'loading') => ({ state, reason: 'HTTP 503' });
  it.each(['unavailable', 'partial', 'loading'] as const)('surveys %s, nothing on file → ORT/PHQ-9/PEG unavailable, tier not low', (s) => {
    const p = panel([oxy5(2)], { surveys: st(s) });
    for (const id of ['ort', 'phq9', 'peg']) expect(item(p, id).status).toBe('unavailable');
    expect(p.risk.tier).not.toBe('low');
  });
  it.each(['unavailable', 'partial'] as const)('udt %s, nothing on file → unavailable', (s) => {
    expect(item(panel([oxy5(2), ort(2)], { udt: st(s) }), 'udt').status).toBe('unavailable');
  });
  it('pdmp Observation search unavailable, Procedures loaded, nothing found → unavailable (not never-done)', () => {
    expect(item(panel([oxy5(2), ort(2)], { pdmp: st('unavailable') }), 'pdmp').status).toBe('unavailable');
  });
  it('agreement and documents both unavailable → unavailable', () => {
    expect(item(panel([oxy5(2), ort(2)], { agreement: st('unavailable'), documents: st('unavailable') }), 'agreement').status).toBe('unavailable');
  });
  it('medications unavailable → tier unknown, naloxone unavailable', () => {
    const p = panel([ort(2)], { medications: st('unavailable') });
    expect(p.risk.tier).toBe('unknown');
  });
  it('conditions unavailable with MME 20 and ORT 2 → tier not low; naloxone not not-applicable', () => {
    const p = panel([oxy5(2), ort(2)], { conditions: st('unavailable') });
    expect(p.risk.tier).not.toBe('low');
    expect(item(p, 'naloxone').status).not.toBe('not-applicable');
  });
  it('tier not-applicable (MOUD only) → every item not-applicable', () => {
    const out = json([suboxone({ authoredOn: ago(5) }), ort(2)]);
    expect(out.risk.tier).toBe('not-applicable');
    for (const id of ['pdmp', 'udt', 'agreement', 'peg', 'phq9', 'ort']) expect(item(out, id).status).toBe('not-applicable');
  });
});

describe('QA PEG baseline = first PEG of the current opioid course', () => {
  it('orders 200/100/10 days ago (gaps ≤ 180) → course from 200 days ago; PEG 8 (600 d, before) ignored; 7 → 4.9 = −30% improved', () => {
    const s = panel([
      oxy5(2, { authoredOn: ago(200), status: 'completed' }), oxy5(2, { authoredOn: ago(100), status: 'completed' }), oxy5(2, { authoredOn: ago(10) }),
      ort(2), peg(8, ago(600)), peg(7, ago(190)), peg(6, ago(60)), peg(4.9, ago(5)),
    ]);
    expect(s.peg.baseline?.date).toBe(ago(190));
    const last = s.peg.entries.at(-1)!;
    expect(last.changeFromBaselinePct).toBeCloseTo(-30, 6); // (4.9 − 7) / 7
    expect(last.changeFromPreviousPct).toBeCloseTo(-18.333333, 4); // (4.9 − 6) / 6
    expect(last.improved30).toBe(true);
  });
});
