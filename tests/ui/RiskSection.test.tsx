import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RiskSection } from '../../src/ui/sections/RiskSection.tsx';
import { riskModerate } from './fixtures.ts';

describe('Risk tier: the tier with every reason and its source', () => {
  it('moderate: tier in words, each reason, its sources on demand; rule ids are never shown', async () => {
    const user = userEvent.setup();
    render(<RiskSection risk={riskModerate} />);
    expect(screen.getByTestId('risk-tier')).toHaveTextContent('Risk tier:Moderate');
    expect(screen.getByRole('heading', { name: 'Why moderate' })).toBeInTheDocument();
    expect(screen.getByText('Sleep apnea on the problem list')).toBeInTheDocument();
    expect(screen.queryByText(/M5-sleep-apnea/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sources: Sleep apnea on the problem list' }));
    expect(screen.getByRole('link', { name: /Recommendation 8/ })).toHaveAttribute('href', 'https://www.cdc.gov/mmwr/volumes/71/rr/rr7103a1.htm');
    expect(screen.queryByText(/M5-sleep-apnea/)).not.toBeInTheDocument();
  });

  it('an unexpected urine drug test result is a prompt to review, never a tier change', () => {
    render(<RiskSection risk={riskModerate} udtFindings={[{ date: '2026-09-01', test: 'Oxycodone', result: 'Negative', kind: 'unexpected-negative', text: 'unexpected result — review with the clinician' }]} />);
    expect(screen.getByTestId('udt-findings')).toHaveTextContent('a prompt to review, not a tier change');
    expect(screen.getByTestId('udt-findings')).toHaveTextContent('09/01/2026 Oxycodone: Negative — unexpected result — review with the clinician');
  });

  it('unknown: says what is missing, never "low"', () => {
    render(
      <RiskSection
        risk={{ tier: 'unknown', reasons: [{ id: 'U1-no-meds', text: 'Medication orders could not be read', source: 'Data availability' }] }}
      />,
    );
    expect(screen.getByTestId('risk-tier')).toHaveTextContent('Unknown — could not determine');
    expect(screen.getByRole('heading', { name: 'What is missing' })).toBeInTheDocument();
    expect(screen.getByText('Medication orders could not be read')).toBeInTheDocument();
    expect(screen.queryByText(/\bLow\b/)).not.toBeInTheDocument();
  });

  it('unknown without reasons: still does not imply a tier', () => {
    render(<RiskSection risk={{ tier: 'unknown', reasons: [] }} />);
    expect(screen.getByText(/treat the tier as not determined/)).toBeInTheDocument();
  });

  it('not applicable: out of scope, with why', () => {
    render(<RiskSection risk={{ tier: 'not-applicable', reasons: [{ id: 'X1-hospice', text: 'Hospice care', source: 'CDC scope' }] }} />);
    expect(screen.getByTestId('risk-tier')).toHaveTextContent('Not in long-term opioid monitoring scope');
    expect(screen.getByRole('heading', { name: 'Why not in scope' })).toBeInTheDocument();
  });
});
