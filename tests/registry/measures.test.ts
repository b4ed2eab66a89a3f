import { measureFlags, twelveMonthsBefore } from '../../src/registry/measure-flags.ts';
import type { MeasureId } from '../../src/registry/types.ts';
import { item, med, summary, type SummaryInput } from './builders.ts';

// asOf 2025-06-30: 90 days before = 2025-04-01; 12 months before = 2024-06-30.
const rows: { name: string; input: SummaryInput; measure: MeasureId; inDen: boolean; met: boolean; unavailable?: boolean; incomplete?: boolean }[] = [
  { name: 'agreement signed exactly 12 months ago counts', input: { items: [item('agreement', 'due-soon', '2024-06-30')] }, measure: 'agreement-12m', inDen: true, met: true },
  { name: 'agreement one day older than 12 months does not', input: { items: [item('agreement', 'overdue', '2024-06-29')] }, measure: 'agreement-12m', inDen: true, met: false },
  { name: 'agreement never done: in denominator, not met', input: {}, measure: 'agreement-12m', inDen: true, met: false },
  { name: 'agreement could not be read: not met, flagged unavailable', input: { items: [item('agreement', 'unavailable')] }, measure: 'agreement-12m', inDen: true, met: false, unavailable: true },
  { name: 'agreement dated after asOf is not "in the last 12 months"', input: { items: [item('agreement', 'up-to-date', '2025-07-02')] }, measure: 'agreement-12m', inDen: true, met: false },
  { name: 'UDT up to date is within policy', input: { items: [item('udt', 'up-to-date', '2025-05-01')] }, measure: 'udt-policy', inDen: true, met: true },
  { name: 'UDT due soon is still within policy', input: { items: [item('udt', 'due-soon', '2025-01-01')] }, measure: 'udt-policy', inDen: true, met: true },
  { name: 'UDT overdue is not', input: { items: [item('udt', 'overdue', '2024-01-01')] }, measure: 'udt-policy', inDen: true, met: false },
  { name: 'UDT unavailable never counts as met', input: { items: [item('udt', 'unavailable')] }, measure: 'udt-policy', inDen: true, met: false, unavailable: true },
  { name: 'PDMP on asOf − 90 days (2025-04-01) counts', input: { items: [item('pdmp', 'overdue', '2025-04-01')] }, measure: 'pdmp-90d', inDen: true, met: true },
  { name: 'PDMP on asOf − 91 days does not', input: { items: [item('pdmp', 'up-to-date', '2025-03-31')] }, measure: 'pdmp-90d', inDen: true, met: false },
  { name: 'PEG within 90 days from the monitoring item', input: { items: [item('peg', 'up-to-date', '2025-06-01')] }, measure: 'peg-90d', inDen: true, met: true },
  { name: 'PEG date taken from the history when the item has none', input: { items: [item('peg', 'never-done')], pegDates: ['2025-02-01', '2025-05-15'] }, measure: 'peg-90d', inDen: true, met: true },
  { name: 'naloxone not indicated: out of its denominator', input: { items: [item('naloxone', 'not-applicable')] }, measure: 'naloxone-indicated', inDen: false, met: false },
  { name: 'naloxone indicated and on file', input: { items: [item('naloxone', 'up-to-date', '2024-09-01')] }, measure: 'naloxone-indicated', inDen: true, met: true },
  { name: 'naloxone indicated and never prescribed', input: { items: [item('naloxone', 'never-done')] }, measure: 'naloxone-indicated', inDen: true, met: false },
  { name: 'naloxone could not be checked stays in the denominator', input: { items: [item('naloxone', 'unavailable')] }, measure: 'naloxone-indicated', inDen: true, met: false, unavailable: true },
  { name: 'current benzodiazepine counts as co-prescribing', input: { meds: [med('opioid', 'a'), med('benzodiazepine', 'b')] }, measure: 'benzo-coprescribing', inDen: true, met: true },
  { name: 'stopped benzodiazepine does not', input: { meds: [med('opioid', 'a'), med('benzodiazepine', 'b', false)] }, measure: 'benzo-coprescribing', inDen: true, met: false },
  { name: 'MME exactly 50 counts for ≥ 50', input: { mme: 50 }, measure: 'mme-50', inDen: true, met: true },
  { name: 'MME 49.9 does not', input: { mme: 49.9 }, measure: 'mme-50', inDen: true, met: false },
  { name: 'MME 90 counts for ≥ 90', input: { mme: 90 }, measure: 'mme-90', inDen: true, met: true },
  { name: 'incomplete MME 60 (lower bound) counts for ≥ 50, flagged', input: { mme: 60, mmeComplete: false }, measure: 'mme-50', inDen: true, met: true, incomplete: true },
  { name: 'incomplete MME 60 does not count for ≥ 90, flagged', input: { mme: 60, mmeComplete: false }, measure: 'mme-90', inDen: true, met: false, incomplete: true },
  { name: 'MME could not compute (null): lower bound 0, flagged', input: { mme: null, mmeComplete: false }, measure: 'mme-50', inDen: true, met: false, incomplete: true },
  { name: 'excluded population (tier not-applicable) is out of every denominator', input: { tier: 'not-applicable', mme: 120 }, measure: 'mme-90', inDen: false, met: false },
  { name: 'MOUD-only patient is out of the denominator', input: { meds: [med('moud', 'b')], mme: 0 }, measure: 'agreement-12m', inDen: false, met: false },
  { name: 'stopped opioid only: not in the cohort', input: { meds: [med('opioid', 'a', false)] }, measure: 'udt-policy', inDen: false, met: false },
  { name: 'unknown tier (missing data) stays in the denominator', input: { tier: 'unknown', items: [item('udt', 'up-to-date', '2025-06-01')] }, measure: 'udt-policy', inDen: true, met: true },
];

describe('measure flags (asOf 2025-06-30)', () => {
  it.each(rows)('$name', ({ input, measure, inDen, met, unavailable = false, incomplete = false }) => {
    const f = measureFlags(summary(input))[measure];
    expect(f).toEqual({ inDenominator: inDen, met, unavailable: inDen ? unavailable : false, incomplete: inDen ? incomplete : false });
  });
});

describe('twelveMonthsBefore', () => {
  it.each([
    ['2025-06-30', '2024-06-30'],
    ['2024-02-29', '2023-02-28'], // leap day falls back to the month's last day
    ['2025-03-31', '2024-03-31'],
    ['2025-01-01', '2024-01-01'],
  ])('%s → %s', (asOf, expected) => expect(twelveMonthsBefore(asOf)).toBe(expected));
});
