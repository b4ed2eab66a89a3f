import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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
    expect(screen.getByText(/Dashed line: baseline 6\.0 on 05\/01\/2026 \(first PEG of the current opioid course\)/)).toBeInTheDocument();
  });

  it('shows the scores as a table on demand, newest first, naming the baseline', async () => {
    const user = userEvent.setup();
    render(<PegChart peg={history} />);
    expect(screen.queryByRole('table')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show the scores as a table' }));
    const table = screen.getByRole('table', { name: 'PEG scores, newest first' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['10/20/20265434.033.3% lower than baseline (at least 30% improvement)', '05/01/20266666.0baseline']);
  });

  it('scores before the course are "before this course", never "baseline"; no placeholder cells when only means were recorded', async () => {
    const user = userEvent.setup();
    const base = peg('2026-05-01', 6, { pain: null, enjoyment: null, activity: null });
    const entries = [peg('2025-01-01', 7, { pain: null, enjoyment: null, activity: null }), base, peg('2026-08-01', 5, { pain: null, enjoyment: null, activity: null, changeFromBaselinePct: -16.7 })];
    render(<PegChart peg={{ entries, baseline: base, baselineRule: 'first PEG of the current opioid course' }} />);
    await user.click(screen.getByRole('button', { name: 'Show the scores as a table' }));
    const table = screen.getByRole('table', { name: /PEG scores, newest first \(only the score was recorded/ });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Date', 'PEG score', 'Change from baseline']);
    const rows = within(table).getAllByRole('row').slice(1).map((r) => r.textContent);
    expect(rows).toEqual(['08/01/20265.016.7% lower than baseline', '05/01/20266.0baseline', '01/01/20257.0before this course']);
    expect(table).not.toHaveTextContent('not recorded');
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
