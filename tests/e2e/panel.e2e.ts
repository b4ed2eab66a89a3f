/**
 * The pain visit panel in headless Chromium through the local SMART sandbox (dates shifted so each scenario's
 * as-of is today): every scenario patient launched from the EHR page shows its tier, MME and due items with no
 * serious/critical axe violation; a recorded PEG survives a relaunch; a failed save keeps the answers and its
 * retry files exactly one Observation; a session that ends at the moment of saving shows an overlay over the
 * panel that keeps the answers, and relaunching the patient brings them back; keyboard use; screenshots at 390,
 * 950 and 1440 px in artifacts/screenshots/ (layout.e2e.ts measures the layout itself).
 */
import type { Browser, Frame, Page } from 'playwright-core';
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

/** The catalogue's expectations (fhir-fixtures/README.md), as the panel words them. */
const SCENARIOS = [
  { name: 'Margaret Okafor', tier: 'High', mme: '30 MME/day', due: { pdmp: 'Due soon', udt: 'Due soon' } },
  { name: 'Daniel Reyes', tier: 'Moderate', mme: '60 MME/day', due: { naloxone: 'Never done' } },
  { name: 'Susan Whitfield', tier: 'Low', mme: '10 MME/day', due: { pdmp: 'Up to date', udt: 'Up to date', agreement: 'Up to date' } },
  { name: 'Robert Lindqvist', tier: 'Unknown — could not determine', mme: '20 MME/day', due: { ort: 'Never done' } },
  { name: 'Angela Morrison', tier: 'Moderate', mme: '22.5 MME/day', due: { pdmp: 'Overdue', udt: 'Overdue' } },
  { name: 'Thomas Beaulieu', tier: 'Low', mme: 'MME/day', due: { agreement: 'Overdue' } },
  { name: 'Linda Castillo', tier: 'Low', mme: 'MME/day', due: { peg: 'Up to date' } },
  { name: 'Kevin Marsh', tier: 'Not in long-term opioid monitoring scope', mme: '0 MME/day', due: { pdmp: 'Not applicable' } },
  { name: 'Helen Tanaka', tier: 'Not in long-term opioid monitoring scope', mme: 'MME/day', due: { pdmp: 'Not applicable', udt: 'Not applicable' } },
];

async function open(name: string, width = 1024): Promise<{ page: Page; app: Frame }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const app = await ehrLaunch(page, name, env);
  await app.getByTestId('due-headline').waitFor({ timeout: 30_000 });
  await app.getByTestId('mme-total').waitFor({ timeout: 30_000 });
  return { page, app };
}

const text = async (app: Frame, testId: string) => (await app.getByTestId(testId).innerText()).replace(/\s+/g, ' ').trim();

async function seriousAxe(app: Frame): Promise<string[]> {
  const { violations } = await runAxe(app);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
}

/** The EHR page sized so its app frame shows the whole panel, then saved as artifacts/screenshots/<name>.png. */
async function fullScreenshot(page: Page, app: Frame, width: number, name: string): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  const height = await app.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width, height: height + 60 });
  await saveScreenshot(page, name);
}

async function answerPeg(app: Frame, pain: string, enjoyment: string, activity: string): Promise<void> {
  await app.locator('#peg-pain').fill(pain);
  await app.locator('#peg-enjoyment').fill(enjoyment);
  await app.locator('#peg-activity').fill(activity);
}

describe('pain visit panel launched from the sandbox EHR', () => {
  for (const s of SCENARIOS) {
    it(`${s.name}: tier ${s.tier}, ${s.mme}, due items, axe clean`, async () => {
      const { page, app } = await open(s.name);
      expect(await text(app, 'risk-tier')).toBe(`Risk tier: ${s.tier}`);
      expect(await text(app, 'mme-total')).toContain(s.mme);
      for (const [item, status] of Object.entries(s.due)) expect(await text(app, `due-${item}`)).toContain(status);
      expect(await app.getByText(/Could not check —/).count()).toBe(0);
      expect(await seriousAxe(app)).toEqual([]);
      await page.close();
    });
  }

  it('screenshots at 390, 950 and 1440 px', async () => {
    const { page, app } = await open('Angela Morrison');
    for (const width of [390, 950, 1440]) {
      await fullScreenshot(page, app, width, `panel-angela-morrison-${width}`);
      expect(await app.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
    await page.close();
  });

  it('keyboard: Tab reaches an MME order and Enter expands its arithmetic', async () => {
    const { page, app } = await open('Daniel Reyes');
    const order = app.getByRole('table', { name: 'MME by order' }).getByRole('button').first();
    await app.locator('#peg-activity').focus(); // start inside the app frame, then move by keyboard only
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await order.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Enter');
    expect(await order.getAttribute('aria-expanded')).toBe('true');
    expect(await app.getByText(/× 1\.5 = 60 MME\/day/).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('records a PEG and finds it in the chart after relaunching (the sandbox keeps it)', async () => {
    const { page, app } = await open('Daniel Reyes');
    const point = (frame: Frame) => frame.getByRole('img', { name: /PEG 2\.3 \(pain 3, enjoyment 2, activity 2\)/ });
    await answerPeg(app, '3', '2', '2');
    expect(await text(app, 'peg-live-mean')).toContain('2.3');
    await app.getByRole('button', { name: 'Save PEG to chart' }).click();
    await app.getByText('Saved to the chart: PEG 2.3.').waitFor({ timeout: 30_000 });
    expect(await point(app).count()).toBe(1);
    await page.close();
    const again = await open('Daniel Reyes');
    await point(again.app).waitFor({ timeout: 30_000 });
    expect(await point(again.app).count()).toBe(1);
    await again.page.close();
  });

  it('a PEG save that fails keeps the answers; Retry files exactly one Observation', async () => {
    const { page, app } = await open('Robert Lindqvist');
    env.addFault({ method: 'POST', resourceType: 'Observation', status: 500, times: 3 }); // every attempt of one save
    await answerPeg(app, '6', '5', '5');
    await app.getByRole('button', { name: 'Save PEG to chart' }).click();
    await app.getByText(/Could not save to the chart/).waitFor({ timeout: 30_000 });
    expect([await app.locator('#peg-pain').inputValue(), await app.locator('#peg-enjoyment').inputValue(), await app.locator('#peg-activity').inputValue()]).toEqual(['6', '5', '5']);
    expect(await seriousAxe(app)).toEqual([]);
    await fullScreenshot(page, app, 1024, 'panel-peg-save-failed-1024');
    env.clearFaults();
    await app.getByRole('button', { name: 'Retry' }).click();
    await app.getByText('Saved to the chart: PEG 5.3.').waitFor({ timeout: 30_000 });
    await page.close();
    const again = await open('Robert Lindqvist');
    const saved = again.app.getByRole('img', { name: /PEG 5\.3 \(pain 6, enjoyment 5, activity 5\)/ });
    await saved.first().waitFor({ timeout: 30_000 });
    expect(await saved.count()).toBe(1);
    await again.page.close();
  });

  it('the session ends at the moment of saving: an overlay keeps the answers, and relaunching the patient brings them back', async () => {
    const { page, app } = await open('Margaret Okafor');
    const values = (frame: Frame) => Promise.all(['#peg-pain', '#peg-enjoyment', '#peg-activity'].map((id) => frame.locator(id).inputValue()));
    await answerPeg(app, '4', '4', '3');
    env.revokeTokens(); // access and refresh tokens: the EHR ended the session
    await app.getByRole('button', { name: 'Save PEG to chart' }).click();
    const dialog = app.getByRole('dialog', { name: 'Your session has ended' });
    await dialog.waitFor({ timeout: 30_000 });
    expect(await dialog.innerText()).toMatch(/Your unsaved PEG answers \(pain 4, enjoyment 4, activity 3\) are kept on this device for this patient/);
    expect(await values(app)).toEqual(['4', '4', '3']);
    expect(await seriousAxe(app)).toEqual([]);
    await fullScreenshot(page, app, 1024, 'panel-session-ended-1024');
    await dialog.getByRole('button', { name: 'View the panel' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    // Relaunch from the chart in the same tab: the draft is restored into the form, then saved once.
    const again = await ehrLaunch(page, 'Margaret Okafor', env);
    await again.getByText(/Restored from .*: your unsaved PEG answers/).waitFor({ timeout: 30_000 });
    expect(await values(again)).toEqual(['4', '4', '3']);
    await again.getByRole('button', { name: 'Save PEG to chart' }).click();
    await again.getByText('Saved to the chart: PEG 3.7.').waitFor({ timeout: 30_000 });
    await page.close();
    const third = await open('Margaret Okafor');
    const saved = third.app.getByRole('img', { name: /PEG 3\.7 \(pain 4, enjoyment 4, activity 3\)/ });
    await saved.first().waitFor({ timeout: 30_000 });
    expect(await saved.count()).toBe(1);
    expect(await values(third.app)).toEqual(['', '', '']);
    await third.page.close();
  });
});
