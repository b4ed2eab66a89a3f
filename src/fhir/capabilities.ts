/**
 * What the server's CapabilityStatement (GET /metadata) says it supports, read once per server for the browser
 * session (kept in sessionStorage, so a relaunch or another patient starts its searches without waiting for it).
 * Queries only use optional search parameters that are listed, because some servers answer an
 * unknown parameter with 400 instead of ignoring it.
 */
import type { CapabilityStatement } from 'fhir/r4';
import type { Transport } from './transport.ts';

export interface Capabilities {
  /** False when /metadata could not be read: queries then use only the parameters every server has. */
  known: boolean;
  supportsSearchParam(resourceType: string, param: string): boolean;
  supportsInclude(resourceType: string, include: string): boolean;
  /**
   * Does the server honour `If-None-Exist` on create (`rest.resource.conditionalCreate`)? Without it a retried
   * POST may file a second resource, so writes look for their identifier before creating.
   */
  supportsConditionalCreate(resourceType: string): boolean;
}

export function capabilitiesFrom(statement: CapabilityStatement | null): Capabilities {
  const resources = new Map((statement?.rest ?? []).flatMap((r) => r.resource ?? []).map((r) => [r.type, r]));
  return {
    known: statement !== null,
    supportsSearchParam: (type, param) =>
      Boolean(resources.get(type)?.searchParam?.some((p) => p.name?.toLowerCase() === param.toLowerCase())),
    supportsInclude: (type, include) => Boolean(resources.get(type)?.searchInclude?.includes(include)),
    supportsConditionalCreate: (type) => resources.get(type)?.conditionalCreate === true,
  };
}

/** Only what the queries and writes ask of a statement: small enough to keep for the session. */
function essentials(statement: CapabilityStatement): CapabilityStatement {
  const resource = (statement.rest ?? []).flatMap((r) => r.resource ?? []).map((r) => ({
    type: r.type,
    searchParam: r.searchParam?.map((p) => ({ name: p.name, type: p.type })),
    searchInclude: r.searchInclude,
    conditionalCreate: r.conditionalCreate,
  }));
  return { resourceType: 'CapabilityStatement', status: statement.status, date: statement.date, kind: statement.kind, fhirVersion: statement.fhirVersion, format: statement.format, rest: [{ mode: 'server', resource }] };
}

const CACHE_PREFIX = 'pcp-capabilities:';

function sessionStore(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage disabled (privacy settings)
  }
}

function cached(key: string): CapabilityStatement | null {
  try {
    const text = sessionStore()?.getItem(CACHE_PREFIX + key);
    return text ? (JSON.parse(text) as CapabilityStatement) : null;
  } catch {
    return null;
  }
}

// Reads in flight, per server: the loader and the support team's requests start together and share one read.
const inFlight = new Map<string, Promise<Capabilities>>();

// Statements asked for before the token was there (see prefetchCapabilities), per metadata URL.
const primed = new Map<string, Promise<unknown>>();

/**
 * index.html, while the token is exchanged: GET /metadata without a token (a CapabilityStatement is public, FHIR
 * R4 §3.1.0.1.1 and SMART App Launch 2.x), so the searches need not wait for it. The server is the one the launch
 * chose (fhirclient's saved state for this `state`, checked against the issuer allow-list by launch.html). If the
 * server wants a token for it, the loader reads it with the token as before.
 */
export function prefetchCapabilities(search: string, storage: Storage | null, fetchImpl: typeof fetch): void {
  const stateKey = new URLSearchParams(search).get('state');
  if (!stateKey || !storage) return;
  let serverUrl: unknown;
  try {
    serverUrl = (JSON.parse(storage.getItem(stateKey) ?? 'null') as { serverUrl?: unknown } | null)?.serverUrl;
  } catch {
    return;
  }
  if (typeof serverUrl !== 'string' || !/^https?:\/\//.test(serverUrl)) return;
  const key = new URL('metadata', serverUrl.replace(/\/*$/, '/')).toString();
  if (cached(key)) return;
  primed.set(key, fetchImpl(key, { headers: { accept: 'application/fhir+json' } }).then((r) => (r.ok ? r.json() : null)).catch(() => null));
}

/** The server's capabilities, from this session's copy when there is one; an unreadable /metadata is not kept. */
export async function readCapabilities(transport: Transport): Promise<Capabilities> {
  const key = transport.resolve('metadata');
  const kept = cached(key);
  if (kept) return capabilitiesFrom(kept);
  const pending = inFlight.get(key);
  if (pending) return pending;
  const early = primed.get(key);
  if (early) {
    primed.delete(key);
    const body = await early;
    if ((body as { resourceType?: unknown } | null)?.resourceType === 'CapabilityStatement') return keep(key, body as CapabilityStatement);
  }
  const reading = fetchCapabilities(transport, key).finally(() => inFlight.delete(key));
  inFlight.set(key, reading);
  return reading;
}

async function fetchCapabilities(transport: Transport, key: string): Promise<Capabilities> {
  try {
    const { body } = await transport.send('metadata');
    const isStatement = (body as { resourceType?: unknown } | null)?.resourceType === 'CapabilityStatement';
    if (!isStatement) return capabilitiesFrom(null);
    return keep(key, body as CapabilityStatement);
  } catch {
    return capabilitiesFrom(null);
  }
}

function keep(key: string, full: CapabilityStatement): Capabilities {
  const statement = essentials(full);
  try {
    sessionStore()?.setItem(CACHE_PREFIX + key, JSON.stringify(statement));
  } catch {
    // a full storage only costs the next launch one request
  }
  return capabilitiesFrom(statement);
}
