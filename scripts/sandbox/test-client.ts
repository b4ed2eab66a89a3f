/**
 * A programmatic SMART client for tests and benchmarks: performs the real EHR launch against the sandbox
 * (launch token → authorize with PKCE S256 → code → token), no browser.
 *
 * @example
 *   const { access_token } = await obtainToken(sb, { patient: 'p1' });
 */
import { randomBytes } from 'node:crypto';
import { s256 } from './auth.ts';
import { DEFAULT_CLIENT_ID, type Sandbox } from './server.ts';

export const PATIENT_SCOPE = 'launch openid fhirUser online_access patient/*.rs patient/Observation.c';

export interface AuthorizeParams {
  /** EHR launch: a new launch token for this patient (null: no patient, e.g. the clinic registry). */
  patient?: string | null;
  /** EHR launch with this existing launch token (instead of `patient`). */
  launch?: string;
  scope?: string;
  clientId?: string;
  redirectUri?: string;
  verifier?: string;
  challenge?: string;
  method?: string;
  /** Audience; default the sandbox's FHIR base. */
  aud?: string;
}

/** Runs /auth/authorize and returns the redirect Location (code or error). */
export async function authorize(sb: Sandbox, p: AuthorizeParams = {}): Promise<URL> {
  const verifier = p.verifier ?? randomBytes(32).toString('base64url');
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: p.clientId ?? DEFAULT_CLIENT_ID,
    redirect_uri: p.redirectUri ?? `${sb.appUrl}/index.html`,
    scope: p.scope ?? PATIENT_SCOPE,
    state: 'st',
    aud: p.aud ?? sb.fhirBaseUrl,
    code_challenge: p.challenge ?? s256(verifier),
    code_challenge_method: p.method ?? 'S256',
  });
  if (p.launch !== undefined) q.set('launch', p.launch);
  else if (p.patient !== undefined) q.set('launch', sb.auth.createLaunch({ patient: p.patient }));
  const res = await fetch(`${sb.baseUrl}/auth/authorize?${q}`, { redirect: 'manual' });
  const location = res.headers.get('location');
  if (!location) throw Object.assign(new Error(`authorize answered ${res.status}`), { status: res.status, body: await res.text() });
  return new URL(location);
}

export async function exchange(sb: Sandbox, form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sb.baseUrl}/auth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The whole EHR launch; returns the token response. */
export async function obtainToken(sb: Sandbox, p: AuthorizeParams = {}): Promise<Record<string, unknown> & { access_token: string }> {
  const verifier = p.verifier ?? randomBytes(32).toString('base64url');
  const location = await authorize(sb, { ...p, verifier });
  const code = location.searchParams.get('code');
  if (!code) throw new Error(`no code: ${location.search}`);
  const { status, body } = await exchange(sb, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: p.redirectUri ?? `${sb.appUrl}/index.html`,
    client_id: p.clientId ?? DEFAULT_CLIENT_ID,
    code_verifier: verifier,
  });
  if (status !== 200) throw new Error(`token answered ${status}: ${JSON.stringify(body)}`);
  return body as Record<string, unknown> & { access_token: string };
}
