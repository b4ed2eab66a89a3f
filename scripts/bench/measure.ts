/**
 * Loader benchmark measurements: one timed run of the app's loader + clinical engine, and the "raw"
 * baseline — the same URLs fetched directly with the same shape of parallelism (metadata and Patient
 * first, then every search's page chain in parallel, pages in order), bodies read but not parsed.
 */
import type Client from 'fhirclient/lib/Client';
import type { Resource } from 'fhir/r4';
import type { LoadStatus } from '../../src/clinical/types.ts';
import { loadPatientRecord, type LoadResult } from '../../src/fhir/loader.ts';
import { createTransport } from '../../src/fhir/transport.ts';

export interface RunFigures {
  requests: number;
  pages: number;
  bytes: number;
  allDataMs: number;
  summaryMs: number;
  urls: string[];
  resources: number;
  states: string;
}

export type Summarize = (resources: Resource[], status: LoadStatus, asOf: string) => unknown;

export async function timedRun(client: Client, asOf: string, summarize: Summarize | null): Promise<RunFigures> {
  const urls: string[] = [];
  const transport = createTransport(client, { onExchange: (e) => urls.push(e.url), timeoutMs: 60_000 });
  const started = performance.now();
  const result: LoadResult = await loadPatientRecord(client, { asOf, transport });
  const allDataMs = performance.now() - started;
  const resources = result.sources.flatMap((s) => s.resources);
  const status: LoadStatus = Object.fromEntries(result.sources.map((s) => [s.source, s.status]));
  const engineStarted = performance.now();
  if (summarize) summarize(resources, status, asOf);
  const summaryMs = performance.now() - started;
  if (process.env.BENCH_DEBUG) console.log(`    engine ${Math.round(performance.now() - engineStarted)} ms on ${resources.length} resources`);
  return {
    requests: result.requests,
    pages: result.sources.reduce((n, s) => n + s.pages, 0),
    bytes: result.bytes,
    allDataMs,
    summaryMs,
    urls,
    resources: resources.length,
    states: result.sources.map((s) => `${s.source}:${s.status.state}`).join(' '),
  };
}

/** Page chains of a recorded run: each search's first URL followed by its next links (found once, untimed). */
export async function discoverChains(urls: string[], auth: string): Promise<{ first: string[][]; searches: string[][] }> {
  const nextOf = new Map<string, string>();
  for (const url of urls) {
    const res = await fetch(url, { headers: { authorization: auth, accept: 'application/fhir+json' } });
    const body = (await res.json()) as { link?: Array<{ relation: string; url: string }> };
    const next = body.link?.find((l) => l.relation === 'next')?.url;
    if (next) nextOf.set(url, next);
  }
  const continuations = new Set(nextOf.values());
  const chains = urls.filter((u) => !continuations.has(u)).map((start) => {
    const chain = [start];
    for (let n = nextOf.get(start); n; n = nextOf.get(n)) chain.push(n);
    return chain;
  });
  const isSetup = (chain: string[]) => /\/metadata$|\/Patient\/[^/?]+$/.test(chain[0]);
  return { first: chains.filter(isSetup), searches: chains.filter((c) => !isSetup(c)) };
}

/** Fetches the chains: setup chains in parallel, then all search chains in parallel, pages in order. */
export async function rawRun(chains: { first: string[][]; searches: string[][] }, auth: string): Promise<number> {
  const get = async (url: string) => {
    const res = await fetch(url, { headers: { authorization: auth, accept: 'application/fhir+json' } });
    await res.arrayBuffer();
  };
  const runChain = async (chain: string[]) => {
    for (const url of chain) await get(url);
  };
  const started = performance.now();
  await Promise.all(chains.first.map(runChain));
  await Promise.all(chains.searches.map(runChain));
  return performance.now() - started;
}

export const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
