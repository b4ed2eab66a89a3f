/**
 * Observation readers: PEG (mean from items, decimals kept, % change, ≥30% improvement), survey panels vs totals
 * (pitfall 10), UDT result reading and unexpected results (CDC CDS possible-unexpected-results, non-punitive).
 */
import type { Observation, Resource } from 'fhir/r4';
import { DEFAULT_POLICY } from '../../../src/clinical/policy/index.ts';
import { pegHistory, readPeg } from '../../../src/clinical/observations/peg.ts';
import { readGad7, readPhq9 } from '../../../src/clinical/observations/scores.ts';
import { readUdtResult } from '../../../src/clinical/observations/udt-result.ts';
import { readUdtTests, unexpectedFindings } from '../../../src/clinical/observations/udt.ts';
import { resultedObservations } from '../../../src/clinical/observations/values.ts';
import { prescribedAround, substancesOf } from '../../../src/clinical/medications/prescribed.ts';
import * as b from '../risk/build.ts';

const P = DEFAULT_POLICY;
const read = (rs: Resource[], asOf = '2026-06-01') => resultedObservations(rs, asOf);

describe('PEG', () => {
  it('computes the mean from the three item Observations of one date, keeping decimals', () => {
    const rs = [b.obs('75893-8', 7, '2026-05-01T09:00:00-07:00'), b.obs('91145-3', 6, '2026-05-01T09:01:00-07:00'), b.obs('91146-1', 6, '2026-05-01')];
    const [e] = readPeg(read(rs), P);
    expect(e).toMatchObject({ date: '2026-05-01', pain: 7, enjoyment: 6, activity: 6, derivedFromItems: true });
    expect(e.mean).toBeCloseTo(6.3333, 4);
  });

  it('reads a 91148-7 panel with item components, and prefers a recorded mean', () => {
    const comp = (code: string, v: number) => ({ code: { coding: [{ system: b.LOINC, code }] }, valueInteger: v });
    const panel = b.obs('91148-7', 0, '2026-04-01', { valueQuantity: undefined, component: [comp('75893-8', 5), comp('91145-3', 4), comp('91146-1', 4)] });
    const withMean = b.obs('91147-9', 4.5, '2026-05-01', { component: [comp('75893-8', 5), comp('91145-3', 4), comp('91146-1', 4)] });
    const entries = readPeg(read([panel, withMean]), P);
    expect(entries.map((e) => [e.date, e.mean, e.derivedFromItems ?? false])).toEqual([
      ['2026-04-01', 13 / 3, true],
      ['2026-05-01', 4.5, false],
    ]);
  });

  it('two items only: no mean (never guessed)', () => {
    expect(readPeg(read([b.obs('75893-8', 7, '2026-05-01'), b.obs('91145-3', 6, '2026-05-01')]), P)).toEqual([]);
  });

  it('% change from the first PEG of the current course and from the previous one; ≥30% improvement marked', () => {
    const entries = readPeg(read([b.peg(8, '2025-01-01'), b.peg(7, '2026-01-10'), b.peg(5.5, '2026-03-01'), b.peg(4.9, '2026-05-01')]), P);
    const h = pegHistory(entries, '2026-01-05', P);
    expect(h.baseline?.date).toBe('2026-01-10');
    expect(h.baselineRule).toMatch(/course started 2026-01-05/);
    const rows = h.entries.map((e) => [e.date, e.changeFromBaselinePct === null ? null : Math.round(e.changeFromBaselinePct * 10) / 10, e.improved30]);
    expect(rows).toEqual([
      ['2025-01-01', null, false],
      ['2026-01-10', null, false],
      ['2026-03-01', -21.4, false],
      ['2026-05-01', -30, true], // (4.9 − 7) / 7 = −30% exactly
    ]);
    expect(h.entries[3].changeFromPreviousPct).toBeCloseTo(((4.9 - 5.5) / 5.5) * 100, 6);
  });

  it('without a current course the first PEG on file is the baseline (said so)', () => {
    const h = pegHistory(readPeg(read([b.peg(6, '2026-01-01'), b.peg(3, '2026-02-01')]), P), null, P);
    expect([h.baseline?.date, h.entries[1].improved30, h.baselineRule]).toEqual(['2026-01-01', true, 'No current opioid course: first PEG on file used']);
  });
});

describe('surveys: panels are not totals (pitfall 10)', () => {
  it('PHQ-9 total from 44261-6 with its band; the 44249-1 panel value itself is not read as a score', () => {
    const rs = [b.phq9(14, '2026-01-01'), b.obs('44249-1', 99, '2026-02-01')];
    expect(readPhq9(read(rs), P).map((e) => [e.date, e.value, e.band])).toEqual([['2026-01-01', 14, 'moderate']]);
  });
  it('PHQ-9 panel with nine item components is summed', () => {
    const items = ['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8'];
    const panel = b.obs('44249-1', 0, '2026-03-01', { valueQuantity: undefined, component: items.map((code, i) => ({ code: { coding: [{ system: b.LOINC, code }] }, valueInteger: i === 8 ? 1 : 2 })) });
    const [e] = readPhq9(read([panel]), P);
    expect([e.value, e.band, e.item9]).toEqual([17, 'moderately severe', 1]);
  });
  it.each([[0, 'minimal'], [4, 'minimal'], [5, 'mild'], [9, 'mild'], [10, 'moderate'], [14, 'moderate'], [15, 'severe'], [21, 'severe']])('GAD-7 %i → %s', (score, band) => {
    expect(readGad7(read([b.gad7(score, '2026-01-01')]), P)[0].band).toBe(band);
  });
  it('preliminary and entered-in-error scores are ignored; future-dated ones too', () => {
    const rs = [b.phq9(20, '2026-01-01'), { ...b.phq9(3, '2026-02-01'), status: 'preliminary' } as Observation, b.phq9(1, '2026-07-01')];
    expect(readPhq9(read(rs), P).map((e) => e.value)).toEqual([20]);
  });
});

describe('UDT result reading', () => {
  const cc = (code: string) => ({ valueString: undefined, valueQuantity: undefined, valueCodeableConcept: { coding: [{ system: b.SCT, code }] } });
  it.each<[string, Partial<Observation>, string]>([
    ['valueString "Positive"', { valueString: 'Positive' }, 'positive'],
    ['valueString "neg"', { valueString: 'neg' }, 'negative'],
    ['valueString "Not detected"', { valueString: 'Not detected' }, 'negative'],
    ['SNOMED 10828004 positive', cc('10828004'), 'positive'],
    ['SNOMED 260385009 negative', cc('260385009'), 'negative'],
    ['SNOMED 260373001 detected', cc('260373001'), 'positive'],
    ['SNOMED 260415000 not detected', cc('260415000'), 'negative'],
    ['300 ng/mL vs cut-off 300', { valueString: undefined, valueQuantity: { value: 300, unit: 'ng/mL' }, referenceRange: [{ high: { value: 300 } }] }, 'positive'],
    ['120 ng/mL vs cut-off 300', { valueString: undefined, valueQuantity: { value: 120, unit: 'ng/mL' }, referenceRange: [{ high: { value: 300 } }] }, 'negative'],
    ['quantity without cut-off', { valueString: undefined, valueQuantity: { value: 120 } }, 'unknown'],
  ])('%s', (_n, extra, reading) => {
    expect(readUdtResult(b.obs('19295-5', 'x', '2026-01-01', extra)).reading).toBe(reading);
  });
});

describe('unexpected UDT results — "review with the clinician", never a label', () => {
  const AS = '2026-06-01';
  function findings(tests: Observation[], meds: Resource[]) {
    const rs = [b.patient(), ...meds, ...tests];
    const orders = substancesOf(rs);
    return unexpectedFindings(readUdtTests(read(rs, AS), P), (d) => prescribedAround(orders, d, 30, 730));
  }
  const oxy = () => b.oxycodone5(4, { authoredOn: '2026-05-01' });
  const rows: [string, Observation[], Resource[], string[]][] = [
    ['oxycodone prescribed, oxycodone positive → expected', [b.obs('19642-8', 'Positive', '2026-05-20')], [oxy()], []],
    ['oxycodone prescribed, oxycodone negative → unexpected negative', [b.obs('19642-8', 'Negative', '2026-05-20')], [oxy()], ['unexpected-negative']],
    ['nothing prescribed, oxycodone negative → expected', [b.obs('19642-8', 'Negative', '2026-05-20')], [], []],
    ['cocaine positive → unexpected positive', [b.obs('3393-6', 'Positive', '2026-05-20')], [oxy()], ['unexpected-positive']],
    ['benzodiazepine positive with alprazolam prescribed → expected', [b.obs('14316-4', 'Positive', '2026-05-20')], [oxy(), b.alprazolam({ authoredOn: '2026-05-01' })], []],
    ['benzodiazepine positive without a prescription → unexpected', [b.obs('14316-4', 'Positive', '2026-05-20')], [oxy()], ['unexpected-positive']],
    ['fentanyl positive on oxycodone → unexpected', [b.obs('59673-4', 'Positive', '2026-05-20')], [oxy()], ['unexpected-positive']],
    ['order authored after the test does not explain it', [b.obs('19642-8', 'Positive', '2026-04-10')], [oxy()], ['unexpected-positive']],
    ['panel with analyte components: each component is read', [b.obs('65750-2', 'see components', '2026-05-20', { valueString: undefined, component: [
      { code: { coding: [{ system: b.LOINC, code: '19642-8' }] }, valueString: 'Positive' },
      { code: { coding: [{ system: b.LOINC, code: '3393-6' }] }, valueCodeableConcept: { coding: [{ system: b.SCT, code: '10828004' }] } },
    ] })], [oxy()], ['unexpected-positive']],
    ['order authored 20 days before the test explains it', [b.obs('19642-8', 'Positive', '2026-05-21')], [oxy()], []],
  ];
  it.each(rows)('%s', (_n, tests, meds, kinds) => {
    const f = findings(tests, meds);
    expect(f.map((x) => x.kind)).toEqual(kinds);
    for (const x of f) {
      expect(x.text).toMatch(/^Unexpected result — review with the clinician/);
      expect(x.text).not.toMatch(/fail|dirty|abuse|violation/i);
    }
  });
});
