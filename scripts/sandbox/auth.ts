/**
 * SMART App Launch 2 authorization server for the sandbox: EHR launch (a `launch` token carries the patient and
 * user context), standalone launch (a patient picker), authorization codes bound to client, redirect URI and
 * PKCE S256 challenge, single use and short-lived; access tokens checked by the FHIR API; refresh tokens.
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
}

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
  private readonly tokens = new Map<string, TokenInfo>();
  private readonly refreshTokens = new Map<string, Omit<TokenInfo, 'expiresAt'>>();
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

  launchContext(token: string): LaunchContext | undefined {
    return this.launches.get(token);
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
    const code = this.codes.get(form.get('code') ?? '');
    if (!code) throw new OAuthError('invalid_grant', 'Unknown authorization code');
    if (code.used) throw new OAuthError('invalid_grant', 'Authorization code already used');
    code.used = true;
    if (this.now() > code.expiresAt) throw new OAuthError('invalid_grant', 'Authorization code expired');
    if (form.get('client_id') && form.get('client_id') !== code.clientId) throw new OAuthError('invalid_client', 'client_id does not match the code');
    if (form.get('redirect_uri') !== code.redirectUri) throw new OAuthError('invalid_grant', 'redirect_uri does not match the authorization request');
    const verifier = form.get('code_verifier');
    if (!verifier || s256(verifier) !== code.challenge) throw new OAuthError('invalid_grant', 'PKCE code_verifier does not match the code_challenge');
    return this.tokenResponse({ scope: code.scope, patient: code.patient, user: code.user, clientId: code.clientId, patientOnly: patientLevelOnly(code.scope) });
  }

  refresh(form: URLSearchParams): Record<string, unknown> {
    const info = this.refreshTokens.get(form.get('refresh_token') ?? '');
    if (!info) throw new OAuthError('invalid_grant', 'Unknown or revoked refresh token');
    return this.tokenResponse(info);
  }

  private tokenResponse(info: Omit<TokenInfo, 'expiresAt'>): Record<string, unknown> {
    const accessToken = random(32);
    this.tokens.set(accessToken, { ...info, expiresAt: this.now() + this.opts.tokenTtlSeconds * 1000 });
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
      this.refreshTokens.set(refresh, info);
      body.refresh_token = refresh;
    }
    return body;
  }

  private idToken(info: Omit<TokenInfo, 'expiresAt'>): string {
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
    return info;
  }

  revokeAll(): void {
    this.tokens.clear();
    this.refreshTokens.clear();
  }
}
