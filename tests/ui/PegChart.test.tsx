import { act, render, screen, within } from '@testing-library/react';
import { PegChart } from '../../src/ui/sections/PegChart.tsx';
import { peg, summary } from './fixtures.ts';

describe('PEG chart: accessible SVG with baseline, 30% marks and a data table', () => {
  const history = summary().peg;

  it('each point is focusable and names its date, mean and three items', () => {
    render(<PegChart peg={history} />);
    const chart = screen.getByRole('group', { name: /PEG score over time/ });
    const points = within(chart).getAllByRole('img');
    expect(points.map((p) => p.getAttribute('aria-label'))).toEqual([
      '05/01/2026: PEG 6.0 (pain 6, enjoyment 6, activity 6)',
      '10/20/2026: PEG 4.0 (pain 5, enjoyment 4, activity 3), 33.3% lower than baseline (at least 30% improvement)',
    ]);
    points.forEach((p) => expect(p).toHaveAttribute('tabindex', '0'));
  });

  it('focus shows the items under the chart', () => {
    render(<PegChart peg={history} />);
    const [, second] = within(screen.getByRole('group', { name: /PEG score over time/ })).getAllByRole('img');
    act(() => second.focus());
    expect(screen.getByTestId('peg-point-detail')).toHaveTextContent('10/20/2026: PEG 4.0 (pain 5, enjoyment 4, activity 3)');
  });

  it('draws the baseline and the 30%-better line', () => {
    render(<PegChart peg={history} />);
    expect(screen.getByTestId('peg-baseline')).toHaveTextContent('Baseline 6.0');
    expect(screen.getByTestId('peg-baseline')).toHaveTextContent('30% better: 4.2');
    expect(screen.getByText(/Dashed line: baseline \(first PEG of the current opioid course\)/)).toBeInTheDocument();
  });

  it('has a table alternative with every entry', () => {
    render(<PegChart peg={history} />);
    const table = screen.getByRole('table', { name: 'PEG scores, oldest first' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['05/01/20266666.0baseline', '10/20/20265434.033.3% lower than baseline (at least 30% improvement)']);
  });

  it('keeps missing items visible as "not recorded" (mean-only Observation)', () => {
    render(<PegChart peg={{ entries: [peg('2026-01-02', 5.5, { pain: null, enjoyment: null, activity: null })], baseline: null, baselineRule: 'none' }} />);
    expect(screen.getByRole('img', { name: '01/02/2026: PEG 5.5 (pain not recorded, enjoyment not recorded, activity not recorded)' })).toBeInTheDocument();
    expect(screen.queryByTestId('peg-baseline')).not.toBeInTheDocument();
  });

  it('empty: invites the first entry', () => {
    render(<PegChart peg={{ entries: [], baseline: null, baselineRule: 'none' }} />);
    expect(screen.getByText(/No PEG scores on file yet/)).toBeInTheDocument();
  });
});
