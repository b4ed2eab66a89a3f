/**
 * `registry` as analysts run it: a child process over a generated folder (threads, real engine),
 * usage and policy errors with their exit codes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCohort } from '../../scripts/gen-cohort.ts';

const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/registry.ts', ...args], { encoding: 'utf8', timeout: 120_000 });

describe('registry command', { timeout: 120_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'registry-cli-'));
    await generateCohort({ patients: 80, out: join(dir, 'in'), asOf: '2025-06-30', seed: 11 });
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('prints the measures as JSON and writes the CSV; two threads give the same result as one', async () => {
    const two = run([join(dir, 'in'), '--as-of', '2025-06-30', '--csv', join(dir, 'out.csv'), '--threads', '2', '--months', '3']);
    expect(two.status).toBe(0);
    const a = JSON.parse(two.stdout);
    expect(a.cohort.opioid).toBeGreaterThan(50);
    expect(a.definitions.map((d: { id: string }) => d.id)).toContain('udt-policy');
    const csv = await readFile(join(dir, 'out.csv'), 'utf8');
    expect(csv.split('\r\n').length - 2).toBe(a.cohort.opioid);
    const one = JSON.parse(run([join(dir, 'in'), '--as-of', '2025-06-30', '--threads', '1', '--months', '3']).stdout);
    expect(one.measures).toEqual(a.measures);
    expect(one.runChart).toEqual(a.runChart);
  });

  it('usage errors exit 2, an invalid policy exits 1 naming the field', async () => {
    const usage = run([join(dir, 'in')]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/--as-of YYYY-MM-DD is required/);
    await writeFile(join(dir, 'bad-policy.json'), JSON.stringify({ version: 1 }));
    const bad = run([join(dir, 'in'), '--as-of', '2025-06-30', '--policy', join(dir, 'bad-policy.json')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/policy .* is not valid/);
  });
});
