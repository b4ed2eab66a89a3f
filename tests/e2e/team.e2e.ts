/**
 * The pain support team on the sandbox, end to end in headless Chromium: a clinician asks for a review from the
 * panel (EHR launch), the team sees it in the registry's queue (clinic-level launch), opens the printable case
 * review, takes the request up and files a recommendation; the clinician sees it in the panel and marks it read.
 * Also: clinical variation and the re-allocation CSV; axe on each screen. Screenshots: artifacts/screenshots/team-*.png.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Frame, FrameLocator, Page } from 'playwright-core';
import { ehrLaunch, launchBrowser, runAxe, saveScreenshot, startE2E, type E2EEnv } from './support/index.ts';

let env: E2EEnv;
let browser: Browser;
const shots: string[] = [];

beforeAll(async () => {
  env = await startE2E();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await env?.stop();
  if (shots.length) console.log(`team screenshots:\n${shots.join('\n')}`);
});

const QUESTION = 'He asks to stay on tramadol and has no ORT on file. How do I talk about the plan and what should we monitor?';
const ADVICE = 'Your plan is sound: keep the current dose while you complete the ORT at the next visit, and agree on goals with him.';
const WORDS = '"I want to help you keep doing what matters to you. What would you like to be able to do again in three months?"';

async function serious(target: Frame | Page): Promise<string[]> {
  const { violations } = await runAxe(target);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length}: ${JSON.stringify(v.nodes[0]?.target)})`);
}

async function shot(page: Page, name: string, frame?: Frame): Promise<void> {
  if (frame) {
    const height = await frame.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width: page.viewportSize()!.width, height: Math.min(height + 80, 6000) });
  }
  shots.push(await saveScreenshot(page, name));
}

async function registry(page: Page): Promise<{ app: FrameLocator; frame: Frame }> {
  await page.goto(`${env.baseUrl}/ehr/launch?clinic=1`);
  const app = page.frameLocator('iframe[title="Pain Care Panel"]');
  await app.getByText(/read by (Bulk Data export|searches) in [\d.]+ s/).waitFor({ timeout: 120_000 });
  const frame = page.frames().find((f) => f.url().includes('index.html'))!;
  return { app, frame };
}

describe('pain support team', () => {
  it('a clinician asks from the panel; the team answers from the registry; the clinician reads it', async () => {
    // 1. The clinician asks from the patient's panel.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    let app = await ehrLaunch(page, 'Robert Lindqvist', env);
    const section = app.getByRole('region', { name: 'Pain support team' });
    await section.getByRole('button', { name: 'Ask the pain support team' }).click({ timeout: 30_000 });
    await section.getByRole('button', { name: 'Send to the support team' }).click();
    await expect(section.getByText('Choose at least one kind of help.').isVisible()).resolves.toBe(true); // nothing sent yet
    await section.getByRole('checkbox', { name: /Safer prescribing or tapering/ }).check();
    await section.getByRole('checkbox', { name: /A difficult conversation/ }).check();
    await section.getByLabel('Your question').fill(QUESTION);
    await section.scrollIntoViewIfNeeded();
    await shot(page, 'team-1-panel-request-form', app);
    expect(await serious(app)).toEqual([]);
    await section.getByRole('button', { name: 'Send to the support team' }).click();
    await section.getByText('Sent to the pain support team.').waitFor();
    await section.getByText('Waiting for the team').waitFor();
    await shot(page, 'team-2-panel-request-sent', app);

    // 2. The team's queue in the clinic registry: the new request is listed with the fixtures' open requests.
    await page.setViewportSize({ width: 1280, height: 900 });
    const reg = await registry(page);
    await reg.app.getByRole('tab', { name: 'Pain support team' }).click();
    const queue = reg.app.getByRole('list', { name: 'Support team queue' });
    await queue.getByText('Lindqvist, Robert').waitFor({ timeout: 30_000 });
    const names = await queue.getByRole('heading', { level: 3 }).allInnerTexts();
    expect(names.slice(0, 3)).toEqual(['Morrison, Angela', 'Okafor, Margaret', 'Lindqvist, Robert']); // open requests, oldest first (registry names)
    expect(names.length).toBeGreaterThan(3); // then the patients the clinic's rules list
    await expect(queue.getByText(QUESTION).count()).resolves.toBe(1);
    await shot(page, 'team-3-registry-queue', reg.frame);
    expect(await serious(reg.frame)).toEqual([]);

    // 3. The case review, printable.
    await page.setViewportSize({ width: 1280, height: 900 });
    await reg.app.getByRole('button', { name: 'Open case review of Lindqvist, Robert' }).click();
    await reg.app.getByRole('heading', { name: 'Case review: Robert Lindqvist' }).waitFor({ timeout: 60_000 });
    const question = reg.app.getByRole('region', { name: 'The question asked' });
    await question.getByText(QUESTION, { exact: false }).waitFor();
    await expect(question.getByText(/Dr\. Sam Sandbox asked for help with: Safer prescribing or tapering; A difficult conversation/).count()).resolves.toBe(1);
    for (const title of ['Opioid course and dose history', 'MME and risk tier with reasons', 'Monitoring history', 'The patient\'s own goals', 'Prescribers and pharmacies']) {
      await reg.app.getByRole('heading', { name: title }).waitFor();
    }
    await expect(reg.app.getByRole('region', { name: 'MME and risk tier with reasons' }).getByText('Risk tier: unknown').count()).resolves.toBe(1);
    await shot(page, 'team-4-case-review', reg.frame);
    expect(await serious(reg.frame)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'team-5-case-review-print', reg.frame);
    await page.emulateMedia({ media: 'screen' });

    // 4. The team takes it up and files a recommendation.
    await reg.app.getByRole('button', { name: /Start the review/ }).click();
    await reg.app.getByRole('button', { name: /Start the review/ }).waitFor({ state: 'detached' });
    await reg.app.locator('#recommendation-summary').fill(ADVICE);
    await reg.app.getByRole('textbox', { name: 'Suggested words for the conversation (optional)' }).fill(WORDS);
    await reg.app.getByRole('textbox', { name: 'Monitoring changes (optional)' }).fill('Complete the ORT at the next visit; PDMP every 90 days.');
    await reg.app.getByRole('form', { name: 'Recommendation back to the clinician' }).scrollIntoViewIfNeeded();
    await shot(page, 'team-6-recommendation-form', reg.frame);
    await reg.app.getByRole('button', { name: 'File recommendation' }).click();
    await reg.app.getByText('Recommendation filed in the chart as a consult note').waitFor({ timeout: 30_000 });
    await reg.app.getByText('Recommendation ready — not yet read').waitFor();
    await shot(page, 'team-7-recommendation-filed', reg.frame);

    // 5. Back to the queue: answered, waiting for the clinician; variation and re-allocation.
    await page.setViewportSize({ width: 1280, height: 900 });
    await reg.app.getByRole('button', { name: '← Back to the queue' }).click();
    await reg.app.getByText(/Answered, not yet read by the clinician \(2\)/).waitFor({ timeout: 30_000 });
    await expect(queue.getByText(QUESTION).count()).resolves.toBe(0);
    await reg.app.getByRole('tab', { name: 'Clinical variation' }).click();
    const variation = reg.app.getByRole('table', { name: 'Clinical variation by prescriber' });
    await variation.getByRole('rowheader', { name: 'Whole clinic' }).waitFor();
    await variation.getByRole('rowheader', { name: /Dr\. Priya Raman/ }).waitFor();
    await shot(page, 'team-8-variation', reg.frame);
    expect(await serious(reg.frame)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await reg.app.getByRole('tab', { name: 'Re-allocation' }).click();
    await reg.app.getByRole('combobox', { name: 'Prescriber who is leaving' }).click();
    await reg.app.getByRole('option', { name: /Dr\. Priya Raman/ }).click();
    const list = reg.app.getByRole('table', { name: 'Patients of Dr. Priya Raman to re-allocate' });
    await list.waitFor();
    const firstTier = await list.getByRole('row').nth(1).getByRole('cell').first().innerText();
    expect(firstTier).toBe('High');
    const [download] = await Promise.all([page.waitForEvent('download'), reg.app.getByRole('button', { name: 'Download CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFPatient,Patient ID,Tier,Top reason,MME/day,Supply runs out,Days left,Next appointment,Open support team request');
    expect(csv).toContain('"Okafor, Margaret",scn-benzo-patient,high');
    await shot(page, 'team-9-reallocation', reg.frame);
    expect(await serious(reg.frame)).toEqual([]);

    // 5b. A patient nobody asked about (listed by the rules): the team reviews it on its own initiative.
    await page.setViewportSize({ width: 1280, height: 900 });
    await reg.app.getByRole('tab', { name: 'Review queue' }).click();
    await reg.app.getByRole('button', { name: 'Open case review of Reyes, Daniel' }).click();
    await reg.app.getByRole('heading', { name: 'Case review: Daniel Reyes' }).waitFor({ timeout: 60_000 });
    const goals = reg.app.getByRole('region', { name: 'The patient\'s own goals' });
    await goals.getByText('Keep coaching my son\'s soccer team this season').waitFor();
    await reg.app.getByRole('region', { name: 'Earlier support team reviews' }).getByText(/You are on the right track/).waitFor();
    await reg.app.getByRole('region', { name: 'Why the patient is on the agenda' }).getByText('Naloxone: never done').waitFor();
    await reg.app.locator('#recommendation-summary').fill('Offer naloxone at the next visit (60 MME/day); the rest of the plan is sound.');
    await reg.app.getByRole('button', { name: 'File recommendation' }).click();
    await reg.app.getByText('Recommendation filed in the chart as a consult note').waitFor({ timeout: 30_000 });
    await shot(page, 'team-10-team-initiated-review', reg.frame);
    await page.setViewportSize({ width: 1280, height: 900 });
    await reg.app.getByRole('button', { name: '← Back to the queue' }).click();
    await reg.app.getByText(/Answered, not yet read by the clinician \(3\)/).waitFor({ timeout: 30_000 });

    // 6. The clinician sees the recommendation in the panel and marks it read.
    await page.setViewportSize({ width: 1280, height: 900 });
    app = await ehrLaunch(page, 'Robert Lindqvist', env);
    const again = app.getByRole('region', { name: 'Pain support team' });
    await again.getByText('Recommendation ready — not yet read').waitFor({ timeout: 30_000 });
    await again.getByText(ADVICE).waitFor();
    await again.getByText(WORDS).waitFor();
    await again.scrollIntoViewIfNeeded();
    await shot(page, 'team-11-panel-recommendation', app);
    expect(await serious(app)).toEqual([]);
    await again.getByRole('button', { name: 'Mark as read' }).click();
    await again.getByText('Marked as read; the recommendation stays under “Earlier reviews”.').waitFor({ timeout: 30_000 });
    await again.getByRole('button', { name: 'Show earlier reviews (1)' }).click();
    await again.getByText(/^Read on \d{2}\/\d{2}\/\d{4} by Dr\. Sam Sandbox$/).waitFor();
    await expect(again.getByText('Recommendation ready — not yet read').count()).resolves.toBe(0);
    await page.close();
  }, 300_000);

  it('a failed send keeps the question, and "Try again" files it once', async () => {
    const page = await browser.newPage({ viewport: { width: 1024, height: 900 } });
    const app = await ehrLaunch(page, 'Susan Whitfield', env);
    const section = app.getByRole('region', { name: 'Pain support team' });
    await section.getByRole('button', { name: 'Ask the pain support team' }).click({ timeout: 30_000 });
    await section.getByRole('checkbox', { name: /Non-opioid options/ }).check();
    await section.getByLabel('Your question').fill('Which non-drug therapies fit her schedule?');
    // The Task create fails three times (after the ServiceRequest was filed): nothing is lost.
    await fetch(`${env.baseUrl}/sandbox/faults`, { method: 'POST', body: JSON.stringify({ method: 'POST', resourceType: 'Task', status: 503, times: 3 }) });
    await section.getByRole('button', { name: 'Send to the support team' }).click();
    await section.getByText(/Could not send: .*Your question is still here/).waitFor({ timeout: 30_000 });
    await expect(section.getByLabel('Your question').inputValue()).resolves.toBe('Which non-drug therapies fit her schedule?');
    // A reload of the app frame keeps the draft too (sessionStorage).
    await app.evaluate(() => location.reload());
    const reloaded = page.frames().find((f) => f.url().includes('index.html'))!;
    await reloaded.waitForLoadState();
    const after = reloaded.getByRole('region', { name: 'Pain support team' });
    await expect(after.getByLabel('Your question').inputValue({ timeout: 30_000 })).resolves.toBe('Which non-drug therapies fit her schedule?');
    await after.getByRole('button', { name: 'Send to the support team' }).click();
    await after.getByText('Sent to the pain support team.').waitFor({ timeout: 30_000 });
    const bundle = await (await fetch(`${env.fhirBaseUrl}/ServiceRequest?patient=scn-low-patient`, { headers: { authorization: `Bearer ${await teamToken()}` } })).json() as { total: number };
    expect(bundle.total).toBe(1);
    await page.close();
  }, 180_000);
});

async function teamToken(): Promise<string> {
  const { obtainToken } = await import('../../scripts/sandbox/test-client.ts');
  return (await obtainToken(env, { patient: null, scope: 'openid fhirUser user/ServiceRequest.rs' })).access_token;
}
