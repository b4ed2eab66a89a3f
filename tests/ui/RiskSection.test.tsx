import { render, screen } from '@testing-library/react';
import { RiskSection } from '../../src/ui/sections/RiskSection.tsx';
import { riskModerate } from './fixtures.ts';

describe('Risk tier: the tier with every reason and its source', () => {
  it('moderate: tier in words and each reason with its source and rule', () => {
    render(<RiskSection risk={riskModerate} />);
    expect(screen.getByTestId('risk-tier')).toHaveTextContent('Risk tier:Moderate');
    expect(screen.getByRole('heading', { name: 'Why moderate' })).toBeInTheDocument();
    expect(screen.getByText('Sleep apnea on the problem list')).toBeInTheDocument();
    expect(screen.getByText('Source: CDC Rec 8 · rule M5-sleep-apnea')).toBeInTheDocument();
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
