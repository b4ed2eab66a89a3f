import { filterRows, sortRows } from '../../src/registry/filters.ts';
import { buildRow } from '../../src/registry/row.ts';
import { item, summary, type SummaryInput } from './builders.ts';

const mk = (id: string, name: string, input: SummaryInput) =>
  buildRow(summary({ patientId: id, ...input }), { patient: { resourceType: 'Patient', id, name: [{ text: name }] }, prescriber: { key: 'k', display: 'Dr Kay' } });

const rows = [
  mk('1', 'Ann', { tier: 'high', mme: 120, items: [item('udt', 'overdue'), item('agreement', 'up-to-date', '2025-01-01')] }),
  mk('2', 'Bob', { tier: 'low', mme: 10, items: [item('udt', 'up-to-date', '2025-05-01'), item('agreement', 'up-to-date', '2025-01-01')] }),
  mk('3', 'Cy', { tier: 'moderate', mme: 60, mmeComplete: false, items: [item('udt', 'never-done')] }),
];

describe('registry filters', () => {
  it.each([
    [['udt-overdue'], ['Ann', 'Cy']], // never done counts as overdue for the huddle
    [['high-tier'], ['Ann']],
    [['mme-90'], ['Ann']],
    [['mme-50'], ['Ann', 'Cy']], // incomplete 60 counts by its lower bound
    [['no-agreement'], ['Cy']],
    [['udt-overdue', 'high-tier'], ['Ann']],
    [[], ['Ann', 'Bob', 'Cy']],
  ])('%j → %j', (ids, names) => expect(filterRows(rows, ids).map((r) => r.name)).toEqual(names));

  it('searches name, id and prescriber', () => {
    expect(filterRows(rows, [], 'bo').map((r) => r.name)).toEqual(['Bob']);
    expect(filterRows(rows, [], 'kay')).toHaveLength(3);
  });
  it('sorts by MME and by tier severity', () => {
    expect(sortRows(rows, 'mme', 'desc').map((r) => r.name)).toEqual(['Ann', 'Cy', 'Bob']);
    expect(sortRows(rows, 'tier', 'asc').map((r) => r.name)).toEqual(['Ann', 'Cy', 'Bob']);
  });
});

describe('course filters (tapering faster than policy, runs out within 7 days, multiple prescribers)', () => {
  const withCourse = (name: string, course: Partial<NonNullable<import('../../src/clinical/types.ts').PanelSummary['course']>>) => {
    const s = summary({ patientId: name, tier: 'moderate', mme: 40 });
    s.course = { start: '2025-01-01', startKnown: true, days: 500, longTerm: true, history: [{ from: '2025-01-01', to: s.asOf, mmePerDay: 40, complete: true, products: [] }], changes: [], flags: [], supplyEnds: null, lastFill: null, daysLeft: null, prescribers: { count: 1, pharmacies: 1, windowDays: 180, names: [] }, responsible: null, ...course };
    return buildRow(s, { patient: { resourceType: 'Patient', id: name, name: [{ text: name }] }, prescriber: { key: 'k', display: 'Dr Kay' } });
  };
  const courseRows = [
    withCourse('Dee', { flags: [{ code: 'taper-faster-than-policy', date: '2025-06-01', detail: '' }] }),
    withCourse('Eve', { supplyEnds: '2025-07-05', daysLeft: 5 }),
    withCourse('Fay', { flags: [{ code: 'multiple-prescribers', date: '2025-06-30', detail: '' }], prescribers: { count: 4, pharmacies: 4, windowDays: 180, names: [] } }),
    withCourse('Gus', { supplyEnds: '2025-06-20', daysLeft: -10 }),
  ];
  it.each([
    [['taper-fast'], ['Dee']],
    [['runs-out-7'], ['Eve']], // ran out 10 days ago is not "within 7 days"
    [['multiple-prescribers'], ['Fay']],
  ])('%j → %j', (ids, names) => expect(filterRows(courseRows, ids).map((r) => r.name)).toEqual(names));

  it('MME 90 days ago comes from the dose history; flags are words in the table and CSV', async () => {
    const { REGISTRY_COLUMNS } = await import('../../src/registry/columns.ts');
    const col = (id: string) => REGISTRY_COLUMNS.find((c) => c.id === id)!;
    expect(col('mme90').value(courseRows[0])).toBe('40');
    expect(col('courseFlags').value(courseRows[0])).toBe('taper faster than policy');
  });
});
