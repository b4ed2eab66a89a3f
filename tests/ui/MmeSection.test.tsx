import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MmeSection } from '../../src/ui/sections/MmeSection.tsx';
import { EngineTextContext, engineTextFor } from '../../src/ui/engine-text.ts';
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

  it('repeated orders of one product are one line (latest, count, date range); it expands to every order', async () => {
    const user = userEvent.setup();
    const fills = Array.from({ length: 12 }, (_, i) => ({
      ...bupeExcluded, medicationRequestId: `fill-${i}`, medication: 'oxycodone 5 MG Oral Tablet', reason: 'completed (not current)', authoredOn: `2026-${String(i + 1).padStart(2, '0')}-05`,
    }));
    render(<MmeSection mme={{ ...mmeComplete, orders: [oxycodone, ...fills, { ...bupeExcluded, authoredOn: '2025-03-01' }] }} />);
    const list = screen.getByTestId('mme-excluded');
    const lines = within(list).getAllByRole('listitem');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toHaveTextContent('oxycodone 5 MG Oral Tablet — completed (not current) · 12 orders, 01/05/2026 – 12/05/2026');
    expect(lines[1]).toHaveTextContent('buprenorphine 8 MG / naloxone 2 MG Sublingual Film — MOUD — not counted');
    const all = within(list).getByRole('button', { name: 'Show all 12 orders of oxycodone 5 MG Oral Tablet' });
    await user.click(all);
    expect(all).toHaveAttribute('aria-expanded', 'true');
    expect(within(lines[0]).getAllByRole('listitem')).toHaveLength(12);
    expect(lines[0]).toHaveTextContent('12/05/2026: completed (not current)');
  });

  it('a duplicate refill names the order it repeats by date, never by its id', () => {
    const dup = { ...oxycodone, medicationRequestId: 'a1', status: 'excluded' as const, mmePerDay: null, reason: `duplicate/overlapping refill of ${oxycodone.medicationRequestId} — counted once`, derivation: 'not counted — duplicate', flags: ['duplicate'], authoredOn: '2026-09-01' };
    const mme = { ...mmeComplete, orders: [oxycodone, dup] };
    render(
      <EngineTextContext.Provider value={engineTextFor({ mme, medications: [] })}>
        <MmeSection mme={mme} />
      </EngineTextContext.Provider>,
    );
    expect(screen.getByTestId('mme-excluded')).toHaveTextContent('duplicate/overlapping refill of the 10/01/2026 order — counted once');
    expect(screen.getByTestId('mme-excluded')).not.toHaveTextContent('mr-oxy');
  });
});
