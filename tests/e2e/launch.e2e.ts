/**
 * The walking skeleton through a real SMART launch in headless Chromium: EHR launch from the sandbox's EHR page,
 * standalone launch through the patient picker, and the clear error pages for a tampered token and a denied
 * authorization. Security: an issuer outside the allow-list gets a page naming it and no request; the app runs
 * under its Content-Security-Policy (header from the sandbox's app server) without a single violation.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { parseCsp } from '../../scripts/sandbox/csp.ts';
import { startSandbox } from '../../scripts/sandbox/server.ts';
import { appFrame, ehrLaunch, launchBrowser, runAxe, saveScreenshot, standaloneLaunch, startE2E, type E2EEnv } from './support/index.ts';

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

  it('a tampered access token is renewed with the refresh token (the panel loads); tampered tokens with no refresh give the "session expired" page', async () => {
    const page = await browser.newPage();
    await standaloneLaunch(page, env, 'Stephen McLaughlin');
    await page.getByTestId('patient-name').waitFor({ timeout: 30_000 });
    const tamper = (alsoRefresh: boolean) =>
      page.evaluate((both) => {
        for (let i = 0; i < sessionStorage.length; i++) {
          const key = sessionStorage.key(i)!;
          const value = sessionStorage.getItem(key)!;
          if (value.includes('access_token')) {
            const state = JSON.parse(value) as { tokenResponse: { access_token: string; refresh_token?: string } };
            state.tokenResponse.access_token = 'tampered';
            if (both) state.tokenResponse.refresh_token = 'tampered';
            sessionStorage.setItem(key, JSON.stringify(state));
          }
        }
      }, alsoRefresh);
    await tamper(false);
    await page.reload();
    await page.getByTestId('patient-name').waitFor({ timeout: 30_000 });
    expect(await headerName(page)).toBe('Stephen McLaughlin');
    await tamper(true);
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: /Session expired/ });
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
    const alert = page.getByRole('alert').filter({ hasText: /Session expired/ });
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

describe('issuer allow-list (public/smart-config.json "issuers")', () => {
  async function attackerLaunch(query: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const toAttacker: string[] = [];
    // Anything for attacker.example is recorded and never leaves the machine.
    await context.route((url) => url.hostname.endsWith('attacker.example'), (route) => {
      toAttacker.push(route.request().url());
      return route.abort();
    });
    page.on('request', (r) => { if (/attacker\.example/.test(new URL(r.url()).hostname)) toAttacker.push(r.url()); });
    await page.goto(`${env.appUrl}/launch.html?${query}`);
    await page.getByRole('heading', { name: /Unknown EHR address/ }).waitFor({ timeout: 10_000 });
    await page.waitForTimeout(500); // a redirect or a late fetch would show up here
    return { context, page, toAttacker };
  }

  it('launch.html?iss=https://attacker.example/fhir&launch=x names the issuer, does not redirect and sends it nothing', async () => {
    const { context, page, toAttacker } = await attackerLaunch('iss=https://attacker.example/fhir&launch=x');
    expect(await page.locator('#status').innerText()).toContain('https://attacker.example/fhir');
    expect(new URL(page.url()).pathname).toBe('/launch.html');
    expect(toAttacker).toEqual([]);
    await saveScreenshot(page, 'launch-error-unknown-issuer');
    await context.close();
  });

  it('a look-alike of an allowed issuer and a fhirServiceUrl launch are refused the same way', async () => {
    for (const query of [
      `iss=${encodeURIComponent('http://127.0.0.1:80@attacker.example/fhir')}&launch=x`,
      `fhirServiceUrl=${encodeURIComponent('https://attacker.example/fhir')}`,
    ]) {
      const { context, page, toAttacker } = await attackerLaunch(query);
      expect(await page.locator('#status').innerText()).toContain('attacker.example');
      expect(toAttacker).toEqual([]);
      await context.close();
    }
  });
});

describe('Content-Security-Policy', () => {
  /** Console lines about CSP and securitypolicyviolation events, from every frame of the context. */
  async function watchCsp(context: BrowserContext): Promise<string[]> {
    const seen: string[] = [];
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP-VIOLATION ${e.violatedDirective} ${e.blockedURI}`));
    });
    context.on('console', (m) => { if (/Content Security Policy|CSP-VIOLATION/i.test(m.text())) seen.push(m.text()); });
    return seen;
  }

  it('the built pages load only their own script files (nothing inline) and carry the policy header', async () => {
    for (const file of ['index.html', 'launch.html']) {
      const html = readFileSync(`dist/${file}`, 'utf8');
      expect(html.match(/<script\b(?![^>]*\bsrc=)[^>]*>/gi), file).toBeNull();
      expect(html, file).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, file).not.toMatch(/javascript:/i);
    }
    for (const path of ['/launch.html', '/index.html']) {
      const csp = parseCsp((await fetch(`${env.appUrl}${path}`)).headers.get('content-security-policy') ?? '');
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['frame-ancestors']).toContain(env.baseUrl);
      expect(csp['connect-src']).toContain(env.baseUrl);
    }
  });

  it('EHR launch inside the EHR frame and the panel run without a single CSP violation (MUI/emotion styles included)', async () => {
    const context = await browser.newContext();
    const violations = await watchCsp(context);
    const page = await context.newPage();
    const app = await ehrLaunch(page, 'Lonnie Von', env);
    await app.getByTestId('patient-name').waitFor({ timeout: 30_000 });
    // emotion's <style> tags are in place: the header is styled, not browser-default
    expect(await app.evaluate(() => document.querySelectorAll('style[data-emotion]').length)).toBeGreaterThan(0);
    await page.waitForTimeout(1000);
    expect(violations).toEqual([]);
    await context.close();
  });

  it('standalone launch and the clinic registry (its Web Worker, Bulk Data) run without a CSP violation', async () => {
    const context = await browser.newContext();
    const violations = await watchCsp(context);
    const page: Page = await context.newPage();
    await standaloneLaunch(page, env, 'Jacki Feil');
    await page.getByTestId('patient-name').waitFor({ timeout: 30_000 });
    await page.goto(`${env.baseUrl}/ehr/launch?clinic=1`);
    const registry = await appFrame(page);
    await registry.getByText(/read by Bulk Data export in [\d.]+ s/).waitFor({ timeout: 60_000 });
    expect(violations).toEqual([]);
    await context.close();
  });

  it('an EHR origin outside frame-ancestors cannot frame the app', async () => {
    // A build whose smart-config.json lets only https://ehr.example frame the app (the sandbox adds its own EHR
    // page), framed by a page on another loopback origin.
    const appDir = mkdtempSync(join(tmpdir(), 'pcp-e2e-csp-'));
    cpSync('dist', appDir, { recursive: true });
    const config = JSON.parse(readFileSync('dist/smart-config.json', 'utf8')) as Record<string, unknown>;
    writeFileSync(join(appDir, 'smart-config.json'), JSON.stringify({ ...config, frameAncestors: ['https://ehr.example'] }));
    const restricted = await startSandbox({ appDir, includeFixtures: false, quiet: true });
    const foreign = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end(`<!doctype html><title>foreign EHR</title><iframe title="app" src="${restricted.appUrl}/launch.html"></iframe>`);
    });
    await new Promise<void>((ok) => foreign.listen(0, '127.0.0.1', ok));
    const context = await browser.newContext();
    try {
      const refused: string[] = [];
      context.on('console', (m) => { if (/frame-ancestors/.test(m.text())) refused.push(m.text()); });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`);
      await expect.poll(() => refused.length, { timeout: 10_000 }).toBeGreaterThan(0);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      expect(await frame?.locator('#status').count().catch(() => 0) ?? 0).toBe(0);
      // while the sandbox's own EHR page may frame it
      const ehr = await context.newPage();
      await ehr.goto(`${restricted.baseUrl}/ehr/launch?clinic=1`);
      expect(await (await appFrame(ehr)).locator('#status, #root').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
      await new Promise<void>((ok) => foreign.close(() => ok()));
      await restricted.close();
    }
  });
});
