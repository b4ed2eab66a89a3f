/**
 * The panel's words and its "long records stay short" rules, pure: status vocabulary, engine text without ids,
 * the clinician strip's flags, the PEG window, grouping of orders and conditions.
 */
import { engineTextFor, plainEngineText } from '../../src/ui/engine-text.ts';
import { DUE_NOW, displayStatus } from '../../src/ui/labels.ts';
import { decisionFlags, mmeShort } from '../../src/ui/sections/ClinicianStrip.tsx';
import { pegWindow, windowed } from '../../src/ui/peg-window.ts';
import { groupBy, groupConditions, productKey } from '../../src/ui/grouping.ts';
import { AS_OF, item, mmeComplete, mmeIncomplete, oxycodone, peg, summary } from './fixtures.ts';

describe('one status vocabulary', () => {
  it.each([
    ['PEG with nothing on file (engine: overdue, due today)', item({ item: 'peg', status: 'overdue', lastDate: null, dueDate: AS_OF }), 'never-done'],
    ['PEG recorded 120 days ago', item({ item: 'peg', status: 'overdue', lastDate: '2026-07-25', dueDate: '2026-10-23' }), 'overdue'],
    ['PEG due at this visit', item({ item: 'peg', status: 'due-soon', lastDate: '2026-10-25', dueDate: AS_OF }), 'due-today'],
    ['agreement due in 2 weeks', item({ item: 'agreement', status: 'due-soon', lastDate: '2025-12-06', dueDate: '2026-12-06' }), 'due-soon'],
    ['could not check', item({ item: 'udt', status: 'unavailable' }), 'unavailable'],
  ] as const)('%s → %s', (_name, it_, expected) => {
    expect(displayStatus(it_, AS_OF)).toBe(expected);
  });

  it('due now is overdue, never done and due today — never due soon', () => {
    expect([...DUE_NOW].sort()).toEqual(['due-today', 'never-done', 'overdue']);
  });
});

describe('engine text as a clinician reads it', () => {
  it('names orders by date instead of id, test classes and sources in words, US dates', () => {
    const s = summary({ mme: { ...mmeComplete, orders: [oxycodone, { ...oxycodone, medicationRequestId: '47ad6f27-3b1c-4c8e-9a51-0d2f3a9b8c11', authoredOn: '2026-08-01' }] } });
    const et = engineTextFor(s);
    expect(et('duplicate/overlapping refill of 47ad6f27-3b1c-4c8e-9a51-0d2f3a9b8c11 — counted once')).toBe('duplicate/overlapping refill of the 08/01/2026 order — counted once');
    expect(et('could not be converted — counted once, from mr-oxy')).toBe('could not be converted — counted once, from the 10/01/2026 order');
    expect(et('Unexpected result: positive for general-opiate, not prescribed')).toBe('Unexpected result: positive for opiates, not prescribed');
    expect(et('Could not check UDT: udt: could not be read (HTTP 503); pdmp: partial')).toBe('Could not check UDT: Urine drug tests: could not be read (HTTP 503); PDMP checks: only partly read');
    expect(et('ORT 1 on 2026-01-02 ≥ 1')).toBe('ORT 1 on 01/02/2026 ≥ 1');
  });

  it('an unknown record id is never shown', () => {
    expect(plainEngineText('refill of 0b9e8f1a-1111-4222-8333-944455556666 — counted once')).toBe('refill of another record — counted once');
  });
});

describe('clinician strip', () => {
  const thresholds = { caution: 50, high: 90 };
  it('flags benzodiazepine with an opioid, no naloxone, ≥ 90 MME and an unexpected urine drug test, each with its target', () => {
    const s = summary({
      mme: { ...mmeComplete, totalPerDay: 96, atLeast: 96 },
      medications: [
        { medicationRequestId: 'b', class: 'benzodiazepine', display: 'alprazolam', status: 'active', authoredOn: '2026-10-01', current: true, matchedBy: 'x' },
        { medicationRequestId: 'o', class: 'opioid', display: 'oxycodone', status: 'active', authoredOn: '2026-10-01', current: true, matchedBy: 'x' },
      ],
      monitoring: [item({ item: 'naloxone', status: 'never-done' })],
      unexpectedUdt: [{ date: '2026-09-01', test: 'Oxycodone', result: 'Negative', kind: 'unexpected-negative', text: 'x' }],
    });
    expect(decisionFlags(s, thresholds, AS_OF).map((f) => [f.text, f.target])).toEqual([
      ['Benzodiazepine with an opioid', 'meds'],
      ['No naloxone on file', 'due-item-naloxone'],
      ['≥ 90 MME/day', 'mme'],
      ['Unexpected urine drug test result (09/01/2026)', 'udt-review'],
    ]);
  });

  it('no flags when none applies; an incomplete MME reads "at least"', () => {
    expect(decisionFlags(summary({ mme: mmeComplete, monitoring: [] }), thresholds, AS_OF)).toEqual([]);
    expect(mmeShort(mmeIncomplete)).toBe('At least 30 MME/day');
    expect(mmeShort({ ...mmeIncomplete, atLeast: 0, totalPerDay: null })).toBe('MME could not be computed');
    expect(decisionFlags(summary({ mme: { ...mmeIncomplete, atLeast: 95 }, monitoring: [] }), thresholds, AS_OF)[0].text).toBe('≥ 90 MME/day');
  });
});

describe('PEG: the current course or the last 2 years by default', () => {
  const monthly = Array.from({ length: 240 }, (_, i) => peg(`${2007 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-15`, 5));
  it('a 20-year record shows the last 2 years', () => {
    const h = { entries: monthly, baseline: monthly[0], baselineRule: 'No current opioid course: first PEG on file used' };
    const w = pegWindow(h, '2026-12-20');
    expect(w).toEqual({ from: '2024-12-20', course: false, hidden: 216 });
    expect(windowed(h, w.from).entries).toHaveLength(24);
  });
  it('a course of 6 months with its baseline shows the course only', () => {
    const base = monthly[234];
    const w = pegWindow({ entries: monthly, baseline: base, baselineRule: 'First PEG of the current opioid course' }, '2026-12-20');
    expect(w).toMatchObject({ from: base.date, course: true });
  });
  it('never hides the latest score', () => {
    expect(pegWindow({ entries: [peg('2019-01-01', 6)], baseline: null, baselineRule: 'x' }, '2026-12-20').from).toBe('2019-01-01');
  });
});

describe('grouping', () => {
  it('orders of one product (case and spacing folded) are one group, newest first, with their date range', () => {
    const orders = [{ d: 'oxycodone 5 MG', t: '2026-01-01' }, { d: 'OxyCODONE  5 mg', t: '2026-03-01' }, { d: 'morphine 15 MG', t: '2025-01-01' }];
    const groups = groupBy(orders, (o) => productKey(o.d), (o) => o.t);
    expect(groups.map((g) => [g.key, g.items.length, g.first, g.last, g.latest.t])).toEqual([
      ['oxycodone 5 mg', 2, '2026-01-01', '2026-03-01', '2026-03-01'],
      ['morphine 15 mg', 1, '2025-01-01', '2025-01-01', '2025-01-01'],
    ]);
  });
  it('a condition code with any active record is active (as the tier reads it)', () => {
    const c = (status: string | null, date: string) => ({ conditionId: date, display: 'OSA', code: 'ICD-10-CM G47.33', category: 'sleep apnea', clinicalStatus: status, onsetOrRecorded: date, inRemission: false });
    expect(groupConditions([c('active', '2010-01-01'), c('resolved', '2016-01-01')])[0]).toMatchObject({ active: true, shown: { onsetOrRecorded: '2010-01-01' } });
    expect(groupConditions([c('resolved', '2010-01-01'), c('inactive', '2016-01-01')])[0].active).toBe(false);
    expect(groupConditions([c(null, '2010-01-01')])[0].active).toBe(true);
  });
});
