import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MmeSection } from '../../src/ui/sections/MmeSection.tsx';
import { bupeExcluded, mmeComplete, mmeIncomplete, oxycodone, tramadolUnknown } from './fixtures.ts';

describe('MME: total with its edition, bands and per-order arithmetic', () => {
  it('complete: total, edition and the 50/90 bands', () => {
    render(<MmeSection mme={mmeComplete} />);
    expect(screen.getByTestId('mme-total')).toHaveTextContent(/^30 MME\/day$/);
    expect(screen.getByText(/Using CDC 2022 conversion factors/)).toBeInTheDocument();
    expect(screen.getByText('30 MME/day is below 50 MME/day. Bands: 50 and 90 MME/day.')).toBeInTheDocument();
  });

  it('incomplete: "At least N" and the unknown order listed with its reason, never as 0', () => {
    render(<MmeSection mme={mmeIncomplete} />);
    expect(screen.getByTestId('mme-total')).toHaveTextContent('At least 30 MME/day — 1 order could not be converted');
    const unknown = screen.getByTestId('mme-unknown');
    expect(unknown).toHaveTextContent('tramadol 50 MG Oral Tablet — Free-text directions with no structured dose');
    expect(screen.getByTestId('mme-excluded')).toHaveTextContent('buprenorphine 8 MG / naloxone 2 MG Sublingual Film — MOUD — not counted');
    expect(screen.queryByText(/\b0 MME/)).not.toBeInTheDocument();
  });

  it('no order computable: "Could not compute MME", no total, no bands', () => {
    render(<MmeSection mme={{ edition: 'cdc-2016', totalPerDay: null, complete: false, atLeast: 0, orders: [tramadolUnknown] }} />);
    expect(screen.getByTestId('mme-total')).toHaveTextContent('Could not compute MME — 1 opioid order could not be converted');
    expect(screen.getByText(/CDC 2016 conversion factors/)).toBeInTheDocument();
    expect(screen.queryByText(/Bands:/)).not.toBeInTheDocument();
  });

  it('empty: no opioid orders on file', () => {
    render(<MmeSection mme={{ edition: 'cdc-2022', totalPerDay: 0, complete: true, atLeast: 0, orders: [] }} />);
    expect(screen.getByText('No opioid orders on file.')).toBeInTheDocument();
    expect(screen.getByTestId('mme-total')).toHaveTextContent('0 MME/day — no current opioid orders are counted');
  });

  it('high band: at or above 90 says so in words', () => {
    const high = { ...oxycodone, mmePerDay: 96 };
    render(<MmeSection mme={{ edition: 'cdc-2022', totalPerDay: 96, complete: true, atLeast: 96, orders: [high, bupeExcluded] }} />);
    expect(screen.getByText(/96 MME\/day is at or above 90 MME\/day \(high-dose band\)/)).toBeInTheDocument();
  });

  it('a row expands to its derivation with a button that reports aria-expanded (keyboard)', async () => {
    const user = userEvent.setup();
    render(<MmeSection mme={mmeComplete} />);
    const table = screen.getByRole('table', { name: 'MME by order' });
    const button = within(table).getByRole('button', { name: 'oxycodone 5 MG Oral Tablet' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText(oxycodone.derivation)).not.toBeInTheDocument();
    act(() => button.focus());
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText(oxycodone.derivation)).toBeInTheDocument();
    expect(screen.getByText(/oxycodone: 5 mg · 20 mg\/day · factor 1.5 \(CDC 2022 Table 1\)/)).toBeInTheDocument();
    await user.keyboard(' ');
    expect(button).toHaveAttribute('aria-expanded', 'false');
  });

  it('a long history of past fills is collapsed behind a button', async () => {
    const user = userEvent.setup();
    const fills = Array.from({ length: 12 }, (_, i) => ({ ...bupeExcluded, medicationRequestId: `fill-${i}`, medication: `oxycodone fill ${i + 1}`, reason: 'completed (not current)' }));
    render(<MmeSection mme={{ ...mmeComplete, orders: [oxycodone, ...fills] }} />);
    const list = screen.getByTestId('mme-excluded');
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    await user.click(within(list).getByRole('button', { name: 'Show all 12 orders not counted' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(12);
    expect(within(list).getByRole('button', { name: 'Show fewer' })).toHaveAttribute('aria-expanded', 'true');
  });
});
