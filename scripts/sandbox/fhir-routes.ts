/** The FHIR REST API: /fhir/metadata, /fhir/.well-known/smart-configuration, read, search, create. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Resource } from 'fhir/r4';
import type { AuthServer, TokenInfo } from './auth.ts';
import { capabilityStatement, smartConfiguration } from './capability.ts';
import { withExportCapability } from './bulk/index.ts';
import type { Faults } from './faults.ts';
import { FhirError } from './fhir-error.ts';
import type { FhirStore } from './fhir-store.ts';
import { patientOf } from './data.ts';
import { readBody, send, sleep } from './http.ts';
import { hasScope, reach, type Interaction } from './scopes.ts';

export interface FhirRouteContext {
  store: FhirStore;
  auth: AuthServer;
  faults: Faults;
  baseUrl: () => string;
  /** Optional extra handler mounted before the router (Bulk Data $export). */
  bulk?: (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;
}

/** Parameters of POST searches, by cursor, so their next links stay short (oldest dropped beyond 1,000). */
const savedSearches = new Map<string, string>();

const fail = (res: ServerResponse, e: FhirError, headers: Record<string, string> = {}) => send(res, e.status, e.outcome(), headers);

/**
 * Checks the scopes for one interaction and returns the patient the request is confined to (null: not confined).
 * Patient-level grants confine to the launch patient; without a patient context they allow nothing.
 */
function checkScope(token: TokenInfo, resourceType: string, interaction: Interaction): string | null {
  const level = reach(token.scope, resourceType, interaction);
  if (!level) {
    throw new FhirError(403, 'forbidden', `The granted scopes do not allow ${interaction === 'c' ? 'creating' : interaction === 'u' ? 'updating' : 'reading'} ${resourceType}`);
  }
  if (level === 'all') return null;
  if (!token.patient) {
    throw new FhirError(403, 'forbidden', `Patient-level scopes (patient/${resourceType}) need a patient context, and this token has none`);
  }
  return token.patient;
}

export async function handleFhir(req: IncomingMessage, res: ServerResponse, url: URL, ctx: FhirRouteContext): Promise<boolean> {
  if (!url.pathname.startsWith('/fhir')) return false;
  const fhirBase = `${ctx.baseUrl()}/fhir`;
  const path = url.pathname.slice('/fhir'.length).replace(/\/$/, '');
  if (path === '/metadata') return send(res, 200, withExportCapability(capabilityStatement(ctx.baseUrl(), fhirBase))), true;
  if (path === '/.well-known/smart-configuration') return send(res, 200, smartConfiguration(ctx.baseUrl()), { 'Content-Type': 'application/json' }), true;

  const token = ctx.auth.check(req.headers.authorization);
  if (!token) {
    fail(res, new FhirError(401, 'login', 'Missing, invalid or expired access token'), { 'WWW-Authenticate': 'Bearer realm="sandbox", error="invalid_token"' });
    return true;
  }
  if (ctx.bulk && (await ctx.bulk(req, res))) return true;

  const [, resourceType, id] = path.split('/');
  const fault = ctx.faults.take(req.method ?? 'GET', resourceType ?? null, url);
  if (fault?.delayMs) await sleep(fault.delayMs);
  if (fault && fault.status) {
    const headers: Record<string, string> = {};
    if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
    if (fault.status === 401) headers['WWW-Authenticate'] = 'Bearer error="invalid_token"';
    fail(res, new FhirError(fault.status, 'transient', `Injected fault ${fault.status}`), headers);
    return true;
  }

  try {
    if (!resourceType) throw new FhirError(404, 'not-found', 'Unknown path');
    if (req.method === 'GET' && id) {
      // SMART `fhirUser`: the app may read the signed-in user's own resource (their name on what they file).
      if (hasScope(token.scope, 'fhirUser') && token.user.endsWith(`/${resourceType}/${id}`)) return send(res, 200, await ctx.store.read(resourceType, id)), true;
      const patientScope = checkScope(token, resourceType, 'r');
      const resource = await ctx.store.read(resourceType, id, patientScope);
      return send(res, 200, resource), true;
    }
    if (req.method === 'GET') {
      const patientScope = checkScope(token, resourceType, 's');
      const cursor = url.searchParams.get('_cursor');
      if (cursor !== null) {
        // A later page of a POST search: its parameters were kept under the cursor (a GET URL holding ~1,800 codes
        // would not fit a request line); the page position comes from this URL.
        const saved = savedSearches.get(cursor);
        if (!saved) throw new FhirError(410, 'not-found', 'This search has expired — run it again');
        const params = new URLSearchParams(saved);
        for (const k of ['_count', '_offset']) if (url.searchParams.has(k)) params.set(k, url.searchParams.get(k)!);
        const bundle = await ctx.store.search(resourceType, params, { selfUrl: new URL(`${fhirBase}/${resourceType}?_cursor=${cursor}`), tokenPatient: patientScope });
        return send(res, 200, bundle), true;
      }
      const bundle = await ctx.store.search(resourceType, url.searchParams, { selfUrl: new URL(`${fhirBase}${path}${url.search}`), tokenPatient: patientScope });
      return send(res, 200, bundle), true;
    }
    if (req.method === 'POST' && id === '_search') {
      // POST [type]/_search (FHIR R4 search via POST): parameters in the form body and the URL.
      const patientScope = checkScope(token, resourceType, 's');
      const params = new URLSearchParams(url.search);
      for (const [k, v] of new URLSearchParams(await readBody(req))) params.append(k, v);
      const cursor = randomUUID();
      if (savedSearches.size >= 1000) savedSearches.delete(savedSearches.keys().next().value!);
      savedSearches.set(cursor, params.toString());
      const bundle = await ctx.store.search(resourceType, params, { selfUrl: new URL(`${fhirBase}/${resourceType}?_cursor=${cursor}`), tokenPatient: patientScope });
      return send(res, 200, bundle), true;
    }
    if (req.method === 'POST' && !id) {
      const patientScope = checkScope(token, resourceType, 'c');
      let body: Resource;
      try {
        body = JSON.parse(await readBody(req)) as Resource;
      } catch {
        throw new FhirError(400, 'invalid', 'Body is not JSON');
      }
      if (body.resourceType !== resourceType) throw new FhirError(400, 'invalid', `Body must be a ${resourceType}`);
      if (patientScope && patientOf(body) !== patientScope) throw new FhirError(403, 'forbidden', 'The subject must be the launch patient');
      const ifNoneExist = (req.headers['if-none-exist'] as string | undefined) ?? null;
      const { resource, created } = await ctx.store.create(body, ifNoneExist);
      send(res, created ? 201 : 200, resource, { Location: `${fhirBase}/${resource.resourceType}/${resource.id}/_history/1` });
      return true;
    }
    if (req.method === 'PUT' && id) {
      // Update (the support team's Task and ServiceRequest): If-Match on the version read, else 412.
      const patientScope = checkScope(token, resourceType, 'u');
      let body: Resource;
      try {
        body = JSON.parse(await readBody(req)) as Resource;
      } catch {
        throw new FhirError(400, 'invalid', 'Body is not JSON');
      }
      if (body.resourceType !== resourceType || (body.id !== undefined && body.id !== id)) throw new FhirError(400, 'invalid', `Body must be the ${resourceType} with id ${id}`);
      const resource = await ctx.store.update({ ...body, id }, (req.headers['if-match'] as string | undefined) ?? null, patientScope);
      send(res, 200, resource, { ETag: `W/"${resource.meta?.versionId ?? ''}"` });
      return true;
    }
    throw new FhirError(405, 'not-supported', `${req.method} is not supported here`);
  } catch (e) {
    if (e instanceof FhirError) fail(res, e);
    else fail(res, new FhirError(500, 'exception', (e as Error).message));
    return true;
  }
}
