/**
 * The sig reader over the corpus of real-world sigs (tests/clinical/sig/corpus.ts): parsed rows must read
 * exactly as expected (dose, timing, PRN, maximum, route), with a non-empty reading and the original text kept;
 * not-parsed rows must be refused with the expected kind of reason.
 */
import { parseSig } from '../../../src/clinical/sig/index.ts';
import { CORPUS, SOURCES, summarize } from './corpus.ts';

const parsedRows = CORPUS.filter((r) => !('notParsed' in r.expected));
const refusedRows = CORPUS.filter((r) => 'notParsed' in r.expected);

describe('sig corpus', () => {
  it('has at least 200 real (not written-here) sigs, each with a listed source, no duplicates', () => {
    const real = CORPUS.filter((r) => r.source !== 'variant');
    expect(real.length).toBeGreaterThanOrEqual(200);
    for (const r of CORPUS) expect(SOURCES[r.source]).toBeTruthy();
    expect(new Set(CORPUS.map((r) => r.sig)).size).toBe(CORPUS.length);
  });

  test.each(parsedRows.map((r) => [r.sig, r] as const))('reads %j', (_sig, row) => {
    const result = parseSig(row.sig);
    if (!result.ok) throw new Error(`not parsed: ${result.reason}`);
    expect(summarize(result.reading.dosage)).toEqual(row.expected);
    expect(result.reading.dosage.text).toBe(row.sig);
    expect(result.reading.reading.trim()).not.toBe('');
  });

  test.each(refusedRows.map((r) => [r.sig, r] as const))('refuses %j', (_sig, row) => {
    const result = parseSig(row.sig);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason.trim()).not.toBe('');
    if ('notParsed' in row.expected) expect(result.reason).toContain(row.expected.reason);
  });
});
