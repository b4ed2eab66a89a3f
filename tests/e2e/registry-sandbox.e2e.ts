/**
 * The clinic registry in the real app on the sandbox: EHR launch from the clinic-level menu (no
 * patient, user-level scopes), cohort by Bulk Data, filter "UDT overdue", open a patient's panel.
 * Needs the built app (dist/): `npm run test:e2e` builds it first.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, type Browser, type FrameLocator } from 'playwright-core';
import { generateCohort } from '../../scripts/gen-cohort.ts';
import { CHROMIUM } from '../../scripts/bench/registry-browser.ts';
import { startSandbox, type Sandbox } from '../../scripts/sandbox/server.ts';

let sandbox: Sandbox;
let browser: Browser;
let app: FrameLocator;

beforeAll(async () => {
  if (!existsSync('dist/index.html')) throw new Error('dist/ is missing: run "vite build" (npm run test:e2e does)');
  const cohort = join(tmpdir(), 'pcp-e2e-cohort-120');
  if (!existsSync(join(cohort, 'Patient.ndjson'))) await generateCohort({ patients: 120, out: cohort, asOf: '2025-06-30', seed: 5 });
  sandbox = await startSandbox({ port: 0, appPort: 0, appDir: 'dist', dataDirs: [cohort], quiet: true });
  browser = await chromium.launch(CHROMIUM);
  const page = await browser.newPage();
  await page.goto(`${sandbox.baseUrl}/ehr/launch?clinic=1`);
  app = page.frameLocator('iframe[title="Pain Care Panel"]');
  await app.getByText(/read by Bulk Data export in [\d.]+ s/).waitFor({ timeout: 120_000 });
});
afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
});

describe('clinic registry on the sandbox', () => {
  it('opens without a patient, filters to "UDT overdue" and opens a patient\'s panel', async () => {
    const counts = async () => /(\d+) of (\d+) patients/.exec((await app.getByText(/\d+ of \d+ patients/).textContent()) ?? '')!.slice(1).map(Number);
    const [, total] = await counts();
    expect(total).toBeGreaterThan(80);
    await app.getByRole('button', { name: 'UDT overdue' }).click();
    const [shown] = await counts();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    const open = app.getByRole('table', { name: 'Clinic registry' }).getByRole('button', { name: /^Open panel of / }).first();
    const name = ((await open.getAttribute('aria-label')) ?? '').replace('Open panel of ', '');
    await open.click();
    // The patient's panel: its header names the patient, the MME section renders from the same session.
    await app.getByText(name.split(', ')[0]).first().waitFor({ timeout: 60_000 });
    await expect(app.getByRole('table', { name: 'Clinic registry' }).count()).resolves.toBe(0);
  });
});
