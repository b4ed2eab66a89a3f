/**
 * Reference data and small pure helpers: the generated drug table, name parsing, factor rows and their
 * sources, the CDC 2016 methadone tiers, calendar-date helpers.
 */
import { addDays, datePart, daysBetween, isIsoDate } from '../../../src/clinical/dates.ts';
import { classifyOpioidProduct, isMoudProduct } from '../../../src/clinical/drugs/classify.ts';
import { DRUG_TABLE_SIZE, productByRxcui } from '../../../src/clinical/drugs/drug-table.ts';
import { parseDrugName } from '../../../src/clinical/drugs/parse-drug-name.ts';
import { FACTOR_TABLES, methadone2016Factor, SOURCE_CDC_2016, SOURCE_CDC_2022 } from '../../../src/clinical/mme/conversion-factors.ts';

describe('embedded drug table (OMTK 2020-10-20 + 2020-01-13 fallback)', () => {
  it('holds 910 + 226 = 1136 drugs', () => expect(DRUG_TABLE_SIZE).toBe(1136));

  it.each([
    ['857005', 'hydrocodone', 7.5, 'per-unit', 'oral-solid'],
    ['245134', 'fentanyl', 25, 'per-hour', 'transdermal'], // 0.025 MG/HR × 1000
    ['892589', 'morphine', 2, 'per-mL', 'oral-liquid'],
    ['637540', 'oxycodone', 4.88, 'per-unit', 'oral-solid'], // 4.5 HCl + 0.38 terephthalate rows summed
    ['1010600', 'buprenorphine', 2, 'per-unit', 'transmucosal'], // 2020-01 "Oral Strip" only
  ])('RxCUI %s → %s %s (%s, %s)', (rxcui, name, value, kind, formClass) => {
    const p = productByRxcui(rxcui)!;
    expect(p.ingredients).toEqual([expect.objectContaining({ name, value, kind })]);
    expect(p.formClass).toBe(formClass);
  });

  it.each([
    ['1010606', 'moud'], ['351265', 'moud'], ['1996189', 'moud'], ['1797655', 'moud'], ['1544853', 'moud'],
    ['904874', 'pain'], ['1716063', 'pain'], ['205533', 'injectable'], ['1732136', 'injectable'], ['1049621', 'pain'],
  ])('classifies %s as %s', (rxcui, cls) => {
    const p = productByRxcui(rxcui)!;
    expect(classifyOpioidProduct(p)).toBe(cls);
    expect(isMoudProduct(p)).toBe(cls === 'moud');
  });
});

describe('RxNorm clinical-drug name parsing (unknown RxCUI)', () => {
  it.each([
    ['oxycodone hydrochloride 5 MG Oral Tablet', [['oxycodone', 5, 'per-unit']], 'oral-solid', false],
    ['Acetaminophen 325 MG / HYDROcodone Bitartrate 7.5 MG Oral Tablet', [['hydrocodone', 7.5, 'per-unit']], 'oral-solid', false],
    ['72 HR fentanyl 0.025 MG/HR Transdermal System', [['fentanyl', 25, 'per-hour']], 'transdermal', true],
    ['morphine sulfate 10 MG/5ML Oral Solution', [['morphine', 2, 'per-mL']], 'oral-liquid', false],
    ['24 HR tramadol hydrochloride 100 MG Extended Release Oral Tablet', [['tramadol', 100, 'per-unit']], 'oral-solid', true],
    ['benzhydrocodone 6.12 MG / acetaminophen 325 MG Oral Tablet [Apadaz]', [['benzhydrocodone', 6.12, 'per-unit']], 'oral-solid', false],
    ['dihydrocodeine bitartrate 16 MG / acetaminophen 320.5 MG / caffeine 30 MG Oral Capsule', [['dihydrocodeine', 16, 'per-unit']], 'oral-solid', false],
  ] as const)('%s', (name, ingredients, formClass, longActing) => {
    const p = parseDrugName(name)!;
    expect(p.ingredients.map((i) => [i.name, i.value, i.kind])).toEqual(ingredients);
    expect(p.formClass).toBe(formClass);
    expect(p.longActing).toBe(longActing);
  });

  it('names without an opioid are not opioid products', () => {
    expect(parseDrugName('Acetaminophen 325 MG Oral Tablet')).toBeUndefined();
    expect(parseDrugName('naloxone hydrochloride 4 MG/ACTUAT Nasal Spray')).toBeUndefined();
  });

  it('an opioid with an ambiguous or missing strength yields no ingredients (→ unknown, never guessed)', () => {
    expect(parseDrugName('HYDROcodone-acetaminophen 5-325 mg tablet')!.ingredients).toEqual([]);
    expect(parseDrugName('oxyCODONE (OxyCONTIN) 12 hr tablet')!.ingredients).toEqual([]);
  });
});

describe('conversion factors', () => {
  it('every row of every edition cites its source', () => {
    for (const rows of Object.values(FACTOR_TABLES)) for (const row of rows) expect(row.source.length).toBeGreaterThan(20);
  });

  it('CDC 2022 table as published (mg/day; fentanyl per mcg/hr)', () => {
    const f = Object.fromEntries(FACTOR_TABLES['cdc-2022'].map((r) => [r.ingredient, r.factor]));
    expect(f).toEqual({ codeine: 0.15, fentanyl: 2.4, hydrocodone: 1, hydromorphone: 5, methadone: 4.7, morphine: 1, oxycodone: 1.5, oxymorphone: 3, tapentadol: 0.4, tramadol: 0.2 });
    expect(FACTOR_TABLES['cdc-2022'].every((r) => r.source.startsWith(SOURCE_CDC_2022))).toBe(true);
  });

  it('CDC 2016: hydromorphone 4, methadone tiers, no tramadol/tapentadol/buprenorphine', () => {
    const rows = FACTOR_TABLES['cdc-2016'];
    expect(rows.find((r) => r.ingredient === 'hydromorphone')?.factor).toBe(4);
    expect(rows.map((r) => r.ingredient)).not.toContain('tramadol');
    expect(rows.map((r) => r.ingredient)).not.toContain('tapentadol');
    expect(rows.every((r) => r.source.startsWith(SOURCE_CDC_2016))).toBe(true);
  });

  it.each([
    [0.5, 4], [1, 4], [20, 4], [20.5, 8], [21, 8], [40, 8], [41, 10], [60, 10], [60.2, 12], [61, 12], [80, 12], [200, 12],
  ])('CDC 2016 methadone %s mg/day → factor %s (non-integers rounded up)', (mg, factor) => {
    expect(methadone2016Factor(mg)).toBe(factor);
  });
});

describe('calendar dates (literal date part, no time zone)', () => {
  it.each([
    ['2024-03-15T23:30:00-08:00', '2024-03-15'],
    ['2024-03-16T00:30:00+13:00', '2024-03-16'],
    ['2011-12-19T00:19:38+00:00', '2011-12-19'],
    ['2024-07-08', '2024-07-08'],
    ['2024-07', '2024-07-01'],
    ['2024', '2024-01-01'],
  ])('datePart(%s) = %s', (input, expected) => expect(datePart(input)).toBe(expected));

  it('returns null for absent or invalid values', () => {
    expect(datePart(undefined)).toBeNull();
    expect(datePart('not a date')).toBeNull();
    expect(datePart('2024-13-01')).toBeNull();
  });

  it('adds and counts days across month ends, leap days and DST changes', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-03-01', 29)).toBe('2024-03-30');
    expect(addDays('2024-03-09', 2)).toBe('2024-03-11'); // US DST starts 2024-03-10
    expect(daysBetween('2022-03-16', '2024-03-15')).toBe(730);
    expect(daysBetween('2024-04-07', '2024-04-06')).toBe(-1); // NZ DST ends 2024-04-07
  });

  it('validates YYYY-MM-DD', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-3-1')).toBe(false);
  });
});
