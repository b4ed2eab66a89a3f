/**
 * `bench:launch --cpu-profile`: one launch under V8's sampling profiler (CDP Profiler, the page's renderer — the
 * app's frame is same-site, so in the same process), then the top functions by self time, named with their chunk
 * and line, so the remaining main-thread time can be attributed.
 */
import type { Page, Request } from 'playwright-core';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

export async function startProfiler(page: Page): Promise<{ stop(): Promise<Profile> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return { stop: async () => ((await cdp.send('Profiler.stop')) as { profile: Profile }).profile };
}

export function printProfile(label: string, profile: Profile, top = 25): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node) return;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = url ? `${functionName || '(anonymous)'} ${url.replace(/^.*\//, '')}:${lineNumber + 1}` : functionName || '(anonymous)';
    if (key === '(idle)' || key === '(program)') return;
    total += ms;
    self.set(key, (self.get(key) ?? 0) + ms);
  });
  console.log(`  ${label}: ${total.toFixed(0)} ms of JS and GC sampled; top ${top} by self time`);
  for (const [key, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    ${ms.toFixed(1).padStart(7)} ms  ${key}`);
}

/** Every request of the profiled launch: when it started and ended after the launch page's start. */
export function printTimeline(requests: Request[], t0: number, checklistAt: number): void {
  console.log(`  requests (ms after the launch page started; checklist at ${(checklistAt - t0).toFixed(0)} ms):`);
  for (const r of requests) {
    const t = r.timing();
    if (t.startTime <= 0) continue;
    const start = t.startTime - t0;
    const end = t.responseEnd >= 0 ? start + t.responseEnd : NaN;
    const url = new URL(r.url());
    console.log(`    ${start.toFixed(0).padStart(6)} → ${Number.isNaN(end) ? '   ?' : end.toFixed(0).padStart(6)}  ${r.method()} ${url.pathname.replace(/^.*\/(fhir|assets)\//, '$1/')}${url.search.slice(0, 60)}`);
  }
}
