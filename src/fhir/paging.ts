/**
 * Follows a search's Bundle `next` links to the end, one page at a time (so progress, partial results
 * and per-page retries are possible). Entries are de-duplicated by type/id; OperationOutcome entries
 * become warnings. A page that fails after the first one keeps what was read and reports `failure`.
 *
 * @example
 *   const r = await readAllPages(transport, 'Condition?patient=p1&_count=200');
 *   // r.items: every entry resource, r.pages: 3, r.failure: null when complete
 */
import type { Bundle, OperationOutcome } from 'fhir/r4';
import { FhirError } from './errors.ts';
import type { SendInit, Transport } from './transport.ts';

export interface PagedResult {
  /** Raw entry resources (not yet validated), unique by resourceType/id. */
  items: unknown[];
  pages: number;
  warnings: string[];
  /** Set when a page could not be read: items hold the earlier pages only. */
  failure: FhirError | null;
  /** Why the pages read may not be everything the search matched (empty entries, fewer matches than `total`). */
  gaps: string[];
}

/** A runaway server (next link loop, endless pages) must not hang the panel. */
const MAX_PAGES = 500;

export async function readAllPages(
  transport: Transport,
  firstUrl: string,
  onPage?: (pagesSoFar: number) => void,
  /** The first request when it is not a plain GET (POST [type]/_search with a form body); next links are GETs. */
  firstInit?: SendInit,
): Promise<PagedResult> {
  const result: PagedResult = { items: [], pages: 0, warnings: [], failure: null, gaps: [] };
  const seen = new Set<string>();
  const visited = new Set<string>();
  const origin = new URL(transport.resolve(firstUrl)).origin;
  let url: string | null = transport.resolve(firstUrl);
  let total: number | null = null;
  let matches = 0;
  let empty = 0;
  while (url) {
    visited.add(url);
    let bundle: Bundle;
    try {
      bundle = asBundle((await transport.send(url, result.pages === 0 ? firstInit : undefined)).body, url);
    } catch (e) {
      if (result.pages === 0 || !(e instanceof FhirError)) throw e;
      result.failure = e;
      return result;
    }
    result.pages += 1;
    if (result.pages === 1 && typeof bundle.total === 'number') total = bundle.total;
    const entries: unknown = bundle.entry ?? [];
    if (!Array.isArray(entries)) {
      result.gaps.push(`page ${result.pages} had an unreadable entry list`);
      empty += 1;
    } else {
      for (const entry of entries) {
        const kind = addEntry(result, seen, entry);
        if (kind === 'empty') empty += 1;
        else if (kind === 'match') matches += 1;
      }
    }
    onPage?.(result.pages);
    url = nextLink(bundle, transport);
    if (url && new URL(url).origin !== origin) {
      // Never send the bearer token to another host because a server said so.
      result.failure = new FhirError('client', `next page link points to another server (${new URL(url).origin})`);
      return result;
    }
    if (url && (visited.has(url) || result.pages >= MAX_PAGES)) {
      result.failure = new FhirError('client', `paging stopped after ${result.pages} pages (repeating or endless next links)`);
      return result;
    }
  }
  if (empty > 0) result.gaps.push(`${empty} search ${empty === 1 ? 'entry was' : 'entries were'} empty or not a resource`);
  // `total` counts matches (not _include'd resources): fewer matches than that means the pages left some out.
  if (total !== null && matches + empty < total) result.gaps.push(`the server reported ${total} matches but its pages held ${matches}`);
  return result;
}

function asBundle(body: unknown, url: string): Bundle {
  const b = body as Bundle | null;
  if (b && typeof b === 'object' && b.resourceType === 'Bundle') return b;
  const found = b && typeof b === 'object' && 'resourceType' in b ? String(b.resourceType) : typeof body;
  throw new FhirError('invalid-body', `the server answered a search with ${found} instead of a Bundle (${url.split('?')[0]})`);
}

/** Adds one entry; says whether it was a match, an _include'd resource, a server note or an empty entry. */
function addEntry(result: PagedResult, seen: Set<string>, entry: unknown): 'match' | 'include' | 'outcome' | 'empty' {
  const e = entry as { resource?: unknown; search?: { mode?: string } } | null;
  const resource = e && typeof e === 'object' ? e.resource : undefined;
  const r = resource as { resourceType?: unknown; id?: unknown } | undefined;
  const mode = e && typeof e === 'object' && e.search && typeof e.search === 'object' ? e.search.mode : undefined;
  if (r && typeof r === 'object' && r.resourceType === 'OperationOutcome') {
    result.warnings.push(...outcomeText(resource as OperationOutcome));
    return 'outcome';
  }
  if (!r || typeof r !== 'object' || Array.isArray(r) || typeof r.resourceType !== 'string') return 'empty';
  const kind = mode === 'include' ? 'include' : 'match';
  if (typeof r.id === 'string') {
    const key = `${r.resourceType}/${r.id}`;
    if (seen.has(key)) return kind; // the same resource on two pages (results shifted while paging)
    seen.add(key);
  }
  result.items.push(resource);
  return kind;
}

function outcomeText(outcome: OperationOutcome): string[] {
  return (outcome.issue ?? []).map(
    (i) => `server note (${i.severity ?? 'information'}): ${i.diagnostics ?? i.details?.text ?? i.code ?? 'no details'}`,
  );
}

function nextLink(bundle: Bundle, transport: Transport): string | null {
  const next = (bundle.link ?? []).find((l) => l.relation === 'next')?.url;
  return next ? transport.resolve(next) : null;
}
