/**
 * Adversarial input for the sig reader, written for this test (not real sigs): empty and huge text, odd numbers,
 * zero and negative values, unicode fractions, other languages and scripts, non-string input. The reader must
 * never throw, and whatever it reads must be positive, finite and plausible; otherwise it refuses with a reason.
 * A seeded random mix of sig words checks the same invariants over many shapes.
 */
import type { Dosage } from 'fhir/r4';
import { seededRandom } from '../../../scripts/seeded-random.ts';
import { parseSig } from '../../../src/clinical/sig/index.ts';
import { summarize } from './corpus.ts';

type Row = [label: string, sig: string, expected: { refused: string } | { reads: ReturnType<typeof summarize> }];

const rows: Row[] = [
  ['empty string', '', { refused: 'empty sig' }],
  ['only whitespace', ' \t\n  ', { refused: 'empty sig' }],
  ['10,000 characters', '1 tab po q6h prn pain '.repeat(455).slice(0, 10_000), { refused: 'too long' }],
  ['exponent notation', '1e9 tablets daily', { refused: 'exponent' }],
  ['huge number', '99999999999999999999 tablets daily', { refused: 'implausible dose' }],
  ['a million tablets', '1000000 tablets by mouth daily', { refused: 'implausible dose' }],
  ['zero tablets', '0 tablets daily', { refused: 'dose of 0' }],
  ['zero as a word', 'take zero tablets by mouth daily', { refused: 'dose of 0' }],
  ['negative number', '-2 tablets daily', { refused: 'stray "-"' }],
  ['negative interval', '1 tab every -6 hours', { refused: 'stray "-"' }],
  ['every 0 hours', '1 tab every 0 hours', { refused: 'interval of 0' }],
  ['every half hour', '1 tab q0.5h', { refused: 'implausible frequency' }],
  ['30 times a day', '1 tab 30 times daily', { refused: 'implausible frequency' }],
  ['every 400 days', '1 tab every 400 days', { refused: 'implausible interval' }],
  ['maximum of 0', '1 tab q6h prn pain, max 0/day', { refused: 'maximum of 0' }],
  ['maximum below one dose', '2 tabs q6h prn pain, max 1/day', { refused: 'less than one dose' }],
  ['scheduled dose above its maximum', '2 tabs po bid, max 2 tabs/day', { refused: 'below the scheduled daily amount' }],
  ['reversed range', '2-1 tabs po q6h', { refused: 'does not increase' }],
  ['reversed interval', '1 tab po q6-4h', { refused: 'does not increase' }],
  ['naked decimal', '.5 tab po bid', { refused: 'naked decimal' }],
  ['NaN', 'NaN tablets daily', { refused: 'did not understand "nan"' }],
  ['Infinity', 'Infinity mg po daily', { refused: 'did not understand "infinity"' }],
  ['Spanish', 'Tomar 1 tableta por boca cada 6 horas', { refused: 'did not understand "tomar"' }],
  ['Chinese', '每日两次，每次一片', { refused: 'outside English' }],
  ['accented Latin', 'prendre 1 comprimé 2 fois par jour', { refused: 'outside English' }],
  ['control character', '1 tab po q6h\u0000', { refused: 'outside English' }],
  ['restated number disagrees', 'take 2 (three) tablets by mouth daily', { refused: 'disagree' }],
  ['impossible Epic date', 'Take 1 tablet by mouth daily., Starting Mon 2/30/2024, Print', { refused: 'not a calendar date' }],
  ['until before starting', 'Take 1 tablet by mouth daily., Starting Mon 3/4/2024, Until Fri 3/1/2024, Print', { refused: 'before the starting' }],
  ['unicode half', '½ tab po bid', { reads: { dose: '0.5 {tbl}', timing: '2/1d', route: 'oral' } }],
  ['unicode one and a half', '1½ tabs po q8h', { reads: { dose: '1.5 {tbl}', timing: '1/8h', route: 'oral' } }],
  ['extra whitespace and case', '   1   TAB    PO   Q6H   PRN   ', { reads: { dose: '1 {tbl}', timing: '1/6h', prn: true, route: 'oral' } }],
];

describe('sig reader: adversarial input', () => {
  test.each(rows)('%s', (_label, sig, expected) => {
    const result = parseSig(sig);
    if ('refused' in expected) {
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toContain(expected.refused);
    } else {
      if (!result.ok) throw new Error(`not parsed: ${result.reason}`);
      expect(summarize(result.reading.dosage)).toEqual(expected.reads);
    }
  });

  it('refuses non-string input without throwing', () => {
    for (const bad of [undefined, null, 42, {}, ['1 tab daily']]) {
      const result = parseSig(bad as unknown as string);
      expect(result.ok).toBe(false);
    }
  });

  it('keeps the Epic order dates as timing bounds', () => {
    const result = parseSig('Take 1 tablet (80 mg total) by mouth every 12 (twelve) hours., Starting Tue 7/2/2024, Until Thu 8/1/2024, Print');
    if (!result.ok) throw new Error(result.reason);
    expect(result.reading.dosage.timing?.repeat?.boundsPeriod).toEqual({ start: '2024-07-02', end: '2024-08-01' });
    expect(result.reading.statedAmount).toMatchObject({ value: 80, unit: 'mg' });
  });
});

const WORDS = [
  'take', '1', '2', '0', '-', '1-2', '0.5', '1/2', '½', 'tab', 'tabs', 'tablet', 'mg', 'mcg', 'ml', 'tsp', 'patch', 'cap', 'po', 'sl',
  'by mouth', 'q4h', 'q4-6h', 'q 6 hrs', 'every', '4', '6', 'to', 'hours', 'days', 'bid', 'tid', 'daily', 'qhs', 'at bedtime', 'prn',
  'as needed', 'for', 'pain', 'max', '8/day', 'not to exceed', 'in 24 hours', 'then', 'or', 'and', ',', '.', '(', ')', 'x', '7',
  '1e9', '99999', 'weekly', 'every other day', 'every 72 hours', 'once', 'twice', 'times', 'a day', 'units', 'T', 'as directed',
];

/** Everything a parsed Dosage carries is positive, finite and within the reader's plausibility bounds. */
function checkPlausible(d: Dosage): void {
  const dr = d.doseAndRate?.[0];
  const values = [dr?.doseQuantity?.value, dr?.doseRange?.low?.value, dr?.doseRange?.high?.value].filter((v) => v !== undefined);
  expect(values.length).toBeGreaterThan(0);
  for (const v of values) expect(v > 0 && v <= 5000 && Number.isFinite(v)).toBe(true);
  const r = d.timing?.repeat;
  expect(r?.period).toBeGreaterThan(0);
  expect(r?.frequency).toBeGreaterThanOrEqual(1);
  const max = d.maxDosePerPeriod?.numerator?.value;
  if (max !== undefined) expect(max > 0 && Number.isFinite(max)).toBe(true);
}

describe('sig reader: random word mixes (seeded)', () => {
  it('never throws; what it reads is plausible; what it refuses has a reason', () => {
    const random = seededRandom(20240315);
    let parsed = 0;
    for (let i = 0; i < 3000; i++) {
      const n = 2 + Math.floor(random() * 9);
      const sig = Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ');
      const result = parseSig(sig);
      if (result.ok) {
        parsed++;
        checkPlausible(result.reading.dosage);
        expect(result.reading.reading).not.toBe('');
      } else {
        expect(result.reason).not.toBe('');
      }
    }
    expect(parsed).toBeGreaterThan(0); // the mix does reach the parsing paths
  });
});
