/**
 * Monitoring schedule rules (issue 4): interval per tier with the day before / of / after the due date,
 * never-done vs unavailable, PEG, PHQ-2 trigger, ORT, naloxone look-back and combination products.
 * The tier is passed in (hand-built) so each row checks the schedule alone.
 */
import type { Resource } from 'fhir/r4';
import { computeMonitoring } from '../../../src/clinical/monitoring/index.ts';
import { DEFAULT_POLICY } from '../../../src/clinical/policy/index.ts';
import type { LoadStatus, MonitoringItemId, MonitoringStatus, RiskTier } from '../../../src/clinical/types.ts';
import * as b from '../risk/build.ts';

const tierOf = (tier: RiskTier) => ({ tier, reasons: tier === 'not-applicable' ? [{ id: 'NA-age', text: 'Age 17 is under 18', source: 'x' }] : [] });

function item(id: MonitoringItemId, resources: Resource[], asOf: string, tier: RiskTier, load: LoadStatus = {}, mmeTotal = 20) {
  const items = computeMonitoring([b.patient(), ...resources], load, DEFAULT_POLICY, asOf, b.mmeOf(mmeTotal), tierOf(tier));
  return items.find((i) => i.item === id)!;
}

// last event 2026-01-01; due = 2026-01-01 + interval
type Row = [MonitoringItemId, RiskTier, number, () => Resource];
const LAST = '2026-01-01';
const intervalRows: Row[] = [
  ['pdmp', 'low', 90, () => b.pdmpObservation(LAST)],
  ['pdmp', 'moderate', 90, () => b.pdmpProcedure(LAST)],
  ['pdmp', 'high', 30, () => b.pdmpObservation(LAST)],
  ['pdmp', 'unknown', 90, () => b.pdmpObservation(LAST)],
  ['udt', 'low', 365, () => b.obs('19295-5', 'Negative', LAST)],
  ['udt', 'moderate', 180, () => b.obs('19295-5', 'Negative', LAST)],
  ['udt', 'high', 90, () => b.obs('19295-5', 'Negative', LAST)],
  ['udt', 'unknown', 180, () => b.obs('19295-5', 'Negative', LAST)],
  ['agreement', 'low', 365, () => b.agreementDoc(LAST)],
  ['agreement', 'moderate', 365, () => b.agreementDoc(LAST)],
  ['agreement', 'high', 365, () => b.agreementDoc(LAST)],
  ['phq9', 'low', 365, () => b.phq9(4, LAST)],
  ['phq9', 'moderate', 180, () => b.phq9(4, LAST)],
  ['phq9', 'high', 180, () => b.phq9(4, LAST)],
];

const addDays = (d: string, n: number) => new Date(Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10) + n)).toISOString().slice(0, 10);

describe('interval items: day before, of and after the due date; the first day of the due-soon window and the day before it', () => {
  it.each(intervalRows)('%s, %s tier: every %i days', (id, tier, days, make) => {
    const due = addDays(LAST, days);
    const window = Math.min(30, Math.floor(days / 3)); // policy dueSoonDays 30, at most a third of the interval
    const cases: [string, MonitoringStatus][] = [
      ...(days > window ? [[addDays(due, -(window + 1)), 'up-to-date'] as [string, MonitoringStatus]] : []),
      [addDays(due, -window), 'due-soon'],
      [addDays(due, -1), 'due-soon'],
      [due, 'due-soon'],
      [addDays(due, 1), 'overdue'],
    ];
    for (const [asOf, status] of cases) {
      const it = item(id, [make()], asOf, tier);
      expect({ asOf, status: it.status, dueDate: it.dueDate, lastDate: it.lastDate, interval: it.intervalDays }).toEqual({ asOf, status, dueDate: due, lastDate: LAST, interval: days });
    }
    if (tier === 'unknown') expect(item(id, [make()], due, tier).reason).toContain('moderate intervals used');
  });
});

describe('evidence and availability', () => {
  const AS_OF = '2026-06-01';
  const rows: [string, MonitoringItemId, Resource[], LoadStatus, MonitoringStatus][] = [
    ['no PDMP evidence, sources loaded → never-done', 'pdmp', [], {}, 'never-done'],
    ['PDMP source unavailable → unavailable (not never-done)', 'pdmp', [], { pdmp: { state: 'unavailable', reason: 'HTTP 500' } }, 'unavailable'],
    ['procedures not requested, PDMP observation search loaded → never-done', 'pdmp', [], { procedures: { state: 'not-requested' } }, 'never-done'],
    ['both PDMP sources not requested → unavailable', 'pdmp', [], { pdmp: { state: 'not-requested' }, procedures: { state: 'not-requested' } }, 'unavailable'],
    ['partial source with evidence found → evidence counts', 'pdmp', [b.pdmpObservation('2026-05-20')], { pdmp: { state: 'partial' } }, 'up-to-date'],
    ['PDMP procedure not completed is not evidence', 'pdmp', [b.pdmpProcedure('2026-05-20', 'in-progress')], {}, 'never-done'],
    ['UDT source unavailable → unavailable', 'udt', [], { udt: { state: 'unavailable' } }, 'unavailable'],
    ['UDT preliminary result is not evidence', 'udt', [b.obs('19295-5', 'Negative', '2026-05-01', { status: 'preliminary' })], {}, 'never-done'],
    ['UDT registered (ordered) is not evidence', 'udt', [b.obs('19295-5', 'Negative', '2026-05-01', { status: 'registered' })], {}, 'never-done'],
    ['UDT amended counts', 'udt', [b.obs('19295-5', 'Negative', '2026-05-01', { status: 'amended' })], {}, 'up-to-date'],
    ['agreement printed, not signed → never-done', 'agreement', [b.agreementDoc('2026-05-01', { description: 'Printed for signature' })], {}, 'never-done'],
    ['agreement preliminary document → never-done', 'agreement', [b.agreementDoc('2026-05-01', { docStatus: 'preliminary' })], {}, 'never-done'],
    ['agreement Observation (local flowsheet) counts', 'agreement', [b.obs('94136-9', 'signed', '2026-05-01')], {}, 'up-to-date'],
    ['agreement: documents unavailable, none found → unavailable', 'agreement', [], { documents: { state: 'unavailable' } }, 'unavailable'],
    ['surveys unavailable → PHQ-9 unavailable', 'phq9', [], { surveys: { state: 'unavailable' } }, 'unavailable'],
    ['ORT never done → never-done', 'ort', [], {}, 'never-done'],
    ['ORT once on file (4 years ago) → up-to-date', 'ort', [b.ort(3, '2022-01-01')], {}, 'up-to-date'],
    ['ORT: surveys partial and none found → unavailable', 'ort', [], { surveys: { state: 'partial' } }, 'unavailable'],
  ];
  it.each(rows)('%s', (_name, id, resources, load, status) => {
    expect(item(id, resources, AS_OF, 'moderate', load).status).toBe(status);
  });

  it('a partly read source keeps the evidence found and says a later event may be missing', () => {
    const it = item('pdmp', [b.pdmpObservation('2026-05-20')], '2026-06-01', 'moderate', { pdmp: { state: 'partial', reason: 'page 2 failed' } });
    expect([it.lastDate, it.dueDate]).toEqual(['2026-05-20', '2026-08-18']);
    expect(it.reason).toContain('a later event may be missing');
  });

  it('agreement is dated by signature, not by printing: a signature extension wins over DocumentReference.date', () => {
    const doc = b.agreementDoc('2026-05-30', { extension: [{ url: 'http://example.org/fhir/StructureDefinition/signature-date', valueDateTime: '2025-05-01' }] });
    const it = item('agreement', [doc], '2026-06-01', 'low');
    expect([it.lastDate, it.dueDate, it.status]).toEqual(['2025-05-01', '2026-05-01', 'overdue']);
  });
});

describe('PEG', () => {
  const rows: [string, Resource[], MonitoringStatus, string | null][] = [
    ['recorded today → up-to-date', [b.peg(5, '2026-06-01')], 'up-to-date', null],
    ['last 10 days ago → due today', [b.peg(5, '2026-05-22')], 'due-soon', '2026-06-01'],
    ['last exactly 90 days ago → due today', [b.peg(5, '2026-03-03')], 'due-soon', '2026-06-01'],
    ['last 91 days ago → overdue', [b.peg(5, '2026-03-02')], 'overdue', '2026-05-31'],
    ['none → overdue', [], 'overdue', '2026-06-01'],
  ];
  it.each(rows)('%s', (_n, resources, status, due) => {
    const it = item('peg', resources, '2026-06-01', 'low');
    expect([it.status, it.dueDate]).toEqual([status, due]);
  });
});

describe('PHQ-9 triggers', () => {
  it('PHQ-2 ≥ 3 after the last PHQ-9 makes the PHQ-9 due now', () => {
    const it = item('phq9', [b.phq9(3, '2026-03-01'), b.obs('55758-7', 3, '2026-05-15')], '2026-06-01', 'low');
    expect([it.status, it.dueDate]).toEqual(['overdue', '2026-05-15']);
    expect(it.reason).toMatch(/PHQ-2 3 on 2026-05-15 ≥ 3/);
  });
  it('PHQ-2 ≥ 3 today → due today', () => {
    const it = item('phq9', [b.phq9(3, '2026-03-01'), b.obs('55758-7', 4, '2026-06-01')], '2026-06-01', 'low');
    expect([it.status, it.dueDate]).toEqual(['due-soon', '2026-06-01']);
  });
  it('PHQ-2 2 does not trigger; the PHQ-2 panel code 55757-9 is not a score', () => {
    expect(item('phq9', [b.phq9(3, '2026-03-01'), b.obs('55758-7', 2, '2026-05-15')], '2026-06-01', 'low').status).toBe('up-to-date');
    expect(item('phq9', [b.phq9(3, '2026-03-01'), b.obs('55757-9', 5, '2026-05-15')], '2026-06-01', 'low').status).toBe('up-to-date');
  });
  it('item 9 > 0 is a same-day clinician alert (panel component)', () => {
    const panel = b.obs('44249-1', 12, '2026-06-01', {
      valueQuantity: undefined,
      component: [
        { code: { coding: [{ system: b.LOINC, code: '44261-6' }] }, valueInteger: 12 },
        { code: { coding: [{ system: b.LOINC, code: '44260-8' }] }, valueInteger: 1 },
      ],
    });
    const it = item('phq9', [panel], '2026-06-01', 'low');
    expect(it.lastValue).toBe('PHQ-9 12 (moderate)');
    expect(it.alerts?.[0]).toMatch(/item 9 .* = 1 on 2026-06-01/);
  });
});

describe('naloxone (CDC Rec 8)', () => {
  const AS_OF = '2026-06-01';
  const rows: [string, Resource[], number, MonitoringStatus][] = [
    ['no criterion → not-applicable', [], 20, 'not-applicable'],
    ['MME 50, none ordered → never-done', [], 50, 'never-done'],
    ['MME 49 → not-applicable', [], 49, 'not-applicable'],
    ['benzodiazepine, naloxone ordered 729 days ago → due-soon (covered 1 more day)', [b.alprazolam({ authoredOn: '2026-05-01' }), b.narcan({ authoredOn: '2024-06-02', status: 'completed' })], 20, 'due-soon'],
    ['MME 60, naloxone ordered 730 days ago → due-soon (last covered day)', [b.narcan({ authoredOn: '2024-06-01', status: 'completed' })], 60, 'due-soon'],
    ['MME 60, naloxone ordered 731 days ago → overdue', [b.narcan({ authoredOn: '2024-05-31', status: 'completed' })], 60, 'overdue'],
    ['MME 60, naloxone ordered last month → up-to-date', [b.narcan({ authoredOn: '2026-05-01', status: 'completed' })], 60, 'up-to-date'],
    ['MME 60, only buprenorphine-naloxone → never-done (not rescue naloxone)', [b.suboxone({ authoredOn: '2026-05-01' })], 60, 'never-done'],
    ['MME 60, only pentazocine-naloxone → never-done', [b.order('999998', 'naloxone 0.5 MG / pentazocine 50 MG Oral Tablet', { authoredOn: '2026-05-01' })], 60, 'never-done'],
    ['MME 60, naloxone cancelled → never-done', [b.narcan({ authoredOn: '2026-05-01', status: 'cancelled' })], 60, 'never-done'],
    ['MME 60, naloxone by name only (unknown code) → up-to-date', [b.order('000001', 'Naloxone 4 mg nasal spray (clinic stock)', { authoredOn: '2026-05-01' })], 60, 'up-to-date'],
    ['sleep apnea → due', [b.condition(b.ICD, 'G47.33', 'Obstructive sleep apnea')], 20, 'never-done'],
    ['OUD in remission (history) → due', [b.condition(b.ICD, 'F11.21', 'Opioid dependence, in remission')], 20, 'never-done'],
    ['overdose history → due', [b.condition(b.ICD, 'T40.1X1A', 'Poisoning by heroin, accidental')], 20, 'never-done'],
    ['MME 60, medications unavailable → unavailable', [], 60, 'unavailable'],
  ];
  it.each(rows)('%s', (name, resources, mme, status) => {
    const load: LoadStatus = name.includes('unavailable') ? { medications: { state: 'unavailable' } } : {};
    const items = computeMonitoring([b.patient(), ...resources], load, DEFAULT_POLICY, AS_OF, b.mmeOf(mme), tierOf('moderate'));
    expect(items.find((i) => i.item === 'naloxone')!.status).toBe(status);
  });
});

describe('not-applicable tier', () => {
  it('every item is not-applicable with the tier reason', () => {
    const items = computeMonitoring([b.patient()], {}, DEFAULT_POLICY, '2026-06-01', b.mmeOf(20), tierOf('not-applicable'));
    expect(items.map((i) => i.item)).toEqual(['pdmp', 'udt', 'agreement', 'peg', 'phq9', 'ort', 'naloxone']);
    for (const i of items) expect([i.status, i.reason]).toEqual(['not-applicable', 'Not applicable: Age 17 is under 18']);
  });
  it('MOUD only: the LTOT items are not-applicable, naloxone is still due without a rescue kit (CDC Rec 8; pitfall 1)', () => {
    const resources = [b.patient(), b.suboxone({ authoredOn: '2026-05-01' }), b.condition(b.ICD, 'F11.20', 'Opioid dependence')];
    const items = computeMonitoring(resources, {}, DEFAULT_POLICY, '2026-06-01');
    expect(items.slice(0, 6).map((i) => i.status)).toEqual(Array(6).fill('not-applicable'));
    expect(items[6]).toMatchObject({ item: 'naloxone', status: 'never-done' });
    expect(items[6].reason).toMatch(/on MOUD/);
    expect(items[6].reason).toMatch(/offer naloxone/);
    const withKit = computeMonitoring([...resources, b.narcan({ authoredOn: '2026-05-01' })], {}, DEFAULT_POLICY, '2026-06-01');
    expect(withKit[6]).toMatchObject({ status: 'up-to-date', lastDate: '2026-05-01' });
  });
});
