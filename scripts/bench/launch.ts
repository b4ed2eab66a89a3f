/**
 * Launch benchmark (issue 15): the built app (dist/) in real headless Chromium, EHR launch through the local SMART
 * sandbox, a cold browser profile per run (a new, empty browser context), for a typical Synthea patient and the
 * generated heavy patient. One warm-up run per patient, then the median of 7. Per patient it prints:
 *   - launch → rooming checklist: from the navigation start of the EHR's launch page (`/ehr/launch?patient=…`,
 *     which opens launch.html?iss&launch in its frame) to the first frame in which `[data-testid=due-headline]` is
 *     on screen in the app's frame;
 *   - launch → complete panel: the same to the first frame in which every source has reported (the data notes say
 *     "loaded at …") and no section — nor the support-team requests — still says "Loading …";
 *   - requests: to the FHIR server (everything under the sandbox's FHIR base, SMART discovery included) and in total
 *     (EHR page, launch.html, authorize, index.html, scripts, config, token, FHIR);
 *   - JS: bytes transferred per script request (the sandbox serves them uncompressed; launch.html and index.html
 *     each load the shared chunk, so it counts twice) and the gzip size of each (zlib level 6); index.html's JS by
 *     part (dist/.vite/manifest.json): initial = what the first paint needs (entry + interface chunk), data path =
 *     loader + engine (fetched in parallel with the token exchange), later = the rest; "before the checklist" = script
 *     requests started before the checklist showed, total = all script requests of the launch;
 *   - main-thread time (renderer main threads, top-level tasks) by phase, from a Chromium performance trace in
 *     separate traced runs (tracing slows the page down, so the timings come from untraced runs): before the app's
 *     first FHIR request (SMART discovery before the authorization not counted as one) / while its FHIR requests
 *     are in flight / after the last FHIR response up to the frame showing the complete panel, plus the self time
 *     of those tasks by category (scripting, rendering, painting, other).
 * The app is not changed for this: the in-page signals come from a script the benchmark adds to every document
 * (MutationObserver + requestAnimationFrame), which also sets `performance.mark('pcp-bench:checklist' | …:complete)`.
 * Targets are printed next to the figures, never asserted.
 *
 *   npm run bench:launch
 *   npm run bench:launch -- --runs 7 --patients typical,heavy --trace-runs 3 --timeout 120000
 *   node --experimental-websocket --import tsx scripts/bench/launch.ts --patients typical --runs 3   # dist/ as it is
 *   npm run bench:launch -- --launcher ../smart-launcher-v2   # through the SMART launcher v2 (launcher-flow.ts)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Request } from 'playwright-core';
import { generateHeavyPatient, HEAVY_PATIENT_ID, writeNdjson } from '../gen-heavy-patient.ts';
import { FIXTURES_DIR, startSandbox, type Sandbox } from '../sandbox/server.ts';
import { typicalPatient } from './patients.ts';
import { printProfile, printTimeline, startProfiler } from './cpu-profile.ts';
import { startLauncherFlow, type LauncherFlow } from './launcher-flow.ts';

// ---------------------------------------------------------------------------------------------------------------
// Options

interface Options {
  runs: number;
  warmup: number;
  traceRuns: number;
  patients: string[];
  timeoutMs: number;
  appDir: string;
  chromium: string;
  /** One more run per patient under the V8 sampling profiler: the app's top functions by self time. */
  cpuProfile: boolean;
  /** A smart-launcher-v2 checkout: launch through it instead of the sandbox's EHR page (launcher-flow.ts). */
  launcher: string | null;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { runs: 7, warmup: 1, traceRuns: 3, patients: ['typical', 'heavy'], timeoutMs: 120_000, appDir: 'dist', chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', cpuProfile: false, launcher: null };
  const num = (name: string, v: string | undefined, min: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new Error(`${name} needs a whole number ≥ ${min} (got ${v ?? 'nothing'})`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--runs': opts.runs = num('--runs', value(), 1); break;
      case '--warmup': opts.warmup = num('--warmup', value(), 0); break;
      case '--trace-runs': opts.traceRuns = num('--trace-runs', value(), 0); break;
      case '--patients': opts.patients = value().split(',').map((s) => s.trim()).filter(Boolean); break;
      case '--timeout': opts.timeoutMs = num('--timeout', value(), 1000); break;
      case '--app-dir': opts.appDir = value(); break;
      case '--cpu-profile': opts.cpuProfile = true; break;
      case '--chromium': opts.chromium = value(); break;
      case '--launcher': opts.launcher = value(); break;
      case '--help': case '-h':
        console.log('npm run bench:launch -- [--runs 7] [--warmup 1] [--trace-runs 3] [--patients typical,heavy] [--timeout 120000] [--app-dir dist] [--chromium /usr/bin/chromium] [--cpu-profile] [--launcher <smart-launcher-v2 checkout>]');
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${a} (try --help)`);
    }
  }
  for (const p of opts.patients) if (!['typical', 'heavy'].includes(p)) throw new Error(`--patients: "${p}" is neither typical nor heavy`);
  return opts;
}

// ---------------------------------------------------------------------------------------------------------------
// In-page probe: added to every document of the context; active only in the app's index.html.

const PROBE = `(() => {
  if (!/\\/index\\.html$/.test(location.pathname)) return;
  const state = {};
  const at = (name) => performance.timeOrigin + performance.mark('pcp-bench:' + name).startTime;
  const onScreen = (el) => !!el && el.getClientRects().length > 0;
  const report = () => { try { window.__pcpBenchReport && window.__pcpBenchReport(state); } catch (e) {} };
  // Checked once per frame (not per mutation: reading layout on every mutation would slow the page it measures).
  const check = () => {
    framePending = false;
    if (state.checklist === undefined && onScreen(document.querySelector('[data-testid="due-headline"]'))) {
      state.checklist = at('checklist');
      report();
    }
    if (state.complete === undefined && state.checklist !== undefined) {
      const notes = document.getElementById('data-notes');
      const loaded = !!notes && notes.textContent.includes(', loaded at ');
      const busy = Array.from(document.querySelectorAll('[role="status"]')).some((el) => /^\\s*Loading\\b/.test(el.textContent || ''));
      if (loaded && !busy) {
        state.complete = at('complete');
        report();
        observer.disconnect();
      }
    }
  };
  let framePending = false;
  const schedule = () => { if (!framePending) { framePending = true; requestAnimationFrame(check); } };
  const observer = new MutationObserver(schedule);
  observer.observe(document, { subtree: true, childList: true, characterData: true });
})();`;

interface ProbeState {
  checklist?: number;
  complete?: number;
}

// ---------------------------------------------------------------------------------------------------------------
// One run

/**
 * The app's JS by its part in the launch (from dist/.vite/manifest.json): the first paint needs the entry and the
 * interface chunk (React, MUI, the checklist and strip); the data path (loader, clinical engine) is fetched in
 * parallel with the token exchange; the rest (the panel's lower part, dialogs, case review) after the first paint.
 */
const jsPart = new Map<string, 'first-paint' | 'data-path'>();

function classifyChunks(appDir: string): void {
  const file = join(appDir, '.vite', 'manifest.json');
  if (!existsSync(file)) {
    // An older build without a manifest (a before/after run): what index.html names is the first paint.
    for (const m of readFileSync(join(appDir, 'index.html'), 'utf8').matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+\.js)"/g)) jsPart.set(m[1], 'first-paint');
    return;
  }
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { file: string; imports?: string[] }>;
  const closure = (keys: string[]) => {
    const seen = new Set<string>();
    const visit = (k: string) => {
      if (seen.has(k) || !manifest[k]) return;
      seen.add(k);
      for (const i of manifest[k].imports ?? []) visit(i);
    };
    keys.forEach(visit);
    return [...seen].map((k) => manifest[k].file);
  };
  const launchChunk = Object.keys(manifest).filter((k) => /^_launch-/.test(k));
  for (const f of closure(['index.html', 'src/app/render.tsx'])) jsPart.set(f, 'first-paint');
  for (const f of closure(['src/clinical/engine.ts', ...launchChunk])) if (!jsPart.has(f)) jsPart.set(f, 'data-path');
}

const partOf = (url: string) => jsPart.get(new URL(url).pathname.replace(/^.*\/(assets\/)/, '$1'));

interface Script { url: string; rawBytes: number; gzipBytes: number; initial: boolean }

interface RunResult {
  checklistMs: number;
  completeMs: number;
  fhirRequests: number;
  totalRequests: number;
  jsEncoding: string;
  scripts: Script[];
  mainThread?: MainThread;
}

interface MainThread {
  beforeFirstFhir: number;
  duringFhir: number;
  afterLastFhir: number;
  total: number;
  byCategory: Record<Category, number>;
  fhirInTrace: number;
}

interface Target { label: string; patientId: string }

/**
 * How the browser launches the app: the sandbox's EHR page (the app in its frame), or the SMART launcher v2 (the
 * app as the top page after the launcher's redirects). `fhirBase`: where the app's FHIR requests go.
 */
interface Flow {
  name: string;
  launchUrl(patientId: string): string;
  fhirBase: string;
  /** The top page navigates away (launcher): time from the first request, not from the final page's time origin. */
  timeFromFirstRequest: boolean;
}

const gzipCache = new Map<string, number>();

async function oneRun(browser: Browser, flow: Flow, target: Target, opts: Options, trace: boolean, profile = false): Promise<RunResult> {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    let resolveDone!: (s: ProbeState) => void;
    const done = new Promise<ProbeState>((r) => (resolveDone = r));
    let latest: ProbeState = {};
    await context.exposeBinding('__pcpBenchReport', (_source, s: ProbeState) => {
      latest = { ...latest, ...s };
      if (latest.complete !== undefined && latest.checklist !== undefined) resolveDone(latest);
    });
    await context.addInitScript({ content: PROBE });

    const requests: Request[] = [];
    const bodies: Promise<unknown>[] = [];
    const failed: string[] = [];
    const scriptBodies = new Map<string, { raw: number; gzip: number; encoding: string }>();
    context.on('request', (r) => requests.push(r));
    context.on('requestfailed', (r) => failed.push(`${r.url()} (${r.failure()?.errorText})`));
    context.on('requestfinished', (r) => {
      if (r.resourceType() !== 'script' && !/\.m?js(\?|$)/.test(r.url())) return;
      bodies.push((async () => {
        const res = await r.response();
        if (!res) return;
        const body = await res.body();
        const encoding = (await res.headerValue('content-encoding')) ?? 'identity';
        const sizes = await r.sizes();
        const gzip = gzipCache.get(r.url()) ?? gzipSync(body, { level: 6 }).length;
        gzipCache.set(r.url(), gzip);
        scriptBodies.set(r.url(), { raw: encoding === 'identity' ? body.length : sizes.responseBodySize, gzip, encoding });
      })().catch(() => undefined));
    });

    const page = await context.newPage();
    const profiler = profile ? await startProfiler(page) : null;
    if (trace) {
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    }
    let timedOut: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timedOut = setTimeout(() => reject(new Error(`timed out after ${opts.timeoutMs} ms`)), opts.timeoutMs);
    });
    let state: ProbeState;
    let t0: number;
    try {
      await Promise.race([page.goto(flow.launchUrl(target.patientId), { waitUntil: 'commit' }), timeout]);
      state = await Promise.race([done, timeout]);
      t0 = flow.timeFromFirstRequest ? requests[0].timing().startTime : ((await page.evaluate('performance.timeOrigin')) as number);
      // Let the frame after "complete" (and anything it schedules) land in the trace.
      if (trace) await page.waitForTimeout(500);
    } catch (e) {
      // The app's frame in the sandbox's EHR page; the page itself when the app is the top page (launcher).
      const frame = page.frames().find((f) => /\/index\.html/.test(f.url())) ?? page.mainFrame();
      const text = frame ? ((await frame.evaluate('document.body ? document.body.innerText.slice(0, 400) : ""').catch(() => '')) as string) : '';
      throw new Error(`${target.label}: ${e instanceof Error ? e.message : e}; probe: ${JSON.stringify(latest)}; app frame: ${frame?.url() ?? 'none'}\n  ${text.replace(/\s+/g, ' ')}` +
        (failed.length ? `\n  failed requests: ${failed.slice(0, 5).join(', ')}` : ''));
    } finally {
      clearTimeout(timedOut);
    }
    const traceBuffer = trace ? await browser.stopTracing() : null;
    if (profiler) {
      printProfile(target.label, await profiler.stop());
      printTimeline(requests, t0!, state.checklist!);
      const appFrame = page.frames().find((f) => /\/index\.html/.test(f.url()));
      const marks = (await appFrame?.evaluate(() => performance.getEntriesByType('mark').map((m) => [m.name, performance.timeOrigin + m.startTime] as const)).catch(() => [])) ?? [];
      console.log(`  the app's marks (ms after the launch page started): ${marks.map(([n, at]) => `${n} ${(at - t0!).toFixed(0)}`).join(', ')}`);
    }
    await Promise.all(bodies);

    const checklistAt = state.checklist!;
    const fhirBase = `${flow.fhirBase}/`;
    const scripts: Script[] = [];
    let encoding = 'identity';
    for (const r of requests) {
      const body = scriptBodies.get(r.url());
      if (!body) continue;
      encoding = body.encoding;
      const start = r.timing().startTime; // epoch ms
      scripts.push({ url: r.url(), rawBytes: body.raw, gzipBytes: body.gzip, initial: start > 0 && start < checklistAt });
    }
    return {
      checklistMs: state.checklist! - t0,
      completeMs: state.complete! - t0,
      fhirRequests: requests.filter((r) => r.url().startsWith(fhirBase)).length,
      totalRequests: requests.length,
      jsEncoding: encoding,
      scripts,
      mainThread: traceBuffer ? mainThreadByPhase(traceBuffer, fhirBase) : undefined,
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Trace analysis

const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8.execute', '__metadata'];

type Category = 'scripting' | 'rendering' | 'painting' | 'other';

interface TraceEvent { name: string; cat: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string; data?: Record<string, unknown> } }

const CATEGORY_OF: Record<string, Category> = {
  FunctionCall: 'scripting', EvaluateScript: 'scripting', 'v8.compile': 'scripting', 'v8.compileModule': 'scripting', 'v8.evaluateModule': 'scripting',
  'v8.run': 'scripting', V8Execute: 'scripting', TimerFire: 'scripting', EventDispatch: 'scripting', FireAnimationFrame: 'scripting',
  FireIdleCallback: 'scripting', RunMicrotasks: 'scripting', 'V8.GCScavenger': 'scripting', MinorGC: 'scripting', MajorGC: 'scripting',
  'V8.GC_MC_BACKGROUND_EVACUATE_COPY': 'scripting', XHRReadyStateChange: 'scripting', XHRLoad: 'scripting', 'v8.parseOnBackground': 'scripting',
  CompileCode: 'scripting', CompileScript: 'scripting', CompileModule: 'scripting', EvaluateModule: 'scripting', ParseHTML: 'rendering',
  ParseAuthorStyleSheet: 'rendering', UpdateLayoutTree: 'rendering', RecalculateStyles: 'rendering', Layout: 'rendering',
  HitTest: 'rendering', 'IntersectionObserverController::computeIntersections': 'rendering', ScheduleStyleRecalculation: 'rendering',
  UpdateLayerTree: 'rendering', PrePaint: 'painting', Paint: 'painting', Layerize: 'painting', Commit: 'painting',
  PaintImage: 'painting', 'Decode Image': 'painting', CompositeLayers: 'painting', UpdateLayer: 'painting', RasterTask: 'painting',
};

/** A FHIR request of the app page: under the FHIR base, but not the SMART discovery launch.html makes before authorizing. */
function isFhirData(url: string, fhirBase: string): boolean {
  return url.startsWith(fhirBase) && !url.includes('/.well-known/');
}

/** Sums of renderer-main-thread top-level tasks (ms), clipped to the phases the trace's FHIR requests define. */
function mainThreadByPhase(buffer: Buffer, fhirBase: string): MainThread {
  const events = (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const mainThreads = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const fhirIds = new Set<unknown>();
  let firstFhir = Infinity;
  let lastFhir = -Infinity;
  for (const e of events) {
    if (e.name === 'ResourceSendRequest' && typeof e.args?.data?.url === 'string' && isFhirData(e.args.data.url, fhirBase)) {
      fhirIds.add(e.args.data.requestId);
      firstFhir = Math.min(firstFhir, e.ts);
    }
  }
  for (const e of events) {
    if ((e.name === 'ResourceFinish' || e.name === 'ResourceReceiveResponse') && fhirIds.has(e.args?.data?.requestId)) lastFhir = Math.max(lastFhir, e.ts);
  }
  const complete = Math.max(...events.filter((e) => e.name === 'pcp-bench:complete').map((e) => e.ts), -Infinity);
  if (!Number.isFinite(complete) || !Number.isFinite(firstFhir) || !Number.isFinite(lastFhir)) {
    throw new Error(`the trace lacks ${!Number.isFinite(complete) ? 'the pcp-bench:complete mark' : 'the FHIR requests (ResourceSendRequest / ResourceFinish)'}: cannot split the main-thread time`);
  }
  // The phase "after" ends with the frame that showed the complete panel: the task holding the mark (set in that
  // frame's requestAnimationFrame, so the same task then lays out and paints it) is counted; later (idle) work is not.
  const perThread = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X' || !mainThreads.has(`${e.pid}:${e.tid}`) || e.dur === undefined) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!perThread.has(key)) perThread.set(key, []);
    perThread.get(key)!.push(e);
  }
  const phases = { beforeFirstFhir: 0, duringFhir: 0, afterLastFhir: 0 };
  const byCategory: Record<Category, number> = { scripting: 0, rendering: 0, painting: 0, other: 0 };
  const end = complete;
  for (const list of perThread.values()) {
    list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    // Top-level tasks: outermost 'toplevel' events.
    const tasks: TraceEvent[] = [];
    let until = -Infinity;
    for (const e of list) {
      if (!e.cat.split(',').includes('toplevel')) continue;
      if (e.ts < until) continue;
      tasks.push(e);
      until = e.ts + e.dur!;
    }
    for (const t of tasks) {
      const s = t.ts;
      const f = t.ts + t.dur!;
      if (s > end) break;
      const clip = (a: number, b: number) => Math.max(0, Math.min(f, b) - Math.max(s, a));
      phases.beforeFirstFhir += clip(-Infinity, firstFhir);
      phases.duringFhir += clip(firstFhir, lastFhir);
      phases.afterLastFhir += clip(Math.max(lastFhir, firstFhir), Infinity);
      for (const [cat, us] of Object.entries(selfTimes(t, list))) byCategory[cat as Category] += us;
    }
  }
  const ms = (us: number) => us / 1000;
  return {
    beforeFirstFhir: ms(phases.beforeFirstFhir),
    duringFhir: ms(phases.duringFhir),
    afterLastFhir: ms(phases.afterLastFhir),
    total: ms(phases.beforeFirstFhir + phases.duringFhir + phases.afterLastFhir),
    byCategory: Object.fromEntries(Object.entries(byCategory).map(([k, v]) => [k, ms(v)])) as Record<Category, number>,
    fhirInTrace: fhirIds.size,
  };
}

/** Self time of the events nested in one top-level task, by category (µs); the task's own self time is "other". */
function selfTimes(task: TraceEvent, sorted: TraceEvent[]): Record<Category, number> {
  const out: Record<Category, number> = { scripting: 0, rendering: 0, painting: 0, other: 0 };
  const end = task.ts + task.dur!;
  const inside = sorted.filter((e) => e.ts >= task.ts && e.ts + e.dur! <= end);
  const stack: { e: TraceEvent; child: number }[] = [];
  const close = (upTo: number) => {
    while (stack.length && stack[stack.length - 1].e.ts + stack[stack.length - 1].e.dur! <= upTo) {
      const top = stack.pop()!;
      const self = Math.max(0, top.e.dur! - top.child);
      const cat = categoryOf(top.e, stack);
      out[cat] += self;
      if (stack.length) stack[stack.length - 1].child += top.e.dur!;
    }
  };
  for (const e of inside) {
    close(e.ts);
    stack.push({ e, child: 0 });
  }
  close(Infinity);
  return out;
}

/** An event's category, or its nearest categorised ancestor's (a V8 sample inside FunctionCall is scripting). */
function categoryOf(e: TraceEvent, ancestors: { e: TraceEvent }[]): Category {
  if (CATEGORY_OF[e.name]) return CATEGORY_OF[e.name];
  if (e.cat.includes('v8')) return 'scripting';
  for (let i = ancestors.length - 1; i >= 0; i--) if (CATEGORY_OF[ancestors[i].e.name]) return CATEGORY_OF[ancestors[i].e.name];
  return 'other';
}

// ---------------------------------------------------------------------------------------------------------------
// Figures and printing

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

interface PatientFigures {
  patient: string;
  patientId: string;
  runs: number;
  checklistMs: { median: number; min: number; max: number };
  completeMs: { median: number; min: number; max: number };
  requests: { fhir: number; total: number };
  js: { encodingAsServed: string; files: number; firstPaintGzipBytes: number; firstPaintFiles: number; dataPathGzipBytes: number; laterGzipBytes: number; initialRawBytes: number; initialGzipBytes: number; totalRawBytes: number; totalGzipBytes: number; scripts: { url: string; rawBytes: number; gzipBytes: number; initial: boolean }[] };
  mainThreadMs: { traceRuns: number; beforeFirstFhir: number; duringFhir: number; afterLastFhir: number; total: number; byCategory: Record<Category, number> } | null;
}

function summarize(target: Target, runs: RunResult[], traced: RunResult[]): PatientFigures {
  const spread = (xs: number[]) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });
  const last = runs[runs.length - 1];
  const sum = (xs: Script[], key: 'rawBytes' | 'gzipBytes') => xs.reduce((a, s) => a + s[key], 0);
  const initial = (r: RunResult) => r.scripts.filter((s) => s.initial);
  // index.html's JS by part, each file once (launch.html's copy of the shared chunk not counted).
  const appScripts = [...new Map(last.scripts.filter((s) => !/\/launch-[^/]*\.js$/.test(s.url) || partOf(s.url)).map((s) => [s.url, s])).values()];
  const firstPaint = appScripts.filter((s) => partOf(s.url) === 'first-paint');
  const dataPath = appScripts.filter((s) => partOf(s.url) === 'data-path');
  const later = appScripts.filter((s) => !partOf(s.url));
  const mts = traced.map((r) => r.mainThread!).filter(Boolean);
  const med = (f: (m: MainThread) => number) => median(mts.map(f));
  return {
    patient: target.label,
    patientId: target.patientId,
    runs: runs.length,
    checklistMs: spread(runs.map((r) => r.checklistMs)),
    completeMs: spread(runs.map((r) => r.completeMs)),
    requests: { fhir: median(runs.map((r) => r.fhirRequests)), total: median(runs.map((r) => r.totalRequests)) },
    js: {
      encodingAsServed: last.jsEncoding,
      files: last.scripts.length,
      firstPaintGzipBytes: sum(firstPaint, 'gzipBytes'),
      firstPaintFiles: firstPaint.length,
      dataPathGzipBytes: sum(dataPath, 'gzipBytes'),
      laterGzipBytes: sum(later, 'gzipBytes'),
      initialRawBytes: median(runs.map((r) => sum(initial(r), 'rawBytes'))),
      initialGzipBytes: median(runs.map((r) => sum(initial(r), 'gzipBytes'))),
      totalRawBytes: median(runs.map((r) => sum(r.scripts, 'rawBytes'))),
      totalGzipBytes: median(runs.map((r) => sum(r.scripts, 'gzipBytes'))),
      scripts: last.scripts.map((s) => ({ ...s, url: new URL(s.url).pathname })),
    },
    mainThreadMs: mts.length
      ? {
          traceRuns: mts.length,
          beforeFirstFhir: med((m) => m.beforeFirstFhir),
          duringFhir: med((m) => m.duringFhir),
          afterLastFhir: med((m) => m.afterLastFhir),
          total: med((m) => m.total),
          byCategory: { scripting: med((m) => m.byCategory.scripting), rendering: med((m) => m.byCategory.rendering), painting: med((m) => m.byCategory.painting), other: med((m) => m.byCategory.other) },
        }
      : null,
  };
}

const TARGETS = {
  typicalChecklistMs: 350,
  typicalCompleteMs: 450,
  heavyCompleteMs: 700,
  initialJsGzipBytes: 150_000,
  typicalMainThreadAfterLastResponseMs: 50,
};

function print(figures: PatientFigures[], opts: Options, flowName: string): void {
  const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  const msf = (n: number) => `${n.toFixed(0)} ms`;
  const verdict = (value: number, limit: number) => (value <= limit ? 'ok' : `over by ${Math.round(((value - limit) / limit) * 100)}%`);
  const rows: [string, string, string, string][] = [];
  for (const f of figures) {
    const typical = f.patient === 'typical';
    const target = (limit: number | null, value: number, fmt: (n: number) => string): [string, string] => (limit === null ? ['', ''] : [`≤ ${fmt(limit)}`, verdict(value, limit)]);
    rows.push([`${f.patient} (${f.patientId})`, '', '', '']);
    rows.push(['  launch → rooming checklist', `${msf(f.checklistMs.median)} (${f.checklistMs.min.toFixed(0)}–${f.checklistMs.max.toFixed(0)})`, ...target(typical ? TARGETS.typicalChecklistMs : null, f.checklistMs.median, msf)]);
    rows.push(['  launch → complete panel', `${msf(f.completeMs.median)} (${f.completeMs.min.toFixed(0)}–${f.completeMs.max.toFixed(0)})`, ...target(typical ? TARGETS.typicalCompleteMs : TARGETS.heavyCompleteMs, f.completeMs.median, msf)]);
    rows.push(['  requests: FHIR / total', `${f.requests.fhir} / ${f.requests.total}`, '', '']);
    rows.push([`  JS initial: first paint (entry + interface, ${f.js.firstPaintFiles} files), gzip`, kB(f.js.firstPaintGzipBytes), ...target(TARGETS.initialJsGzipBytes, f.js.firstPaintGzipBytes, kB)]);
    rows.push([`  JS data path (loader + engine, in parallel with the token), gzip`, kB(f.js.dataPathGzipBytes), '', '']);
    rows.push([`  JS after first paint / on demand, gzip`, kB(f.js.laterGzipBytes), '', '']);
    rows.push([`  JS loaded before the checklist showed, gzip / as served (${f.js.encodingAsServed})`, `${kB(f.js.initialGzipBytes)} / ${kB(f.js.initialRawBytes)}`, '', '']);
    rows.push([`  JS total (${f.js.files} requests), gzip / as served`, `${kB(f.js.totalGzipBytes)} / ${kB(f.js.totalRawBytes)}`, '', '']);
    const m = f.mainThreadMs;
    if (m) {
      rows.push([`  main thread: before the app's 1st FHIR request`, msf(m.beforeFirstFhir), '', '']);
      rows.push([`  main thread: during FHIR loading`, msf(m.duringFhir), '', '']);
      rows.push([`  main thread: after last FHIR response`, msf(m.afterLastFhir), ...target(typical ? TARGETS.typicalMainThreadAfterLastResponseMs : null, m.afterLastFhir, msf)]);
      rows.push([`  main thread: total (traced)`, msf(m.total), '', '']);
      rows.push([`  by category: scripting / rendering / painting / other`, `${m.byCategory.scripting.toFixed(0)} / ${m.byCategory.rendering.toFixed(0)} / ${m.byCategory.painting.toFixed(0)} / ${m.byCategory.other.toFixed(0)} ms`, '', '']);
    }
  }
  const head: [string, string, string, string] = ['', `median of ${opts.runs}`, 'target', ''];
  const widths = [0, 1, 2, 3].map((i) => Math.max(...[head, ...rows].map((r) => r[i].length)));
  const line = (r: string[]) => `${r[0].padEnd(widths[0])}  ${r[1].padStart(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}`.trimEnd();
  console.log(`\n${line(head)}`);
  for (const r of rows) console.log(line(r));
  console.log(
    `\n(launch through ${flowName}; times from the navigation start of the launch page to the first frame showing it; cold browser context per run, ` +
      `${opts.warmup} warm-up run(s) per patient not counted; min–max in brackets; main thread = medians of ${opts.traceRuns} separate traced runs, ` +
      `renderer main threads' top-level tasks up to the frame showing the complete panel; JS gzip = zlib level 6 per file; targets are not asserted)`,
  );
}

// ---------------------------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const appDir = resolve(opts.appDir);
  if (!existsSync(join(appDir, 'index.html'))) throw new Error(`${appDir}/index.html is missing: run \`vite build\` first (npm run bench:launch does)`);
  classifyChunks(appDir);
  if (!existsSync(opts.chromium)) throw new Error(`no Chromium at ${opts.chromium} (set CHROMIUM_PATH or --chromium)`);

  const dir = mkdtempSync(join(tmpdir(), 'pcp-bench-launch-'));
  let sandbox: Sandbox | null = null;
  let launcher: LauncherFlow | null = null;
  let browser: Browser | null = null;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    await launcher?.close().catch(() => undefined);
    await sandbox?.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const targets: Target[] = [];
    const dataDirs: string[] = [];
    if (opts.patients.includes('typical')) {
      const typical = typicalPatient();
      // The fixture patient is already in the sandbox's default data (fhir-fixtures/); a copy elsewhere is added.
      if (!resolve(typical.file).startsWith(FIXTURES_DIR)) {
        writeNdjson(typical.resources, join(dir, 'typical'));
        dataDirs.push(join(dir, 'typical'));
      }
      targets.push({ label: 'typical', patientId: typical.patientId });
    }
    if (opts.patients.includes('heavy')) {
      writeNdjson(generateHeavyPatient(), join(dir, 'heavy'));
      dataDirs.push(join(dir, 'heavy'));
      targets.push({ label: 'heavy', patientId: HEAVY_PATIENT_ID });
    }
    const t = Date.now();
    sandbox = await startSandbox({ port: 0, appPort: 0, appDir, dataDirs, quiet: true });
    console.log(`sandbox on ${sandbox.baseUrl}, app on ${sandbox.appUrl} (started with the data in ${((Date.now() - t) / 1000).toFixed(1)} s)`);
    let flow: Flow = {
      name: "the sandbox's EHR page",
      launchUrl: (id) => `${sandbox!.baseUrl}/ehr/launch?patient=${encodeURIComponent(id)}`,
      fhirBase: sandbox.fhirBaseUrl,
      timeFromFirstRequest: false,
    };
    if (opts.launcher) {
      launcher = await startLauncherFlow(opts.launcher, sandbox);
      flow = { name: 'the SMART launcher v2', launchUrl: launcher.launchUrl, fhirBase: launcher.fhirBase, timeFromFirstRequest: true };
      console.log(`SMART launcher v2 (${resolve(opts.launcher)}) at ${launcher.fhirBase}, in front of the sandbox's data`);
    }
    browser = await chromium.launch({
      executablePath: opts.chromium,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
    });
    const machine = `${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the start`;
    console.log(`Chromium ${browser.version()}; ${opts.warmup} warm-up + ${opts.runs} runs + ${opts.traceRuns} traced runs per patient; ${machine}`);

    const figures: PatientFigures[] = [];
    for (const target of targets) {
      for (let i = 0; i < opts.warmup; i++) await oneRun(browser, flow, target, opts, false);
      const runs: RunResult[] = [];
      for (let i = 0; i < opts.runs; i++) runs.push(await oneRun(browser, flow, target, opts, false));
      const traced: RunResult[] = [];
      for (let i = 0; i < opts.traceRuns; i++) traced.push(await oneRun(browser, flow, target, opts, true));
      if (opts.cpuProfile) await oneRun(browser, flow, target, opts, false, true);
      console.log(`  ${target.label}: checklist ${runs.map((r) => r.checklistMs.toFixed(0)).join(' ')} ms; complete ${runs.map((r) => r.completeMs.toFixed(0)).join(' ')} ms` +
        (traced.length ? `; traced complete ${traced.map((r) => r.completeMs.toFixed(0)).join(' ')} ms` : ''));
      figures.push(summarize(target, runs, traced));
    }
    print(figures, opts, flow.name);
    console.log(JSON.stringify({ benchmark: 'launch', flow: flow.name, chromium: browser.version(), machine, runs: opts.runs, warmup: opts.warmup, traceRuns: opts.traceRuns, targets: TARGETS, patients: figures }));
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await stop();
  }
}

main().catch((e: unknown) => {
  console.error(`bench:launch failed: ${e instanceof Error ? e.message : e}`);
  process.exitCode = 1;
});
