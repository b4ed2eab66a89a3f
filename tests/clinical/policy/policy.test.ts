import { readFileSync } from 'node:fs';
import { DEFAULT_POLICY, parsePolicy, parsePolicyText } from '../../../src/clinical/policy/index.ts';

const clone = () => JSON.parse(JSON.stringify(DEFAULT_POLICY));

describe('clinic policy file', () => {
  it('public/policy.json is the shipped default and parses', () => {
    const text = readFileSync(new URL('../../../public/policy.json', import.meta.url), 'utf8');
    const parsed = parsePolicyText(text);
    expect(parsed).toEqual({ ok: true, policy: DEFAULT_POLICY });
  });

  it('carries the issue 4 default numbers', () => {
    const p = DEFAULT_POLICY;
    expect([p.risk.highMme.value, p.risk.moderateMme.value, p.risk.ortHigh.value, p.risk.ortModerate.value]).toEqual([90, 50, 8, 4]);
    expect(p.intervals.pdmp).toMatchObject({ low: 90, moderate: 90, high: 30 });
    expect(p.intervals.udt).toMatchObject({ low: 365, moderate: 180, high: 90 });
    expect(p.intervals.agreement).toMatchObject({ low: 365, moderate: 365, high: 365 });
    expect(p.intervals.phq9).toMatchObject({ low: 365, moderate: 180, high: 180 });
    expect([p.dueSoonDays.value, p.peg.overdueDays.value, p.naloxone.lookbackDays.value, p.naloxone.mme.value]).toEqual([30, 90, 730, 50]);
  });

  const bad: [string, (p: any) => void, string][] = [
    ['negative interval', (p) => (p.intervals.udt.high = -5), 'intervals.udt.high: expected a positive integer'],
    ['fractional interval', (p) => (p.intervals.pdmp.low = 12.5), 'intervals.pdmp.low: expected a positive integer'],
    ['string threshold', (p) => (p.risk.highMme.value = '90'), 'risk.highMme.value: expected a non-negative number'],
    ['missing source', (p) => delete p.risk.ortHigh.source, 'risk.ortHigh.source: expected a non-empty string'],
    ['missing section', (p) => delete p.naloxone, 'naloxone: missing'],
    ['misspelt key', (p) => (p.intervals.udt.hihg = 90), 'intervals.udt.hihg: unknown field'],
    ['code without system', (p) => (p.codes.agreement.codes = [{ code: '94136-9' }]), 'codes.agreement.codes[0].system: expected a non-empty string'],
    ['codes not an array', (p) => (p.codes.pdmpProcedure.codes = 'x'), 'codes.pdmpProcedure.codes: expected an array of {system, code}'],
    ['zero look-back', (p) => (p.naloxone.lookbackDays.value = 0), 'naloxone.lookbackDays.value: expected a positive integer'],
    ['moderate above high', (p) => (p.risk.moderateMme.value = 120), 'risk.moderateMme.value: must be below risk.highMme.value'],
    ['wrong version', (p) => (p.version = 2), 'version: expected 1'],
  ];
  it.each(bad)('rejects %s with an error naming the field', (_name, mutate, error) => {
    const p = clone();
    mutate(p);
    const result = parsePolicy(p);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContain(error);
  });

  it('reports every error at once, and JSON syntax errors', () => {
    const p = clone();
    p.intervals.udt.high = 0;
    p.dueSoonDays.value = -1;
    const r = parsePolicy(p);
    expect(r.ok ? [] : r.errors).toEqual(['intervals.udt.high: expected a positive integer', 'dueSoonDays.value: expected a positive integer']);
    const t = parsePolicyText('{ "version": 1,');
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.errors[0]).toMatch(/^policy: not valid JSON/);
    expect(parsePolicy([]).ok).toBe(false);
  });

  it('accepts a clinic variant (120 MME high, 60-day high-tier UDT, local PDMP code)', () => {
    const p = clone();
    p.risk.highMme.value = 120;
    p.intervals.udt.high = 60;
    p.codes.pdmpObservation.codes.push({ system: 'urn:oid:1.2.3.4', code: 'PDMP-CHECKED' });
    expect(parsePolicy(p).ok).toBe(true);
  });
});
