/**
 * QA: every interval item on the day before / of / after its due date, for each tier (issue 4 "Monitoring items":
 * PDMP 90/90/30, UDT 365/180/90, agreement 365, PHQ-9 365/180/180; due-soon window 30 days (at most a third of the
 * interval), the due date itself is
 * due-soon, asOf > dueDate is overdue). Tier set by the ORT alone: 2 → low, 5 → moderate, 9 → high.
 */
import type { Resource } from 'fhir/r4';
import { agreementDoc, obs, ort, pdmpObservation, pdmpProcedure, phq9 } from '../risk/build.ts';
import { AS_OF, ago, item, json, oxy5 } from './qa-build.ts';

const TIERS = { low: 2, moderate: 5, high: 9 } as const;
const udt = (date: string) => obs('19295-5', 'positive', date, { category: [{ coding: [{ code: 'laboratory' }] }] });
const ITEMS: [string, (d: string) => Resource, Record<keyof typeof TIERS, number>][] = [
  ['pdmp', pdmpObservation, { low: 90, moderate: 90, high: 30 }],
  ['udt', udt, { low: 365, moderate: 180, high: 90 }],
  ['agreement', agreementDoc, { low: 365, moderate: 365, high: 365 }],
  ['phq9', (d) => phq9(5, d), { low: 365, moderate: 180, high: 180 }],
];

const rows = ITEMS.flatMap(([id, make, intervals]) =>
  (Object.keys(TIERS) as (keyof typeof TIERS)[]).flatMap((tier) => {
    const n = intervals[tier];
    return [
      [id, tier, n - 31, 'up-to-date', 31],
      [id, tier, n - 1, 'due-soon', 1], // due tomorrow
      [id, tier, n, 'due-soon', 0], // due today
      [id, tier, n + 1, 'overdue', -1], // due yesterday
    ]
      .filter((r) => (r[2] as number) >= 0) // high-tier PDMP (30 days): its window is 10 days, see the next block
      .map((r) => [...r, make] as [string, string, number, string, number, (d: string) => Resource]);
  }),
);

describe('QA monitoring: interval boundaries per tier', () => {
  it.each(rows)('%s, %s tier, last %i days ago → %s (due in %i days)', (id, tier, daysAgo, status, dueIn, make) => {
    const out = json([oxy5(2), ort(TIERS[tier as keyof typeof TIERS], ago(400)), make(ago(daysAgo))]);
    expect(out.risk.tier).toBe(tier);
    const m = item(out, id);
    expect(m.status).toBe(status);
    expect(m.lastDate).toBe(ago(daysAgo));
    expect(m.dueDate).toBe(ago(-dueIn));
    expect(typeof m.reason).toBe('string');
  });
});

describe('QA monitoring: the due-soon window never covers a whole interval (an item done today is up to date)', () => {
  // Window = min(policy dueSoonDays 30, ⌊interval ÷ 3⌋): a 30-day high-tier PDMP interval is due soon in its last 10 days.
  it.each([
    ['checked today: due in 30 days > window 10 → up to date', AS_OF, 'up-to-date'],
    ['checked 19 days ago: due in 11 days > 10 → up to date', ago(19), 'up-to-date'],
    ['checked 20 days ago: due in 10 days ≤ 10 → due soon', ago(20), 'due-soon'],
    ['checked 30 days ago: due today → due soon', ago(30), 'due-soon'],
    ['checked 31 days ago → overdue', ago(31), 'overdue'],
  ])('PDMP, high tier (every 30 days), %s', (_, date, status) => {
    const out = json([oxy5(2), ort(9), pdmpObservation(date)]);
    expect(item(out, 'pdmp')).toMatchObject({ status });
  });
  it('a 365-day interval keeps the policy window of 30 days (⌊365 ÷ 3⌋ = 121 > 30): 31 days before due → up to date', () => {
    const out = json([oxy5(2), ort(2), agreementDoc(ago(334))]);
    expect(item(out, 'agreement')).toMatchObject({ status: 'up-to-date' });
    expect(item(json([oxy5(2), ort(2), agreementDoc(ago(335))]), 'agreement')).toMatchObject({ status: 'due-soon' });
  });
});

describe('QA monitoring: unknown tier uses moderate intervals', () => {
  it('no ORT (tier unknown), PDMP 91 days ago → overdue; UDT 179 days ago → due-soon (moderate 180)', () => {
    const out = json([oxy5(2), pdmpObservation(ago(91)), udt(ago(179))]);
    expect(out.risk.tier).toBe('unknown');
    expect(item(out, 'pdmp').status).toBe('overdue');
    expect(item(out, 'udt')).toMatchObject({ status: 'due-soon', dueDate: ago(-1) });
    expect(item(out, 'ort').status).toBe('never-done');
  });
});

describe('QA monitoring: evidence kinds', () => {
  it('PDMP by Procedure (SNOMED 461621000124108, completed) counts like the Observation', () => {
    const out = json([oxy5(2), ort(2), pdmpProcedure(ago(10))]);
    expect(item(out, 'pdmp')).toMatchObject({ status: 'up-to-date', lastDate: ago(10) });
  });
  it('PDMP Procedure not-done does not count → never-done', () => {
    expect(item(json([oxy5(2), ort(2), pdmpProcedure(ago(10), 'not-done')]), 'pdmp').status).toBe('never-done');
  });
  it('latest of Observation and Procedure wins', () => {
    expect(item(json([oxy5(2), ort(2), pdmpObservation(ago(100)), pdmpProcedure(ago(5))]), 'pdmp').lastDate).toBe(ago(5));
  });
  it('UDT ServiceRequest (order) is not a test → never-done', () => {
    const order = { resourceType: 'ServiceRequest', id: 'sr1', status: 'active', intent: 'order', subject: { reference: 'Patient/p1' }, code: { coding: [{ system: 'http://loinc.org', code: '19295-5' }] }, authoredOn: ago(5) } as Resource;
    expect(item(json([oxy5(2), ort(2), order]), 'udt').status).toBe('never-done');
  });
  it('UDT preliminary result not counted → never-done', () => {
    expect(item(json([oxy5(2), ort(2), { ...udt(ago(5)), status: 'preliminary' } as Resource]), 'udt').status).toBe('never-done');
  });
  it('UDT dated by collection (effective), not by issued', () => {
    const r = { ...udt(ago(100)), issued: `${ago(3)}T09:00:00Z` } as Resource;
    expect(item(json([oxy5(2), ort(2), r]), 'udt').lastDate).toBe(ago(100));
  });
  it('agreement printed (not signed) does not count; signed one does', () => {
    const printed = agreementDoc(ago(2), { content: [{ attachment: { contentType: 'application/pdf', title: 'Patient agreement (printed)' } }] });
    expect(item(json([oxy5(2), ort(2), printed]), 'agreement').status).toBe('never-done');
    expect(item(json([oxy5(2), ort(2), printed, agreementDoc(ago(200))]), 'agreement').lastDate).toBe(ago(200));
  });
  it('agreement preliminary DocumentReference does not count', () => {
    expect(item(json([oxy5(2), ort(2), agreementDoc(ago(2), { docStatus: 'preliminary' })]), 'agreement').status).toBe('never-done');
  });
  it('agreement dated by signature extension, not the document date (printing)', () => {
    const doc = agreementDoc(ago(2), { extension: [{ url: 'http://example.org/fhir/StructureDefinition/signature-date', valueDateTime: ago(50) }] });
    expect(item(json([oxy5(2), ort(2), doc]), 'agreement').lastDate).toBe(ago(50));
  });
  it('agreement as Observation LOINC 94136-9 counts', () => {
    expect(item(json([oxy5(2), ort(2), obs('94136-9', 'signed', ago(20))]), 'agreement')).toMatchObject({ status: 'up-to-date', lastDate: ago(20) });
  });
});

describe('QA monitoring: output contract', () => {
  it('seven items, each with item/status/lastDate/dueDate/reason of the right types', () => {
    const out = json([oxy5(2), ort(2)]);
    expect(out.monitoring.map((m) => m.item).sort()).toEqual(['agreement', 'naloxone', 'ort', 'pdmp', 'peg', 'phq9', 'udt']);
    for (const m of out.monitoring) {
      expect(['overdue', 'due-soon', 'up-to-date', 'never-done', 'not-applicable', 'unavailable']).toContain(m.status);
      expect(m.lastDate === null || /^\d{4}-\d{2}-\d{2}$/.test(m.lastDate)).toBe(true);
      expect(m.dueDate === null || /^\d{4}-\d{2}-\d{2}$/.test(m.dueDate)).toBe(true);
      expect(typeof m.reason).toBe('string');
    }
    expect(out.asOf).toBe(AS_OF);
  });
});
