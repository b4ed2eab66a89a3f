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
