import { formatDate, formatNumber, formatPeg, usDates } from '../../src/ui/format.ts';

describe('US clinic formatting, independent of the time zone', () => {
  test.each([
    ['2026-03-07', '03/07/2026'],
    ['2026-12-31T23:30:00-08:00', '12/31/2026'],
    [null, '—'],
    ['garbage', '—'],
  ])('formatDate(%s) = %s', (input, out) => expect(formatDate(input)).toBe(out));

  test.each([
    [1234.56, '1,234.6'],
    [30, '30'],
    [22.5, '22.5'],
  ])('formatNumber(%s) = %s', (input, out) => expect(formatNumber(input)).toBe(out));

  it('shows a PEG mean with one decimal (4 + 5 + 5 = 14 / 3 = 4.67 → 4.7)', () => {
    expect(formatPeg(14 / 3)).toBe('4.7');
    expect(formatPeg(4)).toBe('4.0');
  });
});

describe('usDates: engine wording shows US dates', () => {
  test.each([
    ['Last PDMP check 2025-11-16; next due 2026-02-14.', 'Last PDMP check 11/16/2025; next due 02/14/2026.'],
    ['supply 2025-08-18 + 90 days ended 2025-11-15', 'supply 08/18/2025 + 90 days ended 11/15/2025'],
    ['WAC 246-919-920 stays as it is', 'WAC 246-919-920 stays as it is'],
    ['effective 2026-03-16T10:00:00-05:00', 'effective 03/16/2026'],
  ])('%s', (input, out) => expect(usDates(input)).toBe(out));
});
