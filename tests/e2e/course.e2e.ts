/**
 * Real EHR records and the opioid course in the browser, through the local SMART sandbox: the Epic-shaped patient
 * (fhir-fixtures/vendor) shows the renewal counted once, the outside benzodiazepine fill, the dose history with its
 * escalation flag, non-opioid care, and the refill request check works on screen.
 */
import type { Browser } from 'playwright-core';
import { ehrLaunch, launchBrowser, runAxe, saveScreenshot, startE2E, type E2EEnv } from './support/index.ts';

let env: E2EEnv;
let browser: Browser;

beforeAll(async () => {
  env = await startE2E();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await env?.stop();
});

describe('course, fills and refill request on the sandbox', () => {
  it('Epic-shaped record: renewal counted once, fill-only benzodiazepine, dose history and flag, non-opioid care, refill check', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const app = await ehrLaunch(page, 'Grace Epicson', env);
    await app.getByTestId('mme-total').waitFor({ timeout: 30_000 });
    expect(await app.getByTestId('mme-total').innerText()).toMatch(/^60 MME\/day/);
    expect(await app.getByTestId('risk-tier').innerText()).toMatch(/High/);
    const course = app.locator('#course');
    await course.getByTestId('dose-history').waitFor();
    expect(await course.getByTestId('course-flags').innerText()).toMatch(/Dose increase to review/);
    const care = await app.getByTestId('non-opioid-care').innerText();
    expect(care).toMatch(/DULoxetine/i);
    expect(care).toMatch(/physical therapy/);
    await app.getByTestId('open-refill').click();
    await app.getByTestId('refill-view').waitFor();
    expect(await app.getByTestId('refill-mme').innerText()).toMatch(/60 MME\/day/);
    expect(await app.getByTestId('refill-supply').innerText()).toMatch(/Last fill \d\d\/\d\d\/\d{4}; supply runs out \d\d\/\d\d\/\d{4}/);
    await saveScreenshot(page, 'course-refill-grace-epicson');
    const { violations } = await runAxe(app);
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  });
});
