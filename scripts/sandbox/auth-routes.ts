/** HTTP routes of the authorization server: /auth/authorize, /auth/decide (picker), /auth/token. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Patient } from 'fhir/r4';
import { AuthServer, OAuthError } from './auth.ts';
import { readBody, redirect, send } from './http.ts';
import { errorPage, picker } from './pages.ts';
import { hasScope } from './scopes.ts';

export interface AuthRouteContext {
  auth: AuthServer;
  fhirBase: () => string;
  patients: () => Promise<Patient[]>;
}

function back(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

/** Validates an authorization request; returns the patient context or a redirect error. */
function authorizeRequest(q: URLSearchParams, ctx: AuthRouteContext): { patient: string | null; needsPicker: boolean } {
  ctx.auth.checkClient(q.get('client_id'), q.get('redirect_uri'));
  if (q.get('response_type') !== 'code') throw new OAuthError('unsupported_response_type', 'response_type must be "code"');
  if (q.get('aud')?.replace(/\/$/, '') !== ctx.fhirBase()) throw new OAuthError('invalid_request', `aud must be this FHIR server, ${ctx.fhirBase()}`);
  if (!q.get('code_challenge') || q.get('code_challenge_method') !== 'S256') {
    throw new OAuthError('invalid_request', 'PKCE is required: code_challenge with code_challenge_method=S256');
  }
  const scope = q.get('scope') ?? '';
  const launch = q.get('launch');
  if (launch) {
    // Used up here, after every other check passed: a launch token authorizes one launch.
    const lc = ctx.auth.consumeLaunch(launch);
    if (!lc) throw new OAuthError('invalid_request', 'Unknown, expired or already used launch context');
    return { patient: lc.patient, needsPicker: false };
  }
  return { patient: null, needsPicker: hasScope(scope, 'launch/patient') };
}

export async function handleAuth(req: IncomingMessage, res: ServerResponse, url: URL, ctx: AuthRouteContext): Promise<boolean> {
  const path = url.pathname;
  if (path === '/auth/authorize' || path === '/auth/decide') {
    const q = req.method === 'POST' ? new URLSearchParams(await readBody(req)) : url.searchParams;
    let decision: { patient: string | null; needsPicker: boolean };
    try {
      decision = authorizeRequest(q, ctx);
    } catch (e) {
      const err = e as OAuthError;
      const trusted = err.error !== 'unauthorized_client' && !(err.error === 'invalid_request' && /redirect_uri/.test(err.message));
      if (!trusted) return send(res, 400, errorPage(err.message)), true;
      return redirect(res, back(q.get('redirect_uri')!, { error: err.error, error_description: err.message, state: q.get('state') ?? undefined })), true;
    }
    const redirectUri = q.get('redirect_uri')!;
    if (path === '/auth/decide') {
      if (q.get('decision') !== 'allow') {
        return redirect(res, back(redirectUri, { error: 'access_denied', error_description: 'The user denied access', state: q.get('state') ?? undefined })), true;
      }
      decision = { patient: q.get('patient'), needsPicker: false };
    }
    if (decision.needsPicker) {
      const hidden = new URLSearchParams([...q].filter(([k]) => k !== 'patient' && k !== 'decision'));
      return send(res, 200, picker(await ctx.patients(), hidden)), true;
    }
    const code = ctx.auth.issueCode({
      clientId: q.get('client_id')!,
      redirectUri,
      scope: q.get('scope') ?? '',
      patient: decision.patient,
      challenge: q.get('code_challenge')!,
    });
    return redirect(res, back(redirectUri, { code, state: q.get('state') ?? undefined })), true;
  }
  if (path === '/auth/token' && req.method === 'POST') {
    const form = new URLSearchParams(await readBody(req));
    try {
      const grant = form.get('grant_type');
      const body = grant === 'authorization_code' ? ctx.auth.exchangeCode(form) : grant === 'refresh_token' ? ctx.auth.refresh(form) : null;
      if (!body) throw new OAuthError('unsupported_grant_type', `grant_type ${grant ?? '(none)'} is not supported`);
      send(res, 200, body, { 'Content-Type': 'application/json' });
    } catch (e) {
      const err = e as OAuthError;
      send(res, err instanceof OAuthError ? err.status : 500, { error: err.error ?? 'server_error', error_description: err.message }, { 'Content-Type': 'application/json' });
    }
    return true;
  }
  return false;
}
