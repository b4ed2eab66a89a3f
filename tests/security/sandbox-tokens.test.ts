/**
 * Findings on the sandbox's token endpoint and launch: a code exchange without client_id; refresh tokens not
 * bound to the client, never rotated and reusable; launch tokens usable twice; a reused authorization code that
 * does not revoke what it issued (RFC 6749 §4.1.2); /ehr/launch?patient=<unknown> answering 500.
 * Each test asserts the refusal a real SMART server gives.
 */
import { randomBytes } from 'node:crypto';
import type { Sandbox } from '../../scripts/sandbox/server.ts';
import { authorize, exchange, obtainToken } from '../../scripts/sandbox/test-client.ts';
import { PA, smallSandbox } from './support.ts';

let sb: Sandbox;
const OTHER = 'other-app';

beforeAll(async () => {
  sb = await smallSandbox({ clients: { [OTHER]: 'http://127.0.0.1:9/other/index.html' } });
});
afterAll(() => sb.close());

const verifier = () => randomBytes(32).toString('base64url');
const codeFor = async (v: string) => (await authorize(sb, { patient: PA, verifier: v })).searchParams.get('code')!;
const codeForm = (code: string, v: string, extra: Record<string, string> = {}) => ({
  grant_type: 'authorization_code', code, redirect_uri: `${sb.appUrl}/index.html`, client_id: 'pain-care-panel', code_verifier: v, ...extra,
});
const read = (token: string) => fetch(`${sb.fhirBaseUrl}/Patient/${PA}`, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status);

describe('token endpoint', () => {
  it('refuses a code exchange without client_id (public client: RFC 6749 §4.1.3)', async () => {
    const v = verifier();
    const { client_id: _omitted, ...form } = codeForm(await codeFor(v), v);
    const r = await exchange(sb, form);
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('invalid_request');
    expect(String(r.body.error_description)).toMatch(/client_id/);
  });

  it('a reused authorization code is refused and revokes the tokens it issued (RFC 6749 §4.1.2)', async () => {
    const v = verifier();
    const code = await codeFor(v);
    const first = await exchange(sb, codeForm(code, v));
    expect(first.status).toBe(200);
    const access = String(first.body.access_token);
    expect(await read(access)).toBe(200);
    const again = await exchange(sb, codeForm(code, v));
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');
    expect(await read(access)).toBe(401);
    const refreshed = await exchange(sb, { grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token) });
    expect(refreshed.status).toBe(400);
  });

  it('a reused code also revokes the tokens obtained by refreshing (the whole grant)', async () => {
    const v = verifier();
    const code = await codeFor(v);
    const first = await exchange(sb, codeForm(code, v));
    const renewed = await exchange(sb, { grant_type: 'refresh_token', refresh_token: String(first.body.refresh_token) });
    expect(renewed.status).toBe(200);
    await exchange(sb, codeForm(code, v));
    expect(await read(String(renewed.body.access_token))).toBe(401);
  });
});

describe('refresh tokens', () => {
  it('are bound to the client: another client_id is refused', async () => {
    const t = await obtainToken(sb, { patient: PA });
    const r = await exchange(sb, { grant_type: 'refresh_token', refresh_token: String(t.refresh_token), client_id: OTHER });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('invalid_grant');
    // the right client (or none: SMART public clients need not send it) still refreshes
    const ok = await exchange(sb, { grant_type: 'refresh_token', refresh_token: String(t.refresh_token), client_id: 'pain-care-panel' });
    expect(ok.status).toBe(200);
  });

  it('rotate on use: the answer carries a new refresh token and the old one is refused', async () => {
    const t = await obtainToken(sb, { patient: PA });
    const r1 = await exchange(sb, { grant_type: 'refresh_token', refresh_token: String(t.refresh_token) });
    expect(r1.status).toBe(200);
    expect(r1.body.refresh_token).toBeTruthy();
    expect(r1.body.refresh_token).not.toBe(t.refresh_token);
    const reuse = await exchange(sb, { grant_type: 'refresh_token', refresh_token: String(t.refresh_token) });
    expect(reuse.status).toBe(400);
    expect(reuse.body.error).toBe('invalid_grant');
  });

  it('replaying a rotated refresh token revokes the grant (OAuth 2.0 Security BCP, RFC 9700 §4.14.2)', async () => {
    const t = await obtainToken(sb, { patient: PA });
    const r1 = await exchange(sb, { grant_type: 'refresh_token', refresh_token: String(t.refresh_token) });
    await exchange(sb, { grant_type: 'refresh_token', refresh_token: String(t.refresh_token) });
    expect(await read(String(r1.body.access_token))).toBe(401);
    expect((await exchange(sb, { grant_type: 'refresh_token', refresh_token: String(r1.body.refresh_token) })).status).toBe(400);
  });

  it('keep the grant\'s patient and scope', async () => {
    const t = await obtainToken(sb, { patient: PA });
    const r = await exchange(sb, { grant_type: 'refresh_token', refresh_token: String(t.refresh_token) });
    expect([r.body.patient, r.body.scope]).toEqual([t.patient, t.scope]);
  });
});

describe('EHR launch', () => {
  it('a launch token is single use: a second authorization with it is refused', async () => {
    const launch = sb.auth.createLaunch({ patient: PA });
    const first = await authorize(sb, { launch });
    expect(first.searchParams.get('code')).toBeTruthy();
    const second = await authorize(sb, { launch });
    expect(second.searchParams.get('code')).toBeNull();
    expect(second.searchParams.get('error')).toBe('invalid_request');
    expect(second.searchParams.get('error_description')).toMatch(/launch/);
  });

  it('/ehr/launch with an unknown patient answers 404 with a plain message (not 500)', async () => {
    const res = await fetch(`${sb.baseUrl}/ehr/launch?patient=no-such-patient`);
    expect(res.status).toBe(404);
    const text = await res.text();
    expect(text).toMatch(/no-such-patient/);
    expect(text).not.toMatch(/"error"|stack|at \w+ \(/);
  });
});
