/**
 * One short sig per feature the reader covers (dose forms and ranges, unit abbreviations, routes, frequency
 * spellings, PRN phrases, maxima, patch intervals, misspellings), and the readings it refuses on purpose.
 * These strings were written for this test (they are not real sigs; real ones are in corpus.ts).
 */
import { parseSig } from '../../../src/clinical/sig/index.ts';
import { summarize, type ExpectedReading } from './corpus.ts';

const reads: [sig: string, expected: ExpectedReading][] = [
  ["one to two tablets by mouth every 4 to 6 hours as needed", { dose: '1-2 {tbl}', timing: '1/4-6h', prn: true, route: 'oral' }],
  ["1/2 tablet po bid", { dose: '0.5 {tbl}', timing: '2/1d', route: 'oral' }],
  ["0.5 tab po q12h", { dose: '0.5 {tbl}', timing: '1/12h', route: 'oral' }],
  ["2.5 mL po q6h prn", { dose: '2.5 mL', timing: '1/6h', prn: true, route: 'oral' }],
  ["5 ml by mouth every 6 hours", { dose: '5 mL', timing: '1/6h', route: 'oral' }],
  ["10mg po qday", { dose: '10 mg', timing: '1/1d', route: 'oral' }],
  ["1 cap po tid", { dose: '1 {capsule}', timing: '3/1d', route: 'oral' }],
  ["2 caps po daily", { dose: '2 {capsule}', timing: '1/1d', route: 'oral' }],
  ["1 capsule orally q8h", { dose: '1 {capsule}', timing: '1/8h', route: 'oral' }],
  ["5 cc po qid", { dose: '5 mL', timing: '4/1d', route: 'oral' }],
  ["100 mcg po daily", { dose: '100 ug', timing: '1/1d', route: 'oral' }],
  ["1 tab SL q6h prn", { dose: '1 {tbl}', timing: '1/6h', prn: true, route: 'sublingual' }],
  ["1 patch TD q72h", { dose: '1 {patch}', timing: '1/72h', route: 'transdermal' }],
  ["1 supp PR daily prn", { dose: '1 {suppository}', timing: '1/1d', prn: true, route: 'rectal' }],
  ["1 tab PO q 6 hrs", { dose: '1 {tbl}', timing: '1/6h', route: 'oral' }],
  ["1 tab every 6 hours", { dose: '1 {tbl}', timing: '1/6h' }],
  ["1 tablet po b.i.d.", { dose: '1 {tbl}', timing: '2/1d', route: 'oral' }],
  ["1 tablet po t.i.d.", { dose: '1 {tbl}', timing: '3/1d', route: 'oral' }],
  ["1 tablet po q.i.d.", { dose: '1 {tbl}', timing: '4/1d', route: 'oral' }],
  ["1 tablet once daily", { dose: '1 {tbl}', timing: '1/1d' }],
  ["1 tablet QD", { dose: '1 {tbl}', timing: '1/1d' }],
  ["1 tab twice a day", { dose: '1 {tbl}', timing: '2/1d' }],
  ["1 tab three times daily", { dose: '1 {tbl}', timing: '3/1d' }],
  ["1 tab nightly", { dose: '1 {tbl}', timing: '1/1d HS' }],
  ["1 tab at bedtime", { dose: '1 {tbl}', timing: '1/1d HS' }],
  ["1 tab po every morning", { dose: '1 {tbl}', timing: '1/1d MORN', route: 'oral' }],
  ["1 tab po every other day", { dose: '1 {tbl}', timing: '1/2d', route: 'oral' }],
  ["1 tab po QOD", { dose: '1 {tbl}', timing: '1/2d', route: 'oral' }],
  ["1 tab po weekly", { dose: '1 {tbl}', timing: '1/1wk', route: 'oral' }],
  ["1 patch every 72 hours", { dose: '1 {patch}', timing: '1/72h' }],
  ["1 patch every 3 days", { dose: '1 {patch}', timing: '1/3d' }],
  ["1 tab po q6h if needed", { dose: '1 {tbl}', timing: '1/6h', prn: true, route: 'oral' }],
  ["1 tab po q6h as needed for pain", { dose: '1 {tbl}', timing: '1/6h', prn: true, route: 'oral' }],
  ["take 1 tablts by mouth evry 6 hrs", { dose: '1 {tbl}', timing: '1/6h', route: 'oral' }],
  ["1 tab po daly", { dose: '1 {tbl}', timing: '1/1d', route: 'oral' }],
  ["1 tab po q6hrs", { dose: '1 {tbl}', timing: '1/6h', route: 'oral' }],
  ["1 tab po q4h prn pain, do not take more than 6 tablets per day", { dose: '1 {tbl}', timing: '1/4h', prn: true, max: '6 {tbl}/1d', route: 'oral' }],
  ["1 tab po q4h prn pain, no more than 4 doses per day", { dose: '1 {tbl}', timing: '1/4h', prn: true, max: '4 {tbl}/1d', route: 'oral' }],
  ["1 tab once every 6 hours", { dose: '1 {tbl}', timing: '1/6h' }],
  ["1 tab po q4h prn pain, max 6 tabs/24 hrs", { dose: '1 {tbl}', timing: '1/4h', prn: true, max: '6 {tbl}/24h', route: 'oral' }],
];

const refuses: [sig: string, reason: string][] = [
  ['1 tab po q4h while awake', 'while awake'],
  ['take 1 tablet by mouth every 12 hours at bedtime', 'conflicting frequencies'],
  ['1 tab po twice daily in the morning', 'conflicting frequencies'],
  ['1,5 tablet daily', 'a number without a unit'],
  ['take bid 30', 'after the frequency'],
  ['1 tab po bid, 30', 'a number without a unit'],
  ['1 patch po daily', 'patch dose with the oral route'],
  ['1 tablet transdermal daily', 'tbl dose with the transdermal route'],
  ['2 sprays in each nostril q4h', 'per nostril'],
  ['1 ml im q4h prn', 'injection'],
  ['10 units sc daily', 'units'],
  ['1 tab q5 minutes x3 prn chest pain', 'minutes'],
  ['1 tab po once', 'single dose'],
  ['2 tabs stat', 'single dose'],
  ['1 tab po q6h prn pain, max 2 caps/day', 'maximum in capsules'],
  ['1 tab po q6h prn, max 4', 'without a period'],
  ['1 tablet with meals and at bedtime', 'meal times'],
  ['1 tab po q4h prn pain may repeat x1', 'may repeat'],
  ['1 tab po q6h prn pain hold for sedation', 'hold'],
  ['1 tab po q6h prn pain 1 - 2 for severe pain', 'number follows the indication'],
  ['1 tab po qid and prn', 'scheduled doses plus as-needed doses'],
];

describe('sig reader features', () => {
  test.each(reads)('reads %j', (sig, expected) => {
    const result = parseSig(sig);
    if (!result.ok) throw new Error(`not parsed: ${result.reason}`);
    expect(summarize(result.reading.dosage)).toEqual(expected);
  });

  test.each(refuses)('refuses %j', (sig, reason) => {
    const result = parseSig(sig);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  it('says in the reading what the Dosage holds', () => {
    const read = (s: string) => {
      const r = parseSig(s);
      if (!r.ok) throw new Error(r.reason);
      return r.reading;
    };
    expect(read('1-2 tabs po q4-6h prn pain, max 8/day').reading).toBe('1–2 tablets by mouth every 4–6 hours as needed for pain, at most 8 tablets a day');
    expect(read('1 tsp po q6h prn cough').reading).toBe('1 teaspoon (5 mL) by mouth every 6 hours as needed for cough');
    expect(read('change patch every 3 days').reading).toBe('1 patch (the sig says "patch" without a number) every 3 days');
    expect(read('1 tab po q4h prn pain, no more than 4 doses per day').reading).toContain('at most 4 doses a day (4 tablets)');
    expect(read('650 mg = 2 cap, Oral, every 4 hr').statedAmount).toMatchObject({ value: 650, unit: 'mg' });
    expect(read('1 tab po q6h prn nausea or vomiting').indication).toBe('nausea or vomiting');
  });
});
