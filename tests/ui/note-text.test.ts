import { buildNoteText } from '../../src/ui/note-text.ts';
import { item, peg, summary } from './fixtures.ts';

describe('Copy to note: plain text with the arithmetic, the reasons, what is due and what was done today', () => {
  const text = buildNoteText(summary());

  it('states the MME with each order and never counts the unknown order as 0', () => {
    expect(text).toContain('MME: At least 30 MME/day — 1 order could not be converted (verify) (CDC 2022 conversion factors)');
    expect(text).toContain('- oxycodone 5 MG Oral Tablet: 5 mg × 1 tab × 4/day = 20 mg/day × 1.5 = 30 MME/day');
    expect(text).toContain('- tramadol 50 MG Oral Tablet: could not be converted — Free-text directions with no structured dose');
    expect(text).toContain('- buprenorphine 8 MG / naloxone 2 MG Sublingual Film: not counted — MOUD — not counted');
  });

  it('gives the tier with its reasons in words: no rule ids, policy paths or internal references', () => {
    expect(text).toContain('Risk tier: Moderate\n- Sleep apnea on the problem list\n');
    expect(text).not.toMatch(/M5-sleep-apnea|policy [a-z]+\.|clinical-rules|issue \d/);
  });

  it('lists what is due now in rooming order (PDMP, UDT first), then what could not be checked, then what is due soon', () => {
    const due = text.split('\n\n').find((b) => b.startsWith('Due now:'))!.split('\n');
    expect(due).toEqual([
      'Due now:',
      '- PDMP check: Overdue (last 06/01/2026; due 08/30/2026)',
      '- Urine drug test: Never done (none on file)',
      'Could not check (check by hand):',
      '- PHQ-9 depression screen: Could not check (none on file) — questionnaire scores could not be read (server error 503)',
      'Due soon:',
      '- Patient agreement: Due soon (last 12/10/2025; due 12/10/2026)',
    ]);
  });

  it('uses the panel\'s words: a PEG with nothing on file is "Never done"; a duplicate refill is named by its date', () => {
    const s = summary();
    const dup = { ...s.mme.orders[0], medicationRequestId: '47ad6f27-3b1c-4c8e-9a51-0d2f3a9b8c11', status: 'excluded' as const, reason: 'duplicate/overlapping refill of mr-oxy — counted once', authoredOn: '2026-09-01' };
    const t = buildNoteText({
      ...s,
      mme: { ...s.mme, orders: [...s.mme.orders, dup] },
      monitoring: [item({ item: 'peg', status: 'overdue', lastDate: null, dueDate: s.asOf, reason: 'No PEG on file' })],
    });
    expect(t).toContain('- PEG score: Never done (none on file)');
    expect(t).toContain('not counted — duplicate/overlapping refill of the 10/01/2026 order — counted once');
    expect(t).not.toContain('47ad6f27');
  });

  it('says nothing was recorded today, then lists a PEG and a PDMP check recorded on the as-of date', () => {
    expect(text).toContain('Done today:\n- nothing recorded yet today');
    const s = summary();
    const today = buildNoteText({
      ...s,
      peg: { ...s.peg, entries: [...s.peg.entries, peg('2026-11-22', 13 / 3, { pain: 5, enjoyment: 4, activity: 4 })] },
      monitoring: [item({ item: 'pdmp', status: 'up-to-date', lastDate: '2026-11-22', lastValue: 'reviewed' })],
    });
    expect(today).toContain('Done today:\n- PEG 4.3 (pain 5, enjoyment 4, activity 4)\n- PDMP check: reviewed');
    expect(today).toContain('Due now:\n- nothing due now');
  });

  it('sums up repeated orders of one product in one line', () => {
    const s = summary();
    const fills = Array.from({ length: 5 }, (_, i) => ({ ...s.mme.orders[2], medicationRequestId: `f${i}`, authoredOn: `2026-0${i + 1}-01` }));
    const text = buildNoteText({ ...s, mme: { ...s.mme, orders: [s.mme.orders[0], ...fills] } });
    expect(text).toContain('- buprenorphine 8 MG / naloxone 2 MG Sublingual Film: not counted — MOUD — not counted (5 orders)\n');
  });
});
