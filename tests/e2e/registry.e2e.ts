/**
 * Browser test of the clinic registry: the real view and Web Worker in headless Chromium, cohort
 * read by Bulk Data through the sandbox's bulk module (scripts/bench/registry-harness.ts).
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM } from '../../scripts/bench/registry-browser.ts';
import { startRegistryHarness, type Harness } from '../../scripts/bench/registry-harness.ts';

let harness: Harness;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  harness = await startRegistryHarness(200);
  browser = await chromium.launch(CHROMIUM);
  page = await browser.newPage({ acceptDownloads: true });
  await page.goto(harness.url);
  await page.getByText(/read by Bulk Data export in [\d.]+ s/).waitFor({ timeout: 120_000 });
});
afterAll(async () => {
  await browser?.close();
  await harness?.close();
});

const count = async () => {
  const text = (await page.getByText(/\d+ of \d+ patients/).textContent()) ?? '';
  const [, shown, total] = /(\d+) of (\d+) patients/.exec(text)!;
  return { shown: Number(shown), total: Number(total) };
};

describe('clinic registry in the browser', () => {
  it('shows the cohort and filters to "UDT overdue"', async () => {
    const before = await count();
    expect(before.total).toBeGreaterThan(150);
    await page.getByRole('button', { name: 'UDT overdue' }).click();
    const after = await count();
    expect(after.shown).toBeGreaterThan(0);
    expect(after.shown).toBeLessThan(before.total);
    const table = page.getByRole('table', { name: 'Clinic registry' });
    const header = await table.locator('thead th').allTextContents();
    const udtCol = header.findIndex((h) => h.startsWith('UDT status'));
    const statuses = await table.locator(`tbody tr td:nth-child(${udtCol + 1})`).allTextContents();
    expect(new Set(statuses)).toEqual(new Set(statuses.filter((s) => s === 'overdue' || s === 'never done')));
  });

  it('exports the filtered table as CSV with the same columns', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('clinic-registry.csv');
    const stream = await download.createReadStream();
    let text = '';
    for await (const chunk of stream) text += chunk.toString();
    const lines = text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean);
    expect(lines[0]).toMatch(/^Patient,Patient ID,Prescriber,MME\/day,Tier,Top reason,PDMP status/);
    expect(lines.length - 1).toBe((await count()).shown);
  });

  it('shows the measures by prescriber and the monthly run chart', async () => {
    await page.getByRole('tab', { name: 'Measures' }).click();
    await expect(page.getByRole('table', { name: 'Measures overall' }).textContent()).resolves.toMatch(/Urine drug test within policy\d+% \(\d+\/\d+\)/);
    await expect(page.getByRole('table', { name: 'Measures by prescriber' }).locator('tbody tr').count()).resolves.toBe(12);
    await expect(page.getByRole('img', { name: /Run chart: Urine drug test within policy, last 12 month-ends/ }).locator('circle').count()).resolves.toBe(12);
  });

  it('lists tomorrow\'s scheduled patients with their rooming checklist', async () => {
    await page.getByRole('tab', { name: 'Pre-visit planning' }).click();
    await expect(page.getByText(/Huddle sheet for 2025-07-01: [1-9]\d* patients/).count()).resolves.toBe(1);
    await expect(page.getByText(/Rooming checklist:/).first().isVisible()).resolves.toBe(true);
  });
});

describe('accessibility', () => {
  it('the registry table view has no serious axe violations', async () => {
    await page.getByRole('tab', { name: 'Registry' }).click();
    const axe = await import('axe-core');
    await page.addScriptTag({ content: axe.default.source });
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: { id: string; impact: string }[] }> } })
        .axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    });
    expect(violations).toEqual([]);
  });
});
