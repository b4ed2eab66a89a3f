/**
 * `npm run bench:registry`: time and peak memory of the command-line registry for 1,000 and 10,000
 * generated patients (scripts/gen-cohort.ts, typical records), each run in a child process under
 * /usr/bin/time -v (peak RSS = "Maximum resident set size"). Then, when the browser build and the
 * sandbox exist, the browser registry's time for 1,000 patients (scripts/bench/registry-browser.ts).
 * Prints one table: seconds, patients/s and peak memory per run, with the targets beside them (issue 15:
 * command line 10,000 patients ≤ 15 s and < 1 GB; browser 1,000 patients ≤ 4 s from the click). Targets are
 * printed, not enforced: the exit code is 1 only when a run fails.
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

/** `cpuSeconds` (user + system, all threads) is the figure to compare on a machine shared with other work. */
export interface CliBench { patients: number; seconds: number; cpuSeconds: number; peakMb: number; cohort: unknown; exit: number }

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
  const cpu = ['User', 'System'].reduce((s, k) => s + Number(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(run.stderr)?.[1] ?? NaN), 0);
  let cohort: unknown = null;
  try {
    cohort = JSON.parse(run.stdout).cohort;
  } catch {
    process.stderr.write(run.stderr.slice(-2000));
  }
  rmSync(csv, { force: true });
  return { patients, seconds: Math.round(seconds * 10) / 10, cpuSeconds: Math.round(cpu * 10) / 10, peakMb: rss ? Math.round(Number(rss[1]) / 1024) : NaN, cohort, exit: run.status ?? -1 };
}

interface Line { what: string; patients: number; seconds: number; cpuSeconds?: number; peakMb?: number; target?: string; met?: boolean }

const TARGET_CLI_10K = { seconds: 15, peakMb: 1024 };
const TARGET_BROWSER_1K = 4;

function table(lines: Line[]): string {
  const head = ['run', 'patients', 'seconds', 'patients/s', 'CPU s', 'peak MB', 'target', ''];
  const rows = lines.map((l) => [
    l.what, l.patients.toLocaleString('en-US'), Number.isFinite(l.seconds) ? l.seconds.toFixed(1) : '—',
    Number.isFinite(l.seconds) && l.seconds > 0 ? Math.round(l.patients / l.seconds).toLocaleString('en-US') : '—',
    l.cpuSeconds === undefined || !Number.isFinite(l.cpuSeconds) ? '—' : l.cpuSeconds.toFixed(1),
    l.peakMb === undefined || !Number.isFinite(l.peakMb) ? '—' : String(l.peakMb), l.target ?? '', l.met === undefined ? '' : l.met ? 'met' : 'NOT MET',
  ]);
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === 0 || i >= 6 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('  ').trimEnd();
  return [fmt(head), width.map((w) => '-'.repeat(w)).join('  ').trimEnd(), ...rows.map(fmt)].join('\n');
}

if (process.argv[1]?.endsWith('registry.ts')) {
  const lines: Line[] = [];
  const results: CliBench[] = [];
  for (const n of sizes) {
    const r = await benchCli(n);
    results.push(r);
    console.log(`command-line registry, ${n} patients: ${r.seconds} s, peak RSS ${r.peakMb} MB (exit ${r.exit}) cohort ${JSON.stringify(r.cohort)}`);
    const big = n >= 10_000;
    lines.push({ what: 'command line', patients: n, seconds: r.exit === 0 ? r.seconds : NaN, cpuSeconds: r.cpuSeconds, peakMb: r.peakMb,
      ...(big ? { target: `≤ ${TARGET_CLI_10K.seconds} s, < ${TARGET_CLI_10K.peakMb} MB`, met: r.exit === 0 && r.seconds <= TARGET_CLI_10K.seconds && r.peakMb < TARGET_CLI_10K.peakMb } : {}) });
  }
  if (results.length > 1) {
    const [a, b] = [results[0], results.at(-1)!];
    console.log(`growth ×${(b.seconds / a.seconds).toFixed(1)} time for ×${b.patients / a.patients} patients (linear = ×${b.patients / a.patients})`);
  }
  if (!process.argv.includes('--skip-browser')) {
    const browser = join(import.meta.dirname, 'registry-browser.ts');
    if (existsSync(browser)) {
      const m = (await import(browser)) as typeof import('./registry-browser.ts');
      const target = (s: number) => ({ target: `≤ ${TARGET_BROWSER_1K} s from the click`, met: s <= TARGET_BROWSER_1K });
      const sandbox = await m.benchBrowserSandbox(1000);
      console.log(sandbox.text);
      lines.push({ what: 'browser, sandbox EHR launch: from the click', patients: 1000, seconds: sandbox.fromClick, ...target(sandbox.fromClick) });
      lines.push({ what: 'browser, sandbox EHR launch: in the worker', patients: 1000, seconds: sandbox.inWorker });
      const harness = await m.benchBrowser(1000);
      console.log(harness.text);
      lines.push({ what: 'browser, registry harness: from navigation', patients: 1000, seconds: harness.fromClick, ...target(harness.fromClick) });
      lines.push({ what: 'browser, registry harness: in the worker', patients: 1000, seconds: harness.inWorker });
    } else console.log('browser registry benchmark: not available');
  }
  console.log(`\n${table(lines)}\n(seconds: wall clock; CPU s: user + system over all threads, the figure to compare when other work shares the machine)`);
  process.exitCode = results.every((r) => r.exit === 0) ? 0 : 1;
}
