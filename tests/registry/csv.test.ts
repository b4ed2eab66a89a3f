import { registryCsv, REGISTRY_COLUMNS } from '../../src/registry/columns.ts';
import { csvField, csvLine } from '../../src/registry/csv.ts';
import { buildRow } from '../../src/registry/row.ts';
import { item, summary } from './builders.ts';

describe('CSV field escaping (RFC 4180 + formula guard)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rlf', '"cr\rlf"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['+1 555', "'+1 555"],
    ['-cmd', "'-cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTAB', "'\tTAB"],
    ['-12.5', '-12.5'], // a plain negative number is data, not a formula
    ['-25%', "'-25%"],
    ['', ''],
  ])('%j → %j', (input, expected) => expect(csvField(input)).toBe(expected));

  it('null/undefined become empty fields; numbers and booleans print', () => {
    expect(csvLine([null, undefined, 3, true])).toBe(',,3,true\r\n');
  });
});

describe('registry CSV matches the table columns', () => {
  const row = buildRow(
    summary({ patientId: 'p9', mme: 62.55, mmeComplete: false, tier: 'high', reason: 'Benzodiazepine, "alprazolam"',
      items: [item('udt', 'overdue', '2024-01-02', '2025-01-02')], pegDates: ['2025-05-01'] }),
    { patient: { resourceType: 'Patient', id: 'p9', name: [{ family: '=Evil', given: ['Ann'] }] }, prescriber: { key: 'k', display: 'Dr, Who' } },
  );
  const lines = registryCsv([row]).split('\r\n');

  it('header lists every column, CRLF line ends, trailing newline', () => {
    expect(lines[0].split(',')).toHaveLength(REGISTRY_COLUMNS.length);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
  });
  it('the row escapes names, shows "at least" for incomplete MME and the UDT status/due date', () => {
    expect(lines[1]).toContain(`"'=Evil, Ann",p9,"Dr, Who",at least 62.6,high,"Benzodiazepine, ""alprazolam"""`);
    expect(lines[1]).toContain('overdue,2025-01-02');
  });
});

describe('PEG change column', () => {
  const withChange = (pctChange: number | null) => {
    const s = summary({ pegDates: ['2025-05-01'] });
    s.peg.entries[0].changeFromBaselinePct = pctChange;
    return REGISTRY_COLUMNS.find((c) => c.id === 'pegChange')!.value(buildRow(s, { prescriber: { key: 'k', display: 'k' } }));
  };
  it.each([[-32.4, '\u221232%'], [12.6, '13% higher'], [0.2, '0%'], [null, '']])('%s → %j (never read as a formula)', (v, text) => {
    expect(withChange(v)).toBe(text);
    expect(csvField(withChange(v))).toBe(text);
  });
});

describe('status columns say what the panel says on the clinic day', () => {
  const status = (it: ReturnType<typeof item>) =>
    REGISTRY_COLUMNS.find((c) => c.id === `${it.item}Status`)!.value(buildRow(summary({ asOf: '2025-06-30', items: [it] }), { prescriber: { key: 'k', display: 'k' } }));
  it.each([
    ['nothing on file (the engine: overdue, due today)', item('peg', 'overdue', null, '2025-06-30'), 'never done'],
    ['done before, now past due', item('udt', 'overdue', '2024-01-02', '2025-01-02'), 'overdue'],
    ['due soon, due date today: done at this visit', item('pdmp', 'due-soon', '2025-06-01', '2025-06-30'), 'due today'],
    ['due soon, later', item('phq9', 'due-soon', '2025-01-15', '2025-07-15'), 'due soon'],
    ['could not be read', item('ort', 'unavailable'), 'could not check'],
  ])('%s → %j', (_what, it, text) => expect(status(it)).toBe(text));
});
