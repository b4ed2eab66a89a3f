import { parseDraft, parsePegAnswer, pegCopyText, pegMean } from '../../src/ui/peg.ts';

describe('PEG answers: whole numbers 0–10, mean keeps decimals (Krebs 2009)', () => {
  test.each([
    ['0', 0],
    ['10', 10],
    [' 7 ', 7],
  ])('accepts %j', (raw, value) => expect(parsePegAnswer(raw)).toEqual({ value }));

  test.each(['', '11', '-1', '4.5', 'abc', '1e1'])('refuses %j with a message', (raw) => {
    expect(parsePegAnswer(raw)).toHaveProperty('error');
  });

  it('needs all three answers', () => {
    expect(parseDraft({ pain: '5', enjoyment: '', activity: '4' })).toBeNull();
    expect(parseDraft({ pain: '5', enjoyment: '4', activity: '4' })).toEqual({ pain: 5, enjoyment: 4, activity: 4 });
  });

  it('mean of 5, 4, 4 is 13/3 (not rounded)', () => {
    expect(pegMean({ pain: 5, enjoyment: 4, activity: 4 })).toBeCloseTo(4.3333, 4);
  });

  it('copy text names the date, the three answers and the mean', () => {
    expect(pegCopyText({ pain: 5, enjoyment: 4, activity: 4 }, '2026-11-22')).toBe(
      'PEG 11/22/2026: pain 5/10, enjoyment of life interference 4/10, general activity interference 4/10; PEG score (mean) 4.3 (LOINC 91148-7).',
    );
  });
});
