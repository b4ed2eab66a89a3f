/** The sandbox's SMART authorization: PKCE, redirect URI, code expiry and reuse, token checks, scopes. */
import { randomBytes } from 'node:crypto';
import { startSandbox, type Sandbox } from '../../scripts/sandbox/server.ts';
import { authorize, exchange, obtainToken } from '../../scripts/sandbox/test-client.ts';
import { AuthServer, s256 } from '../../scripts/sandbox/auth.ts';

let sb: Sandbox;
const PID = 'e62229aa-7327-48d5-bbe8-6b8295de0e55'; // Lonnie Von (Synthea fixture)

beforeAll(async () => {
  sb = await startSandbox({ today: '2026-11-22', codeTtlSeconds: 1 });
});
afterAll(() => sb.close());

async function code(verifier: string) {
  const loc = await authorize(sb, { patient: PID, verifier });
  return loc.searchParams.get('code')!;
}
const form = (c: string, verifier: string, extra: Record<string, string> = {}) => ({
  grant_type: 'authorization_code', code: c, redirect_uri: `${sb.appUrl}/index.html`, client_id: 'pain-care-panel', code_verifier: verifier, ...extra,
});

describe('authorization code + PKCE', () => {
  it('a matching code_verifier gets a token with the launch patient and an id_token with fhirUser', async () => {
    const t = await obtainToken(sb, { patient: PID });
    expect(t.patient).toBe(PID);
    expect(t.token_type).toBe('Bearer');
    const payload = JSON.parse(Buffer.from(String(t.id_token).split('.')[1], 'base64url').toString());
    expect(payload.fhirUser).toMatch(/Practitioner\/sandbox-clinician$/);
    expect(t.refresh_token).toBeTruthy();
  });

  it('a PKCE mismatch is rejected', async () => {
    const v = randomBytes(32).toString('base64url');
    const r = await exchange(sb, form(await code(v), randomBytes(32).toString('base64url')));
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('invalid_grant');
    expect(String(r.body.error_description)).toMatch(/PKCE/);
  });

  it('a missing or plain code_challenge is refused at authorize', async () => {
    const loc = await authorize(sb, { patient: PID, method: 'plain' });
    expect(loc.searchParams.get('error')).toBe('invalid_request');
  });

  it('an aud that is not this FHIR server is refused at authorize', async () => {
    const loc = await authorize(sb, { patient: PID, aud: 'https://elsewhere.example/fhir' });
    expect(loc.searchParams.get('error')).toBe('invalid_request');
    expect(loc.searchParams.get('error_description')).toMatch(/aud/);
  });

  it('a wrong redirect_uri is rejected at authorize (no redirect to it) and at the token endpoint', async () => {
    await expect(authorize(sb, { patient: PID, redirectUri: 'http://127.0.0.1:9/evil.html' })).rejects.toMatchObject({ status: 400 });
    const v = randomBytes(32).toString('base64url');
    const r = await exchange(sb, form(await code(v), v, { redirect_uri: `${sb.appUrl}/other.html` }));
    expect(r.status).toBe(400);
  });

  it('an unknown client is rejected', async () => {
    await expect(authorize(sb, { patient: PID, clientId: 'nobody' })).rejects.toMatchObject({ status: 400 });
  });

  it('an expired code is rejected', async () => {
    const v = randomBytes(32).toString('base64url');
    const c = await code(v);
    await new Promise((r) => setTimeout(r, 1200));
    const r = await exchange(sb, form(c, v));
    expect(r.status).toBe(400);
    expect(String(r.body.error_description)).toMatch(/expired/);
  });

  it('a code can be used once', async () => {
    const v = randomBytes(32).toString('base64url');
    const c = await code(v);
    expect((await exchange(sb, form(c, v))).status).toBe(200);
    expect((await exchange(sb, form(c, v))).status).toBe(400);
  });

  it('the refresh token grant gives a new access token', async () => {
    const t = await obtainToken(sb, { patient: PID });
    const r = await exchange(sb, { grant_type: 'refresh_token', refresh_token: String(t.refresh_token) });
    expect(r.status).toBe(200);
    expect(r.body.access_token).not.toBe(t.access_token);
  });

  it('s256 is the RFC 7636 transform', () => {
    expect(s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
});

describe('the FHIR API checks the token', () => {
  it('401 without a token, with a bad token, and after revocation', async () => {
    expect((await fetch(`${sb.fhirBaseUrl}/Patient/${PID}`)).status).toBe(401);
    expect((await fetch(`${sb.fhirBaseUrl}/Patient/${PID}`, { headers: { Authorization: 'Bearer nope' } })).status).toBe(401);
  });

  it('403 for a resource type outside the granted scopes, and for another patient', async () => {
    const t = await obtainToken(sb, { patient: PID, scope: 'launch patient/Patient.rs patient/Observation.rs' });
    const h = { Authorization: `Bearer ${t.access_token}` };
    expect((await fetch(`${sb.fhirBaseUrl}/Patient/${PID}`, { headers: h })).status).toBe(200);
    expect((await fetch(`${sb.fhirBaseUrl}/Condition?patient=${PID}`, { headers: h })).status).toBe(403);
    expect((await fetch(`${sb.fhirBaseUrl}/Observation?patient=someone-else`, { headers: h })).status).toBe(403);
    const post = await fetch(`${sb.fhirBaseUrl}/Observation`, { method: 'POST', headers: { ...h, 'Content-Type': 'application/fhir+json' }, body: '{}' });
    expect(post.status).toBe(403);
  });

  it('v1 scopes (patient/*.read) are understood', async () => {
    const t = await obtainToken(sb, { patient: PID, scope: 'launch patient/*.read' });
    expect((await fetch(`${sb.fhirBaseUrl}/Condition?patient=${PID}`, { headers: { Authorization: `Bearer ${t.access_token}` } })).status).toBe(200);
  });
});

describe('token lifetime (fake clock)', () => {
  it('an access token is refused once expires_in has passed; the refresh token still works', () => {
    let now = 1_000_000;
    const auth = new AuthServer({ issuer: () => 'http://sb', fhirUser: () => 'http://sb/fhir/Practitioner/x', tokenTtlSeconds: 300, codeTtlSeconds: 60, now: () => now });
    auth.registerClient('c', 'http://app/index.html');
    const verifier = randomBytes(32).toString('base64url');
    const code = auth.issueCode({ clientId: 'c', redirectUri: 'http://app/index.html', scope: 'launch online_access patient/*.rs', patient: 'p', challenge: s256(verifier) });
    const t = auth.exchangeCode(new URLSearchParams({ code, redirect_uri: 'http://app/index.html', client_id: 'c', code_verifier: verifier }));
    expect(auth.check(`Bearer ${t.access_token}`)?.patient).toBe('p');
    now += 299_000;
    expect(auth.check(`Bearer ${t.access_token}`)).not.toBeNull();
    now += 2_000;
    expect(auth.check(`Bearer ${t.access_token}`)).toBeNull();
    const renewed = auth.refresh(new URLSearchParams({ refresh_token: String(t.refresh_token) }));
    expect(auth.check(`Bearer ${renewed.access_token}`)?.patientOnly).toBe(true);
  });
});
