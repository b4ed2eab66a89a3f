/**
 * `summarize` with the issue 4 keys: risk {tier, reasons[{id, text, source}]} and monitoring
 * [{item, status, lastDate, dueDate, reason}], and `--policy <file>` (default public/policy.json; a bad file is a
 * usage error naming the field).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT as root, summarize } from './run-summarize.ts';

const dir = mkdtempSync(join(tmpdir(), 'summarize-risk-'));
const scenario = (name: string) => join(root, 'fhir-fixtures/scenarios', name);

const policyFile = (mutate: (p: any) => void) => {
  const p = JSON.parse(readFileSync(join(root, 'public/policy.json'), 'utf8'));
  mutate(p);
  const path = join(dir, `policy-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(p));
  return path;
};

describe('summarize: risk and monitoring', () => {
  it('prints the tier with reasons and the seven monitoring items for scenario patients', async () => {
    const { code, stdout, stderr } = await summarize([scenario('moderate-tier-mme-60.json'), scenario('overdue-udt-and-pdmp.json'), '--as-of', '2026-03-16']);
    expect([code, stderr]).toEqual([0, '']);
    const [a, b] = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(a.risk).toEqual({ tier: 'moderate', reasons: [{ id: 'M1-mme-50', text: 'Total MME 60 MME/day is 50–89', source: expect.stringContaining("Your clinic's policy: 50–89 MME/day is moderate"), citations: expect.arrayContaining([expect.objectContaining({ label: expect.stringContaining('Recommendation 4') })]) }] });
    expect(a.monitoring.map((m: { item: string }) => m.item)).toEqual(['pdmp', 'udt', 'agreement', 'peg', 'phq9', 'ort', 'naloxone']);
    for (const m of a.monitoring) expect(Object.keys(m)).toEqual(expect.arrayContaining(['item', 'status', 'lastDate', 'dueDate', 'reason']));
    expect(b.monitoring.find((m: { item: string }) => m.item === 'udt')).toMatchObject({ status: 'overdue', lastDate: '2025-08-28', dueDate: '2026-02-24' });
    expect(b.monitoring.find((m: { item: string }) => m.item === 'pdmp')).toMatchObject({ status: 'overdue', lastDate: '2025-11-16', dueDate: '2026-02-14' });
  });

  it('--policy changes thresholds and intervals without rebuilding', async () => {
    const strict = policyFile((p) => {
      p.risk.moderateMme.value = 20;
      p.intervals.pdmp.moderate = 30;
    });
    const { code, stdout } = await summarize([scenario('low-tier-all-up-to-date.json'), '--as-of', '2026-03-16', '--policy', strict]);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.risk.tier).toBe('low'); // 10 MME is still under 20
    const lowered = policyFile((p) => (p.risk.moderateMme.value = 10));
    const again = JSON.parse((await summarize([scenario('low-tier-all-up-to-date.json'), '--as-of', '2026-03-16', '--policy', lowered])).stdout);
    expect(again.risk.tier).toBe('moderate');
    expect(again.monitoring.find((m: { item: string }) => m.item === 'pdmp').dueDate).toBe('2026-06-02');
  });

  it('a bad policy file is a usage error (exit 2) naming the field', async () => {
    const bad = policyFile((p) => (p.intervals.udt.high = -5));
    const { code, stdout, stderr } = await summarize([scenario('low-tier-all-up-to-date.json'), '--as-of', '2026-03-16', '--policy', bad]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('intervals.udt.high: expected a positive integer');
    const missing = await summarize([scenario('low-tier-all-up-to-date.json'), '--as-of', '2026-03-16', '--policy', join(dir, 'nope.json')]);
    expect([missing.code, missing.stderr.includes('cannot read')]).toEqual([2, true]);
  });
});
