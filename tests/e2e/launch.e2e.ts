/**
 * The walking skeleton through a real SMART launch in headless Chromium: EHR launch from the sandbox's EHR page,
 * standalone launch through the patient picker, and the clear error pages for a tampered token and a denied
 * authorization.
 */
import type { Browser, Frame } from 'playwright-core';
import { ehrLaunch, launchBrowser, runAxe, saveScreenshot, standaloneLaunch, startE2E, type E2EEnv } from './support/index.ts';

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

const headerName = (frame: Frame | import('playwright-core').Page) => frame.getByTestId('patient-name').innerText();

describe('SMART launch through the local sandbox', () => {
  it('EHR launch from the EHR page shows the patient in the panel header', async () => {
    const page = await browser.newPage();
    const app = await ehrLaunch(page, 'Lonnie Von', env);
    await app.getByTestId('patient-name').waitFor({ timeout: 30_000 });
    expect(await headerName(app)).toBe('Lonnie Von');
    await page.close();
  });

  it('standalone launch: the sandbox asks for a patient, the app shows that patient', async () => {
    const page = await browser.newPage();
    await standaloneLaunch(page, env, 'Jacki Feil');
    await page.getByTestId('patient-name').waitFor({ timeout: 30_000 });
    expect(await headerName(page)).toBe('Jacki Feil');
    await page.close();
  });

  it('a tampered access token yields the clear "session expired" page, not a blank screen', async () => {
    const page = await browser.newPage();
    await standaloneLaunch(page, env, 'Stephen McLaughlin');
    await page.getByTestId('patient-name').waitFor({ timeout: 30_000 });
    await page.evaluate(() => {
      for (let i = 0; i < sessionStorage.length; i++) {
        const key = sessionStorage.key(i)!;
        const value = sessionStorage.getItem(key)!;
        if (value.includes('access_token')) {
          const state = JSON.parse(value) as { tokenResponse: { access_token: string } };
          state.tokenResponse.access_token = 'tampered';
          sessionStorage.setItem(key, JSON.stringify(state));
        }
      }
    });
    await page.reload();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toMatch(/Session expired — relaunch from the chart/);
    expect(await alert.innerText()).toMatch(/open Pain Care Panel again from the patient's chart/);
    await page.close();
  });

  it('an expired or revoked session on reload (refresh refused too) yields the clear "session expired" page', async () => {
    const page = await browser.newPage();
    await standaloneLaunch(page, env, 'Jordan Cruickshank');
    await page.getByTestId('patient-name').waitFor({ timeout: 30_000 });
    env.revokeTokens(); // access and refresh tokens: what the EHR does when the session ends
    await page.reload();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toMatch(/Session expired — relaunch from the chart/);
    await page.close();
  });

  it('a denied authorization yields a clear page that says how to relaunch', async () => {
    const page = await browser.newPage();
    await page.goto(`${env.appUrl}/launch.html?iss=${encodeURIComponent(env.fhirBaseUrl)}`);
    await page.getByRole('button', { name: 'Deny' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toMatch(/Access was not granted/);
    await saveScreenshot(page, 'launch-error-denied');
    const { violations } = await runAxe(page);
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.close();
  });

  it('launch.html without an EHR (no iss) explains how to launch', async () => {
    const page = await browser.newPage();
    await page.goto(`${env.appUrl}/launch.html`);
    await page.getByRole('heading', { name: 'Opened without an EHR' }).waitFor({ timeout: 10_000 });
    await page.close();
  });
});
