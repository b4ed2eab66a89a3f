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

/** The server's capabilities, from this session's copy when there is one; an unreadable /metadata is not kept. */
export async function readCapabilities(transport: Transport): Promise<Capabilities> {
  const key = transport.resolve('metadata');
  const kept = cached(key);
  if (kept) return capabilitiesFrom(kept);
  const pending = inFlight.get(key);
  if (pending) return pending;
  const reading = fetchCapabilities(transport, key).finally(() => inFlight.delete(key));
  inFlight.set(key, reading);
  return reading;
}

async function fetchCapabilities(transport: Transport, key: string): Promise<Capabilities> {
  try {
    const { body } = await transport.send('metadata');
    const isStatement = (body as { resourceType?: unknown } | null)?.resourceType === 'CapabilityStatement';
    if (!isStatement) return capabilitiesFrom(null);
    const statement = essentials(body as CapabilityStatement);
    try {
      sessionStore()?.setItem(CACHE_PREFIX + key, JSON.stringify(statement));
    } catch {
      // a full storage only costs the next launch one request
    }
    return capabilitiesFrom(statement);
  } catch {
    return capabilitiesFrom(null);
  }
}
