import { render, screen, within } from '@testing-library/react';
import { DueNowSection } from '../../src/ui/sections/DueNowSection.tsx';
import { item, monitoring } from './fixtures.ts';

describe('Due now: the rooming checklist', () => {
  it('puts the PDMP check and the urine drug test first', () => {
    render(<DueNowSection items={monitoring} />);
    const headings = within(screen.getByRole('list', { name: 'Monitoring items' })).getAllByRole('heading');
    expect(headings.map((h) => h.textContent)).toEqual([
      'PDMP check',
      'Urine drug test',
      'Patient agreement',
      'PEG (pain, enjoyment, activity)',
      'PHQ-9 depression screen',
    ]);
  });

  it('states each status in words, with the last event, due date and why', () => {
    render(<DueNowSection items={monitoring} />);
    const pdmp = screen.getByTestId('due-pdmp');
    expect(pdmp).toHaveTextContent('Overdue');
    expect(pdmp).toHaveTextContent('Last: 06/01/2026 · Due: 08/30/2026');
    expect(pdmp).toHaveTextContent('Why: Moderate tier: every 90 days (CDC Rec 9)');
    expect(screen.getByTestId('due-udt')).toHaveTextContent('Never doneUrine drug testLast: none on file · Due: now');
    expect(screen.getByTestId('due-peg')).toHaveTextContent('Up to date');
    expect(screen.getByTestId('due-peg')).toHaveTextContent('Last: 10/20/2026 — PEG 4.3');
  });

  it('says "Could not check — reason" for an item whose data could not be read, never "up to date"', () => {
    render(<DueNowSection items={monitoring} />);
    const phq = screen.getByTestId('due-phq9');
    expect(phq).toHaveTextContent('Could not check');
    expect(phq).toHaveTextContent('Could not check — questionnaire scores could not be read (server error 503)');
    expect(phq).toHaveTextContent('Last: unknown · Due: unknown');
    expect(phq).not.toHaveTextContent('Up to date');
  });

  it('shows not-applicable items as not due, and same-day alerts at the top', () => {
    render(
      <DueNowSection
        items={[item({ item: 'naloxone', status: 'not-applicable', reason: 'Not on opioids', alerts: ['Offer naloxone'] })]}
        alerts={['PHQ-9 item 9 answered above 0 today — let the clinician know before the visit.']}
      />,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('PHQ-9 item 9 answered above 0');
    expect(screen.getByTestId('due-naloxone')).toHaveTextContent('Not applicable');
    expect(screen.getByTestId('due-naloxone')).toHaveTextContent('Not due');
    expect(screen.getByTestId('due-naloxone')).toHaveTextContent('Offer naloxone');
  });

  it('empty: says no items were computed rather than "nothing due"', () => {
    render(<DueNowSection items={[]} />);
    expect(screen.getByText('No monitoring items were computed for this patient.')).toBeInTheDocument();
  });

  it('shows an unexpected urine drug test result under the UDT item as a prompt to review', () => {
    render(
      <DueNowSection
        items={monitoring}
        udtFindings={[{ date: '2026-09-01', test: 'Oxycodone', result: 'Negative', kind: 'unexpected-negative', text: 'unexpected result — review with the clinician' }]}
      />,
    );
    expect(screen.getByTestId('due-udt')).toHaveTextContent('09/01/2026 Oxycodone: Negative — unexpected result — review with the clinician');
  });

  it('starts with one line to read at a glance: what to do today and what could not be checked', () => {
    render(<DueNowSection items={monitoring} />);
    expect(screen.getByTestId('due-headline')).toHaveTextContent(
      'To do today: PDMP check (overdue), Urine drug test (never done), Patient agreement (due soon). Could not check: PHQ-9 depression screen — check by hand.',
    );
  });

  it('"nothing is due" only when every item was checked', () => {
    render(<DueNowSection items={[item({ item: 'pdmp', status: 'up-to-date' }), item({ item: 'naloxone', status: 'not-applicable' })]} />);
    expect(screen.getByTestId('due-headline')).toHaveTextContent('Nothing is due: every item is up to date or not applicable.');
  });
});
