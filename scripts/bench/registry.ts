/**
 * `npm run bench:registry`: time and peak memory of the command-line registry for 1,000 and 10,000
 * generated patients (scripts/gen-cohort.ts, typical records), each run in a child process under
 * /usr/bin/time -v (peak RSS = "Maximum resident set size"). Then, when the browser build and the
 * sandbox exist, the browser registry's time for 1,000 patients (scripts/bench/registry-browser.ts).
 * Targets: linear growth; 10,000 patients < 60 s with peak memory < 1 GB.
 *   npm run bench:registry [-- --sizes 1000,10000] [--skip-browser]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCohort } from '../gen-cohort.ts';

const AS_OF = '2025-06-30';
const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const sizes = (arg('sizes') ?? '1000,10000').split(',').map(Number);

export interface CliBench { patients: number; seconds: number; peakMb: number; cohort: unknown; exit: number }

export async function benchCli(patients: number): Promise<CliBench> {
  const dir = join(tmpdir(), `pcp-bench-cohort-${patients}`);
  if (!existsSync(join(dir, 'Patient.ndjson'))) {
    mkdirSync(dir, { recursive: true });
    await generateCohort({ patients, out: dir, asOf: AS_OF, seed: 7 });
  }
  const csv = join(tmpdir(), `pcp-bench-registry-${patients}.csv`);
  const started = process.hrtime.bigint();
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, '--max-old-space-size=1024', '--import', 'tsx',
    'src/cli/registry.ts', dir, '--as-of', AS_OF, '--csv', csv], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
  let cohort: unknown = null;
  try {
    cohort = JSON.parse(run.stdout).cohort;
  } catch {
    process.stderr.write(run.stderr.slice(-2000));
  }
  rmSync(csv, { force: true });
  return { patients, seconds: Math.round(seconds * 10) / 10, peakMb: rss ? Math.round(Number(rss[1]) / 1024) : NaN, cohort, exit: run.status ?? -1 };
}

if (process.argv[1]?.endsWith('registry.ts')) {
  const results: CliBench[] = [];
  for (const n of sizes) {
    const r = await benchCli(n);
    results.push(r);
    console.log(`command-line registry, ${n} patients: ${r.seconds} s, peak RSS ${r.peakMb} MB (exit ${r.exit}) cohort ${JSON.stringify(r.cohort)}`);
  }
  if (results.length > 1) {
    const [a, b] = [results[0], results.at(-1)!];
    console.log(`growth ×${(b.seconds / a.seconds).toFixed(1)} time for ×${b.patients / a.patients} patients (linear = ×${b.patients / a.patients})`);
  }
  const ok = results.every((r) => r.exit === 0 && (r.patients < 10_000 || (r.seconds < 60 && r.peakMb < 1024)));
  console.log(ok ? 'targets met (10,000 < 60 s, < 1 GB)' : 'TARGETS NOT MET');
  if (!process.argv.includes('--skip-browser')) {
    const browser = join(import.meta.dirname, 'registry-browser.ts');
    if (existsSync(browser)) {
      const m = (await import(browser)) as { benchBrowser: (n: number) => Promise<string>; benchBrowserSandbox: (n: number) => Promise<string> };
      console.log(await m.benchBrowserSandbox(1000));
      console.log(await m.benchBrowser(1000));
    } else console.log('browser registry benchmark: not available');
  }
  process.exitCode = ok ? 0 : 1;
}
