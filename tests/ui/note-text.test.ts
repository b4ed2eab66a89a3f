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

  it('gives the tier with its reasons and sources', () => {
    expect(text).toContain('Risk tier: Moderate\n- Sleep apnea on the problem list (CDC Rec 8)');
  });

  it('lists due items in rooming order (PDMP, UDT first), including what could not be checked', () => {
    const due = text.split('Due or could not check:\n')[1].split('\n\n')[0].split('\n');
    expect(due).toEqual([
      '- PDMP check: Overdue (last 06/01/2026; due 08/30/2026)',
      '- Urine drug test: Never done (none on file)',
      '- Patient agreement: Due soon (last 12/10/2025; due 12/10/2026)',
      '- PHQ-9 depression screen: Could not check (none on file) — questionnaire scores could not be read (server error 503)',
    ]);
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
    expect(today).toContain('Due or could not check:\n- nothing due');
  });

  it('sums up a long list of orders not counted in one line', () => {
    const s = summary();
    const fills = Array.from({ length: 5 }, (_, i) => ({ ...s.mme.orders[2], medicationRequestId: `f${i}`, medication: `fill ${i + 1}` }));
    const text = buildNoteText({ ...s, mme: { ...s.mme, orders: [s.mme.orders[0], ...fills] } });
    expect(text).toContain('- fill 3: not counted — MOUD — not counted\n- and 2 more orders not counted (listed in the panel)');
    expect(text).not.toContain('fill 4');
  });
});
