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
    ['missing source', (p) => delete p.risk.ortHigh.source, 'risk.ortHigh.source: expected a non-empty list of citations [{label, url}]'],
    ['empty source list', (p) => (p.intervals.udt.source = []), 'intervals.udt.source: expected a non-empty list of citations [{label, url}]'],
    ['citation without label', (p) => (p.risk.highMme.source = [{ url: 'https://example.org' }]), 'risk.highMme.source[0].label: expected a non-empty string'],
    ['citation link that is not a web address', (p) => (p.peg.overdueDays.source[0].url = 'javascript:alert(1)'), 'peg.overdueDays.source[0].url: expected an http or https address'],
    ['citation with an unknown field', (p) => (p.codes.pegPanel.source[0].title = 'x'), 'codes.pegPanel.source[0].title: unknown field'],
    ['top-level source not a list', (p) => (p.source = { label: 'x' }), 'source: expected a non-empty list of citations [{label, url}]'],
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

  it('reads a plain-text source (the format before citations) as one citation without a link', () => {
    const p = clone();
    p.risk.highMme.source = 'Our pain committee, 2024';
    const r = parsePolicy(p);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.policy.risk.highMme.source).toEqual([{ label: 'Our pain committee, 2024' }]);
  });

  it('every default source is a public citation: a title, an https link or the clinic\'s choice, no internal references', () => {
    const citations: { label: string; url?: string }[] = [];
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) return v.forEach(collect);
      if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) (k === 'source' ? citations.push(...(x as typeof citations)) : collect(x));
      }
    };
    collect(DEFAULT_POLICY);
    expect(citations.length).toBeGreaterThan(40);
    for (const c of citations) {
      expect(c.label).not.toMatch(/clinical-rules|\.md\b|§|issue \d|\bpolicy [a-z]+\.|\bpitfall|team guide|\bPMC\d+\b|\b[HMLU]\d-[a-z]|\.cql\b|proposal/i);
      if (c.url) expect(c.url).toMatch(/^https:\/\//);
      else expect(c.label).toMatch(/^(Clinic choice|Your clinic)/);
    }
  });

  it('accepts a clinic variant (120 MME high, 60-day high-tier UDT, local PDMP code)', () => {
    const p = clone();
    p.risk.highMme.value = 120;
    p.intervals.udt.high = 60;
    p.codes.pdmpObservation.codes.push({ system: 'urn:oid:1.2.3.4', code: 'PDMP-CHECKED' });
    expect(parsePolicy(p).ok).toBe(true);
  });
});
