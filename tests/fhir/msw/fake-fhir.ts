/**
 * An in-memory FHIR server for msw: strict about parameters (unknown → 400), checks the bearer token,
 * pages results with `next` links and supports `_include=MedicationRequest:medication` when enabled.
 * Tests seed it with resources and override single routes with `server.use(...)` to inject faults.
 */
import type { Bundle, Resource } from 'fhir/r4';

export const BASE = 'http://ehr.test/fhir';
export const TOKEN_URI = 'http://ehr.test/auth/token';

export interface FakeFhirState {
  resources: Resource[];
  includeSupported: boolean;
  /** Largest page the server will return, whatever _count asks for. */
  maxPageSize: number;
  validTokens: Set<string>;
  /** Advertised in the CapabilityStatement and honoured on POST (If-None-Exist); false: a server that ignores it. */
  conditionalCreate: boolean;
}

export const fake: FakeFhirState = { resources: [], includeSupported: true, maxPageSize: 50, validTokens: new Set(['token-1']), conditionalCreate: true };

export function resetFake(resources: Resource[] = [], options: Partial<Omit<FakeFhirState, 'resources'>> = {}): void {
  fake.resources = resources;
  fake.includeSupported = options.includeSupported ?? true;
  fake.maxPageSize = options.maxPageSize ?? 50;
  fake.validTokens = options.validTokens ?? new Set(['token-1']);
  fake.conditionalCreate = options.conditionalCreate ?? true;
}

export const SEARCH_PARAMS: Record<string, string[]> = {
  MedicationRequest: ['patient', 'status', 'authoredon', 'authoredon:missing'],
  Condition: ['patient', 'category'],
  Observation: ['patient', 'code', 'category', 'date', 'identifier'],
  Procedure: ['patient', 'code'],
  DocumentReference: ['patient', 'type'],
  MedicationDispense: ['patient', 'whenhandedover', 'whenhandedover:missing'],
  MedicationStatement: ['patient'],
  QuestionnaireResponse: ['patient'],
  ServiceRequest: ['patient'],
};
const COMMON = ['_count', '_page'];

type Json = Record<string, unknown>;
const codings = (cc: unknown): Json[] => ((cc as Json | undefined)?.coding as Json[] | undefined) ?? [];
const tokenMatch = (cc: unknown, list: string[]) =>
  codings(cc).some((c) => list.some((t) => (t.includes('|') ? t === `${c.system}|${c.code}` : t === c.code)));
const manyCc = (v: unknown) => (Array.isArray(v) ? v : [v]);

function matches(r: Json, name: string, value: string): boolean {
  const list = value.split(',');
  switch (name) {
    case 'patient':
      return (r.subject as Json | undefined)?.reference === `Patient/${value}`;
    case 'status':
      return list.includes(String(r.status));
    case 'code':
      return tokenMatch(r.code, list);
    case 'type':
      return tokenMatch(r.type, list);
    case 'identifier':
      return ((r.identifier as Json[] | undefined) ?? []).some((i) => list.includes(`${i.system}|${i.value}`));
    case 'category':
      return manyCc(r.category).some((cc) => tokenMatch(cc, list));
    case 'authoredon':
      // A date search never returns a resource without that date (FHIR search semantics).
      if (typeof r.authoredOn !== 'string') return false;
      return value.startsWith('lt') ? r.authoredOn < value.slice(2) : r.authoredOn >= value.replace(/^ge/, '');
    case 'whenhandedover':
      if (typeof r.whenHandedOver !== 'string') return false;
      return r.whenHandedOver >= value.replace(/^ge/, '');
    case 'whenhandedover:missing':
      return (typeof r.whenHandedOver !== 'string') === (value === 'true');
    case 'authoredon:missing':
      return (typeof r.authoredOn !== 'string') === (value === 'true');
    case 'date':
      // effective[x] only: an Observation dated only by `issued` does not match a date search.
      return typeof r.effectiveDateTime === 'string' && r.effectiveDateTime >= value.replace(/^ge/, '');
    default:
      return true;
  }
}

/** The search answer, or an HTTP status and message when the request is not one a real server accepts. */
export function search(type: string, url: URL): { status: number; body: unknown } {
  const allowed = [...(SEARCH_PARAMS[type] ?? []), ...COMMON, ...(fake.includeSupported && type === 'MedicationRequest' ? ['_include'] : [])];
  for (const name of url.searchParams.keys()) {
    if (!allowed.includes(name)) return { status: 400, body: outcome(`unknown search parameter ${name}`) };
  }
  // A long code list fits a POST body, not a first GET URL (next links carry the fake's own paging).
  if ((url.searchParams.get('code') ?? '').length > 4000 && url.protocol !== 'post:' && !url.searchParams.has('_page')) {
    return { status: 414, body: outcome('URI too long') };
  }
  if (!url.searchParams.get('patient')) return { status: 400, body: outcome('patient is required') };
  const hits = fake.resources.filter(
    (r) => r.resourceType === type && [...url.searchParams].every(([k, v]) => COMMON.includes(k) || k === '_include' || matches(r as unknown as Json, k, v)),
  );
  const size = Math.min(Number(url.searchParams.get('_count') ?? 20), fake.maxPageSize);
  const page = Number(url.searchParams.get('_page') ?? 0);
  const slice = hits.slice(page * size, (page + 1) * size);
  const entry: Array<{ resource: unknown; search: { mode: string } }> = slice.map((resource) => ({ resource, search: { mode: 'match' } }));
  if (url.searchParams.get('_include') === 'MedicationRequest:medication') {
    const ids = new Set(slice.map((r) => ((r as unknown as Json).medicationReference as Json | undefined)?.reference));
    for (const m of fake.resources) if (ids.has(`Medication/${m.id}`)) entry.push({ resource: m, search: { mode: 'include' } });
  }
  const self = new URL(`${BASE}/${type}${url.search}`);
  const link: Bundle['link'] = [{ relation: 'self', url: self.toString() }];
  if ((page + 1) * size < hits.length) {
    const next = new URL(self);
    next.searchParams.set('_page', String(page + 1));
    link.push({ relation: 'next', url: next.toString() });
  }
  return { status: 200, body: { resourceType: 'Bundle', type: 'searchset', total: hits.length, link, entry } };
}

export function outcome(diagnostics: string, severity = 'error') {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code: 'processing', diagnostics }] };
}

export function capabilityStatement() {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    rest: [
      {
        mode: 'server',
        resource: Object.entries(SEARCH_PARAMS).map(([type, params]) => ({
          type,
          searchParam: params.map((name) => ({ name, type: 'token' })),
          ...(type === 'MedicationRequest' && fake.includeSupported ? { searchInclude: ['MedicationRequest:medication'] } : {}),
          ...(type === 'Observation' ? { conditionalCreate: fake.conditionalCreate } : {}),
        })),
      },
    ],
  };
}
