/** The course section (dose history, changes, flags, supply), the refill view and non-opioid care, from engine output. */
import { render, screen, within } from '@testing-library/react';
import type { CourseResult } from '../../src/clinical/course/types.ts';
import type { RefillCheck } from '../../src/clinical/course/refill.ts';
import { CourseSection } from '../../src/ui/sections/CourseSection.tsx';
import { NonOpioidCareSection } from '../../src/ui/sections/NonOpioidCareSection.tsx';
import { RefillView } from '../../src/ui/refill/RefillView.tsx';

const course: CourseResult = {
  start: '2023-05-01', startKnown: false, days: 1100, longTerm: true,
  history: [
    { from: '2024-11-22', to: '2025-06-30', mmePerDay: 120, complete: true, products: ['morphine sulfate 15 MG Oral Tablet'] },
    { from: '2025-07-01', to: '2025-07-20', mmePerDay: null, complete: false, products: ['oxycodone 5 MG'] },
    { from: '2025-07-21', to: '2025-07-27', mmePerDay: 90, complete: true, products: ['morphine sulfate 15 MG Oral Tablet'] },
    { from: '2025-07-28', to: '2026-11-22', mmePerDay: 67.5, complete: true, products: ['morphine sulfate 15 MG Oral Tablet'] },
  ],
  changes: [{ date: '2025-07-28', fromMme: 90, toMme: 67.5, kind: 'decrease', pctPerMonth: 107.1, detail: 'reduced from 90 MME/day to 67.5 MME/day: morphine sulfate 15 MG Oral Tablet' }],
  flags: [{ code: 'taper-faster-than-policy', date: '2025-07-28', detail: 'Dose reduced from 90 to 67.5 MME/day (107.1% per month) — faster than about 10% per month after a year or more' }],
  supplyEnds: '2026-12-01', daysLeft: 9, lastFill: { date: '2026-11-01', daysSupply: 30, display: 'morphine' },
  prescribers: { count: 1, pharmacies: 1, windowDays: 180, names: ['Dr. A'] }, responsible: 'Dr. A',
};

describe('course section', () => {
  it('says the course began on or before its first order read, when the supply runs out, and flags in review words', () => {
    render(<CourseSection course={course} />);
    expect(screen.getByTestId('course-summary')).toHaveTextContent('Started on or before 05/01/2023 (earlier orders were not read), 1100 days — long-term therapy; prescriber Dr. A.');
    expect(screen.getByTestId('course-supply')).toHaveTextContent('Supply runs out 12/01/2026 (9 days left); last fill 11/01/2026, 30 days.');
    expect(within(screen.getByTestId('course-flags')).getByText('Taper faster than policy')).toBeInTheDocument();
  });
  it('draws a gap as a gap (hatched), not as zero, and each change is focusable with its explanation', () => {
    render(<CourseSection course={course} />);
    expect(screen.getAllByTestId('dose-gap')).toHaveLength(1);
    expect(screen.getByRole('img', { name: /07\/28\/2025: Reduced \(107\.1% a month\)/ })).toBeInTheDocument();
  });
});

describe('refill view', () => {
  const check: RefillCheck = {
    asOf: '2026-11-22', products: ['oxycodone hydrochloride 10 MG Oral Tablet'], lastFill: '2026-11-12', supplyEnds: '2026-12-12', daysLeft: 20,
    early: { early: true, why: "20 of 30 days' supply left (67%): earlier than your clinic's policy (a refill after 75% of the supply is used)" },
    before: [{ item: 'pdmp', label: 'PDMP check', status: 'overdue', needed: true, text: 'due (last 2026-06-01)' }, { item: 'udt', label: 'Urine drug test', status: 'up-to-date', needed: false, text: 'up to date (last 2026-10-01)' }],
    mmeAfter: { value: 60, complete: true }, flags: [], notApplicable: null,
  };
  it('says early or on time, what to do first, the MME after, and gives the text to copy', () => {
    render(<RefillView check={check} />);
    expect(screen.getByTestId('refill-timing')).toHaveTextContent(/Early request: 20 of 30 days' supply left \(67%\)/);
    expect(screen.getByTestId('refill-before')).toHaveTextContent('PDMP check: Overdue — due (last 06/01/2026)');
    expect(screen.getByTestId('refill-mme')).toHaveTextContent('MME after the refill: 60 MME/day');
    expect((screen.getByRole('textbox', { name: 'Refill encounter text' }) as HTMLTextAreaElement).value).toMatch(/^Refill request review \(11\/22\/2026\)/);
  });
});

describe('non-opioid care', () => {
  it('lists medicines with their group and therapies with their source; says so when none', () => {
    render(<NonOpioidCareSection care={{ medications: [{ id: 'm1', display: 'duloxetine 60 MG', group: 'SNRI', detail: 'SNRI (duloxetine)', current: true, date: '2026-01-12', source: 'order', matchedBy: 'x' }], therapies: [] }} />);
    expect(screen.getByTestId('non-opioid-care')).toHaveTextContent('duloxetine 60 MG — SNRI (duloxetine); current, ordered 01/12/2026');
    expect(screen.getByTestId('non-opioid-care')).toHaveTextContent('No physical therapy, CBT, chiropractic');
  });
});
