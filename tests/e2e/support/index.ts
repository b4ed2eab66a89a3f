/**
 * Browser-test helpers: the sandbox with the built app (`npm run test:e2e` builds dist/ first), Debian's
 * Chromium driven by playwright-core, EHR and standalone launches, screenshots and axe.
 *
 * @example
 *   const env = await startE2E();                 // sandbox + app on ephemeral 127.0.0.1 ports
 *   const browser = await launchBrowser();
 *   const page = await browser.newPage();
 *   const app = await ehrLaunch(page, 'Lonnie Von'); // the app's Frame inside the EHR page
 *   await saveScreenshot(page, 'panel-1024');       // artifacts/screenshots/panel-1024.png
 *   const { violations } = await runAxe(app);
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../../scripts/sandbox/server.ts';

export const SCREENSHOT_DIR = join(process.cwd(), 'artifacts', 'screenshots');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type E2EEnv = Sandbox & { stop(): Promise<void> };

export async function startE2E(opts: SandboxOptions = {}): Promise<E2EEnv> {
  const sb = await startSandbox({ appDir: 'dist', quiet: true, ...opts });
  useEnv(sb);
  return Object.assign(sb, { stop: () => sb.close() });
}

/** Debian's Chromium (playwright gives each launch a fresh, empty profile directory of its own). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/** The app's frame inside an EHR page, once its document has loaded. */
export async function appFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('iframe[title="Pain Care Panel"]');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The EHR page has no app frame');
  return frame;
}

/** Opens the sandbox EHR page, clicks the patient's Launch link, and returns the app's frame. */
export async function ehrLaunch(page: Page, patientName: string, env?: { ehrUrl: string }): Promise<Frame> {
  const ehrUrl = env?.ehrUrl ?? currentEnvUrl();
  await page.goto(ehrUrl);
  await page.getByRole('row', { name: new RegExp(patientName) }).getByRole('link', { name: 'Launch' }).click();
  const frame = await appFrame(page);
  await frame.waitForURL(/index\.html/, { timeout: 30_000 });
  return frame;
}

/** Standalone launch: the app's launch.html with only `iss`, then the sandbox's patient picker. */
export async function standaloneLaunch(page: Page, env: { appUrl: string; fhirBaseUrl: string }, patientName: string): Promise<Page> {
  await page.goto(`${env.appUrl}/launch.html?iss=${encodeURIComponent(env.fhirBaseUrl)}`);
  await page.getByLabel(new RegExp(patientName)).check();
  await page.getByRole('button', { name: 'Allow' }).click();
  await page.waitForURL(/index\.html/);
  return page;
}

let lastEhrUrl: string | null = null;
function currentEnvUrl(): string {
  if (!lastEhrUrl) throw new Error('startE2E() first, or pass env to ehrLaunch');
  return lastEhrUrl;
}
/** Remembers the env so ehrLaunch(page, name) can omit it. */
export function useEnv(env: { ehrUrl: string }): void {
  lastEhrUrl = env.ehrUrl;
}

export async function saveScreenshot(target: Page | Frame, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  const page = 'page' in target && typeof target.page === 'function' ? target.page() : (target as Page);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

export async function runAxe(frame: Frame | Page): Promise<AxeResult> {
  await frame.evaluate(axeSource);
  return frame.evaluate(async () => {
    const r = await (window as unknown as { axe: { run(ctx: Document): Promise<AxeResult> } }).axe.run(document);
    return { violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })) };
  });
}
