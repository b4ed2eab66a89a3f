import { monthEnd, monthEnds } from '../../src/registry/run-chart.ts';

describe('run chart month-ends', () => {
  it.each([
    [2024, 2, '2024-02-29'],
    [2025, 2, '2025-02-28'],
    [2025, 12, '2025-12-31'],
    [2025, 4, '2025-04-30'],
  ])('last day of %i-%i is %s', (y, m, d) => expect(monthEnd(y, m)).toBe(d));

  it('asOf on a month-end includes that month', () => {
    expect(monthEnds('2025-06-30', 3)).toEqual(['2025-04-30', '2025-05-31', '2025-06-30']);
  });
  it('asOf mid-month starts from the previous month-end', () => {
    expect(monthEnds('2025-06-29', 3)).toEqual(['2025-03-31', '2025-04-30', '2025-05-31']);
  });
  it('crosses the year boundary', () => {
    expect(monthEnds('2025-01-10', 2)).toEqual(['2024-11-30', '2024-12-31']);
  });
  it('twelve points by default, each ≤ asOf', () => {
    const d = monthEnds('2025-03-05');
    expect(d).toHaveLength(12);
    expect(d[0]).toBe('2024-03-31');
    expect(d.at(-1)).toBe('2025-02-28');
  });
});
