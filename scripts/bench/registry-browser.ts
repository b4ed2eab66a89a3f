/**
 * Browser registry time for N generated patients: the real RegistryView + Web Worker in headless
 * Chromium, reading the cohort by Bulk Data through the sandbox's bulk module (registry-harness.ts).
 * Time = navigation to "registry done": fetch, engine per patient, measures and run chart.
 *   npx tsx scripts/bench/registry-browser.ts [--patients 1000]
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { generateCohort } from '../gen-cohort.ts';
import { startSandbox } from '../sandbox/server.ts';
import { HARNESS_AS_OF, startRegistryHarness } from './registry-harness.ts';

export const CHROMIUM = { executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] };

/** One browser run: seconds from navigation / the EHR menu click to "done", and inside the worker. */
export interface BrowserBench {
  patients: number;
  inRegistry: number;
  fromClick: number;
  inWorker: number;
  text: string;
}

const figures = (patients: number, wall: number, text: string) => ({
  patients, fromClick: wall, inRegistry: Number(/(\d+) in the registry/.exec(text)?.[1]), inWorker: Number(/in ([\d.]+) s/.exec(text)?.[1]),
});

export async function benchBrowser(patients: number): Promise<BrowserBench> {
  const harness = await startRegistryHarness(patients);
  const browser = await chromium.launch(CHROMIUM);
  try {
    const page = await browser.newPage();
    const t0 = Date.now();
    await page.goto(harness.url);
    const done = page.getByText(/read by Bulk Data export in [\d.]+ s/);
    await done.waitFor({ timeout: 600_000 });
    const wall = (Date.now() - t0) / 1000;
    const text = (await done.textContent()) ?? '';
    const f = figures(patients, wall, text);
    return { ...f, text: `browser registry, ${patients} patients (${f.inRegistry} in the registry), Bulk Data via the sandbox bulk module: ` +
      `${wall.toFixed(1)} s wall, ${f.inWorker} s in the worker` };
  } finally {
    await browser.close();
    await harness.close();
  }
}

/**
 * The same against the sandbox and the real app: clinic-level EHR launch (SMART, user-level scopes),
 * the sandbox's Bulk Data, the registry view in the app's iframe. Time = EHR menu click to "done".
 */
export async function benchBrowserSandbox(patients: number): Promise<BrowserBench> {
  const cohort = join(tmpdir(), `pcp-bench-cohort-${patients}`);
  if (!existsSync(join(cohort, 'Patient.ndjson'))) await generateCohort({ patients, out: cohort, asOf: HARNESS_AS_OF, seed: 7 });
  const dist = await mkdtemp(join(tmpdir(), 'pcp-dist-'));
  await build({ configFile: join(import.meta.dirname, '../../vite.config.ts'), logLevel: 'error', build: { outDir: dist, emptyOutDir: true } });
  const t0 = Date.now();
  const sandbox = await startSandbox({ port: 0, appPort: 0, appDir: dist, dataDirs: [cohort], quiet: true });
  const loaded = (Date.now() - t0) / 1000;
  const browser = await chromium.launch(CHROMIUM);
  try {
    const page = await browser.newPage();
    const t1 = Date.now();
    await page.goto(`${sandbox.baseUrl}/ehr/launch?clinic=1`);
    const done = page.frameLocator('iframe[title="Pain Care Panel"]').getByText(/read by Bulk Data export in [\d.]+ s/);
    await done.waitFor({ timeout: 600_000 });
    const wall = (Date.now() - t1) / 1000;
    const text = (await done.textContent()) ?? '';
    const f = figures(patients, wall, text);
    return { ...f, text: `browser registry on the sandbox (real app, SMART EHR launch, Bulk Data), ${patients} generated patients ` +
      `(${f.inRegistry} in the registry): ${wall.toFixed(1)} s from the EHR menu to done, ` +
      `${f.inWorker} s in the worker (sandbox start with the data: ${loaded.toFixed(1)} s)` };
  } finally {
    await browser.close();
    await sandbox.close();
    await rm(dist, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('registry-browser.ts')) {
  const i = process.argv.indexOf('--patients');
  const n = i > 0 ? Number(process.argv[i + 1]) : 1000;
  console.log((await benchBrowserSandbox(n)).text);
  console.log((await benchBrowser(n)).text);
}
