/** Happy-path handlers for the fake EHR (failures are added per test with server.use). */
import { http, HttpResponse } from 'msw';
import { BASE, TOKEN_URI, capabilityStatement, fake, outcome, search } from '../fake-fhir.ts';
import { writeHandlers } from './writes.ts';

const json = (body: unknown, status = 200) =>
  HttpResponse.json(body as Record<string, unknown>, { status, headers: { 'content-type': 'application/fhir+json' } });

/** 401 unless the request carries a token the fake server currently accepts. */
export function authorized(request: Request): boolean {
  const token = request.headers.get('authorization')?.replace(/^Bearer /, '');
  return token !== undefined && fake.validTokens.has(token);
}

export const handlers = [
  http.get(`${BASE}/metadata`, () => json(capabilityStatement())),
  http.post(TOKEN_URI, async ({ request }) => {
    const form = new URLSearchParams(await request.text());
    if (form.get('grant_type') !== 'refresh_token' || form.get('refresh_token') !== 'refresh-1') {
      return HttpResponse.json({ error: 'invalid_grant' }, { status: 400 });
    }
    fake.validTokens.add('token-2');
    return HttpResponse.json({ access_token: 'token-2', token_type: 'Bearer', expires_in: 3600, scope: 'patient/*.read offline_access' });
  }),
  http.get(`${BASE}/:type/:id`, ({ request, params }) => {
    if (!authorized(request)) return json(outcome('token expired'), 401);
    const found = fake.resources.find((r) => r.resourceType === params.type && r.id === params.id);
    return found ? json(found) : json(outcome('not found'), 404);
  }),
  http.get(`${BASE}/:type`, ({ request, params }) => {
    if (!authorized(request)) return json(outcome('token expired'), 401);
    const { status, body } = search(String(params.type), new URL(request.url));
    return json(body, status);
  }),
  // POST [type]/_search (FHIR R4 3.1.0.1.1): the form body carries the parameters.
  http.post(`${BASE}/:type/_search`, async ({ request, params }) => {
    if (!authorized(request)) return json(outcome('token expired'), 401);
    const url = new URL(request.url);
    for (const [k, v] of new URLSearchParams(await request.text())) url.searchParams.append(k, v);
    const { status, body } = search(String(params.type), new URL(url.toString().replace(/^http:/, 'post:')));
    return json(body, status);
  }),
  ...writeHandlers,
];
