import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DueNowSection, dueHeadline } from '../../src/ui/sections/DueNowSection.tsx';
import { AS_OF, item, monitoring } from './fixtures.ts';

const cite = [{ label: 'CDC 2022 opioid prescribing guideline, Recommendation 9 (review the PDMP)', url: 'https://www.cdc.gov/mmwr/volumes/71/rr/rr7103a1.htm' }];

describe('Due now: the rooming checklist', () => {
  it('one line per item to do now, PDMP check and urine drug test first; then one line naming what could not be checked', () => {
    render(<DueNowSection items={monitoring} asOf={AS_OF} />);
    const list = screen.getByRole('list', { name: 'Due now checklist' });
    expect(within(list).getAllByRole('heading').map((h) => h.textContent)).toEqual(['PDMP check', 'Urine drug test']);
    expect(screen.getByTestId('due-pdmp')).toHaveTextContent('OverduePDMP checklast 06/01/2026 · Check the PDMP before the visit');
    expect(screen.getByTestId('due-udt')).toHaveTextContent('Never doneUrine drug testnone on file · Collect a urine sample');
    expect(screen.getByTestId('could-not-check-line')).toHaveTextContent('Could not check — check the chart by hand:Could not check: PHQ-9');
    expect(screen.getByTestId('due-phq9')).toHaveTextContent('Could not check');
    expect(screen.getByTestId('due-phq9')).not.toHaveTextContent('Up to date');
  });

  it('due-soon items sit on a quieter line; up-to-date and not-applicable items are summed up in one line', () => {
    render(<DueNowSection items={[...monitoring, item({ item: 'naloxone', status: 'not-applicable', reason: 'Not applicable: no criterion' })]} asOf={AS_OF} />);
    expect(screen.getByTestId('due-soon-line')).toHaveTextContent('Due soon:Due soon: Agreement by 12/10/2026');
    expect(screen.getByTestId('due-agreement')).toHaveTextContent('Due soon');
    expect(screen.getByTestId('up-to-date-line')).toHaveTextContent('Up to date:Up to date: PEGNot applicable:Not applicable: Naloxone');
    expect(screen.getByTestId('due-peg')).toHaveTextContent('Up to date');
    expect(screen.getByTestId('due-naloxone')).toHaveTextContent('Not applicable');
    expect(within(screen.getByRole('list', { name: 'Due now checklist' })).queryByTestId('due-agreement')).toBeNull();
  });

  it('the reasons and sources of an item are behind its own "Why" (with links), never on the line itself', async () => {
    const user = userEvent.setup();
    render(<DueNowSection items={[item({ item: 'pdmp', status: 'overdue', lastDate: '2026-06-01', lastValue: 'PDMP reviewed', dueDate: '2026-08-30', reason: 'Last PDMP check 2026-06-01; next due 2026-08-30. Moderate tier: every 90 days (your clinic\'s policy).', citations: cite })]} asOf={AS_OF} />);
    const row = screen.getByTestId('due-pdmp');
    expect(row).not.toHaveTextContent('every 90 days');
    const why = within(row).getByRole('button', { name: 'Why: PDMP check' });
    expect(why).toHaveAttribute('aria-expanded', 'false');
    await user.click(why);
    expect(why).toHaveAttribute('aria-expanded', 'true');
    expect(row).toHaveTextContent('Last: 06/01/2026 — PDMP reviewed · Due: 08/30/2026');
    expect(row).toHaveTextContent("Why: Last PDMP check 06/01/2026; next due 08/30/2026. Moderate tier: every 90 days (your clinic's policy).");
    expect(within(row).getByRole('link', { name: /Recommendation 9/ })).toHaveAttribute('href', 'https://www.cdc.gov/mmwr/volumes/71/rr/rr7103a1.htm');
  });

  it('a quiet item opens its why too; an item that could not be checked says why', async () => {
    const user = userEvent.setup();
    render(<DueNowSection items={monitoring} asOf={AS_OF} />);
    await user.click(within(screen.getByTestId('due-phq9')).getByRole('button'));
    expect(screen.getByTestId('could-not-check-line')).toHaveTextContent('Last: unknown · Due: unknown');
    expect(screen.getByTestId('could-not-check-line')).toHaveTextContent('Could not check — questionnaire scores could not be read (server error 503)');
    await user.click(within(screen.getByTestId('due-agreement')).getByRole('button'));
    expect(screen.getByTestId('due-soon-line')).toHaveTextContent('Patient agreement: Due soon');
    expect(screen.getByTestId('due-soon-line')).toHaveTextContent('Why: Every 12 months (WA rule)');
  });

  it('PEG with nothing on file reads "Never done" (the engine status is overdue); a due-soon item due today is "Due today"', () => {
    const items = [
      item({ item: 'peg', status: 'overdue', lastDate: null, dueDate: AS_OF, reason: 'No PEG on file — collect at this visit.' }),
      item({ item: 'phq9', status: 'due-soon', lastDate: '2026-05-01', dueDate: AS_OF, reason: 'PHQ-2 positive today' }),
    ];
    render(<DueNowSection items={items} asOf={AS_OF} />);
    expect(screen.getByTestId('due-peg')).toHaveTextContent('Never done');
    expect(screen.getByTestId('due-peg')).not.toHaveTextContent('Overdue');
    expect(screen.getByTestId('due-phq9')).toHaveTextContent('Due today');
    expect(screen.getByTestId('due-headline')).toHaveTextContent('To do now (2): PEG, PHQ-9');
  });

  it('same-day alerts at the top', () => {
    render(<DueNowSection items={monitoring} asOf={AS_OF} alerts={['PHQ-9 item 9 answered above 0 today — let the clinician know before the visit.']} />);
    expect(screen.getByRole('alert')).toHaveTextContent('PHQ-9 item 9 answered above 0');
  });

  it('empty: says no items were computed rather than "nothing due"', () => {
    render(<DueNowSection items={[]} />);
    expect(screen.getByText('No monitoring items were computed for this patient.')).toBeInTheDocument();
  });

  it('the headline lists only the items due now (not due-soon ones) and counts what could not be checked', () => {
    render(<DueNowSection items={monitoring} asOf={AS_OF} />);
    expect(screen.getByTestId('due-headline')).toHaveTextContent(/^To do now \(2\): PDMP check, Urine drug test$/);
    expect(dueHeadline([item({ item: 'pdmp', status: 'up-to-date' }), item({ item: 'phq9', status: 'unavailable' })], AS_OF)).toBe('Nothing known to be due — 1 item could not be checked');
    expect(dueHeadline([item({ item: 'pdmp', status: 'up-to-date' }), item({ item: 'agreement', status: 'due-soon', dueDate: '2026-12-10' })], AS_OF)).toBe('Nothing due now');
  });

  it('record ids in engine wording are never shown', async () => {
    const user = userEvent.setup();
    render(<DueNowSection items={[item({ item: 'udt', status: 'overdue', lastDate: '2026-01-02', reason: 'Last test 2026-01-02 (MedicationRequest/47ad6f27-3b1c-4c8e-9a51-0d2f3a9b8c11 missing)' })]} asOf={AS_OF} />);
    await user.click(screen.getByRole('button', { name: 'Why: Urine drug test' }));
    expect(screen.getByTestId('due-udt')).not.toHaveTextContent('47ad6f27');
  });
});
