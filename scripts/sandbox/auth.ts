/**
 * SMART App Launch 2 authorization server for the sandbox: EHR launch (a `launch` token carries the patient and
 * user context; single use), standalone launch (a patient picker), authorization codes bound to client, redirect
 * URI and PKCE S256 challenge, single use and short-lived; access tokens checked by the FHIR API; refresh tokens.
 *
 * What a real server refuses, the sandbox refuses too:
 * - the code exchange must name its client (`client_id`: public clients do not authenticate, RFC 6749 §4.1.3);
 * - a reused authorization code is refused and revokes every token issued from it (RFC 6749 §4.1.2);
 * - refresh tokens belong to the client they were issued to (another `client_id` is refused; SMART public clients
 *   need not send one), rotate on every use (the old one is refused), and replaying a rotated one revokes the
 *   whole grant (OAuth 2.0 Security BCP, RFC 9700 §4.14.2);
 * - a launch token authorizes one launch.
 * A "grant" is everything issued from one authorization code: its access tokens and its chain of refresh tokens.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { hasScope, patientLevelOnly } from './scopes.ts';

export interface Client {
  id: string;
  redirectUris: string[];
}

export interface TokenInfo {
  scope: string;
  patient: string | null;
  user: string;
  clientId: string;
  expiresAt: number;
  /** Patient-level tokens may only touch their patient's compartment. */
  patientOnly: boolean;
}

interface CodeInfo extends Omit<TokenInfo, 'expiresAt' | 'patientOnly'> {
  redirectUri: string;
  challenge: string;
  expiresAt: number;
  used: boolean;
  /** The grant its exchange created (revoked if the code is presented again). */
  grant?: string;
}

type GrantInfo = Omit<TokenInfo, 'expiresAt'>;

export interface LaunchContext {
  patient: string | null;
}

export class OAuthError extends Error {
  constructor(
    readonly error: string,
    description: string,
    readonly status = 400,
  ) {
    super(description);
  }
}

const random = (n = 24) => randomBytes(n).toString('base64url');
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

export function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export class AuthServer {
  readonly clients = new Map<string, Client>();
  private readonly launches = new Map<string, LaunchContext>();
  private readonly codes = new Map<string, CodeInfo>();
  private readonly tokens = new Map<string, TokenInfo & { grant: string }>();
  private readonly refreshTokens = new Map<string, GrantInfo & { grant: string }>();
  /** Refresh tokens already exchanged (rotated) → their grant: presenting one again revokes the grant. */
  private readonly rotated = new Map<string, string>();
  private readonly secret = randomBytes(32);

  constructor(
    private readonly opts: { issuer: () => string; fhirUser: () => string; tokenTtlSeconds: number; codeTtlSeconds: number; now?: () => number },
  ) {}

  private now(): number {
    return this.opts.now ? this.opts.now() : Date.now();
  }

  registerClient(id: string, redirectUri: string): void {
    const c = this.clients.get(id) ?? { id, redirectUris: [] };
    if (!c.redirectUris.includes(redirectUri)) c.redirectUris.push(redirectUri);
    this.clients.set(id, c);
  }

  createLaunch(ctx: LaunchContext): string {
    const token = random(12);
    this.launches.set(token, ctx);
    return token;
  }

  /** The launch's context, without using it up. */
  launchContext(token: string): LaunchContext | undefined {
    return this.launches.get(token);
  }

  /** The launch's context, used up: a launch token authorizes one launch. */
  consumeLaunch(token: string): LaunchContext | undefined {
    const ctx = this.launches.get(token);
    this.launches.delete(token);
    return ctx;
  }

  /** Checks the client and redirect URI (errors here are shown, never redirected: the URI is not trusted). */
  checkClient(clientId: string | null, redirectUri: string | null): void {
    const client = clientId ? this.clients.get(clientId) : undefined;
    if (!client) throw new OAuthError('unauthorized_client', `Unknown client_id "${clientId ?? ''}"`);
    if (!redirectUri || !client.redirectUris.includes(redirectUri)) {
      throw new OAuthError('invalid_request', `redirect_uri "${redirectUri ?? ''}" is not registered for ${client.id}`);
    }
  }

  issueCode(info: { clientId: string; redirectUri: string; scope: string; patient: string | null; challenge: string }): string {
    const code = random();
    this.codes.set(code, { ...info, user: this.opts.fhirUser(), expiresAt: this.now() + this.opts.codeTtlSeconds * 1000, used: false });
    return code;
  }

  exchangeCode(form: URLSearchParams): Record<string, unknown> {
    const clientId = form.get('client_id');
    if (!clientId) throw new OAuthError('invalid_request', 'client_id is required: a public client names itself when it exchanges a code');
    const code = this.codes.get(form.get('code') ?? '');
    if (!code) throw new OAuthError('invalid_grant', 'Unknown authorization code');
    if (code.used) {
      if (code.grant) this.revokeGrant(code.grant);
      throw new OAuthError('invalid_grant', 'Authorization code already used — the tokens issued from it are revoked');
    }
    code.used = true;
    if (this.now() > code.expiresAt) throw new OAuthError('invalid_grant', 'Authorization code expired');
    if (clientId !== code.clientId) throw new OAuthError('invalid_grant', 'client_id does not match the code');
    if (form.get('redirect_uri') !== code.redirectUri) throw new OAuthError('invalid_grant', 'redirect_uri does not match the authorization request');
    const verifier = form.get('code_verifier');
    if (!verifier || s256(verifier) !== code.challenge) throw new OAuthError('invalid_grant', 'PKCE code_verifier does not match the code_challenge');
    code.grant = random(12);
    return this.tokenResponse({ scope: code.scope, patient: code.patient, user: code.user, clientId: code.clientId, patientOnly: patientLevelOnly(code.scope) }, code.grant);
  }

  refresh(form: URLSearchParams): Record<string, unknown> {
    const presented = form.get('refresh_token') ?? '';
    const info = this.refreshTokens.get(presented);
    if (!info) {
      const grant = this.rotated.get(presented);
      if (grant) {
        this.revokeGrant(grant);
        throw new OAuthError('invalid_grant', 'Refresh token already used (refresh tokens rotate) — the grant is revoked');
      }
      throw new OAuthError('invalid_grant', 'Unknown or revoked refresh token');
    }
    const clientId = form.get('client_id');
    if (clientId !== null && clientId !== info.clientId) throw new OAuthError('invalid_grant', 'The refresh token was issued to another client');
    this.refreshTokens.delete(presented);
    this.rotated.set(presented, info.grant);
    const { grant, ...rest } = info;
    return this.tokenResponse(rest, grant);
  }

  private tokenResponse(info: GrantInfo, grant: string): Record<string, unknown> {
    const accessToken = random(32);
    this.tokens.set(accessToken, { ...info, grant, expiresAt: this.now() + this.opts.tokenTtlSeconds * 1000 });
    const body: Record<string, unknown> = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: this.opts.tokenTtlSeconds,
      scope: info.scope,
      need_patient_banner: false,
    };
    if (info.patient) body.patient = info.patient;
    if (hasScope(info.scope, 'openid') && hasScope(info.scope, 'fhirUser')) body.id_token = this.idToken(info);
    if (hasScope(info.scope, 'offline_access') || hasScope(info.scope, 'online_access')) {
      const refresh = random(32);
      this.refreshTokens.set(refresh, { ...info, grant });
      body.refresh_token = refresh;
    }
    return body;
  }

  /** Revokes every access and refresh token of a grant. */
  private revokeGrant(grant: string): void {
    for (const [t, info] of this.tokens) if (info.grant === grant) this.tokens.delete(t);
    for (const [t, info] of this.refreshTokens) if (info.grant === grant) this.refreshTokens.delete(t);
  }

  private idToken(info: GrantInfo): string {
    const iat = Math.floor(this.now() / 1000);
    const head = b64({ alg: 'HS256', typ: 'JWT' });
    const payload = b64({ iss: this.opts.issuer(), sub: 'sandbox-clinician', aud: info.clientId, iat, exp: iat + 3600, fhirUser: info.user });
    const sig = createHmac('sha256', this.secret).update(`${head}.${payload}`).digest('base64url');
    return `${head}.${payload}.${sig}`;
  }

  /** The token's grant, or null when missing, unknown, revoked or expired. */
  check(authorization: string | undefined): TokenInfo | null {
    const token = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1];
    const info = token ? this.tokens.get(token) : undefined;
    if (!info || this.now() > info.expiresAt) return null;
    const { grant: _grant, ...grantInfo } = info;
    return grantInfo;
  }

  revokeAll(): void {
    this.tokens.clear();
    this.refreshTokens.clear();
    this.rotated.clear();
  }
}
