/**
 * The SMART launch: scope choice (v2, or v1 for older EHRs), FHIR.oauth2.authorize / ready, and the
 * classification of launch failures into plain words (never a blank screen or a stack trace).
 */
export interface SmartConfig {
  clientId: string;
  /** SMART v2 scopes for a patient launch (the EHR's `launch` scope is added or swapped for standalone). */
  scope: string;
  /** The same request in v1 syntax, for EHRs whose smart-configuration lacks "permission-v2". */
  scopeV1: string;
  /** User-level scopes for the clinic registry (no patient context). */
  registryScope: string;
  registryScopeV1: string;
  /** 'auto' (default): v2 when the server advertises permission-v2, else v1. */
  scopeVersion?: 'auto' | 'v2' | 'v1';
  /**
   * FHIR servers (`iss`, `fhirServiceUrl`) the app may be launched against — origin patterns (see
   * parseOriginPattern). Absent: DEFAULT_ISSUERS; empty: none. Their origins are also the CSP connect-src.
   */
  issuers?: string[];
  /** EHR origins that may embed the app (CSP frame-ancestors, besides the app itself). Absent: DEFAULT_FRAME_ANCESTORS. */
  frameAncestors?: string[];
  /** Extra origins the app must reach (e.g. an authorization server on another origin than the FHIR server). */
  connectSources?: string[];
}

export type LaunchMode = 'ehr' | 'standalone';

/** Picks the scope string for this launch. Pure: the server's capabilities are passed in. */
export function chooseScope(config: SmartConfig, opts: { mode: LaunchMode; registry: boolean; capabilities: string[] | null }): string {
  const version = config.scopeVersion && config.scopeVersion !== 'auto'
    ? config.scopeVersion
    : opts.capabilities?.includes('permission-v2') ? 'v2' : 'v1';
  const base = opts.registry
    ? (version === 'v2' ? config.registryScope : config.registryScopeV1)
    : (version === 'v2' ? config.scope : config.scopeV1);
  const words = base.split(/\s+/).filter((w) => w !== 'launch' && w !== 'launch/patient');
  const context = opts.mode === 'ehr' ? ['launch'] : opts.registry ? [] : ['launch/patient'];
  return [...context, ...words].join(' ');
}

export type LaunchFailureKind = 'no-iss' | 'no-session' | 'denied' | 'session-expired' | 'token-rejected' | 'config' | 'unknown';

export interface LaunchFailure {
  kind: LaunchFailureKind;
  title: string;
  message: string;
  detail?: string;
}

const RELAUNCH = 'Close this window and open Pain Care Panel again from the patient\'s chart in the EHR.';

/** Turns what fhirclient or the server said into a page a clinician can act on. */
export function classifyLaunchError(error: unknown, search = ''): LaunchFailure {
  const params = new URLSearchParams(search);
  const text = error instanceof Error ? error.message : String(error ?? '');
  const status = (error as { status?: number; statusCode?: number } | null)?.status ?? (error as { statusCode?: number } | null)?.statusCode;
  if (params.get('error') === 'access_denied' || /access_denied/.test(text)) {
    return { kind: 'denied', title: 'Access was not granted', message: `The EHR did not authorize Pain Care Panel to read this chart. ${RELAUNCH}`, detail: params.get('error_description') ?? undefined };
  }
  if (params.get('error')) {
    return { kind: 'unknown', title: 'The EHR refused the launch', message: `${params.get('error')}: ${params.get('error_description') ?? ''}. ${RELAUNCH}` };
  }
  if (status === 401 || /401|Unauthorized/i.test(text)) {
    return { kind: 'session-expired', title: 'Session expired — relaunch from the chart', message: `The EHR no longer accepts this session's access token (it expired or was revoked). ${RELAUNCH}` };
  }
  if (status === 403 || /403|Forbidden/i.test(text)) {
    return { kind: 'token-rejected', title: 'Not permitted', message: `The EHR did not permit reading this patient's record with the granted access. ${RELAUNCH}` };
  }
  if (/No server url found/i.test(text)) {
    return { kind: 'no-iss', title: 'Opened without an EHR', message: `Pain Care Panel must be launched from the EHR (the launch had no FHIR server address, "iss"). ${RELAUNCH}` };
  }
  if (/No 'state'|state .*not found|not found in storage|No state found/i.test(text)) {
    return { kind: 'no-session', title: 'This launch session is no longer available', message: `The page was opened without a current launch (it may have been reloaded in a new window, or the launch was interrupted). ${RELAUNCH}` };
  }
  return { kind: 'unknown', title: 'Pain Care Panel could not start', message: `Something went wrong while connecting to the EHR. ${RELAUNCH}`, detail: text || undefined };
}

/** Today's calendar date where the clinic is (the browser's local date), the panel's as-of date. */
export function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The instant as a FHIR dateTime in the clinic's local time with its UTC offset ("2026-11-22T19:26:00-05:00"),
 * so the literal date part — what the engine compares — is the clinic's calendar day, not UTC's.
 */
export function localDateTime(now: Date): string {
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const offset = -now.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${localToday(now)}T${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Issuer allow-list. launch.html must not send the browser (with our client id) to whatever authorization server an
// `iss` names: an unknown issuer gets a page that names it, and no request is made to it.

/** Loopback on any port (SMART launcher v2 run locally, our sandbox on any --port) and the public SMART launcher. */
export const DEFAULT_ISSUERS: readonly string[] = ['http://127.0.0.1:*', 'http://localhost:*', 'http://[::1]:*', 'https://launch.smarthealthit.org/*'];
/** EHR pages that may frame the app: loopback (sandbox EHR page, local launcher) and the public SMART launcher. */
export const DEFAULT_FRAME_ANCESTORS: readonly string[] = ['http://127.0.0.1:*', 'http://localhost:*', 'http://[::1]:*', 'https://launch.smarthealthit.org'];

export interface OriginPattern {
  scheme: 'http' | 'https';
  /** Canonical host (lowercase; IPv6 in brackets); with `subdomains`, the suffix after "*.". */
  host: string;
  subdomains: boolean;
  /** Port number, '*' for any, or null for the scheme's default port. */
  port: number | '*' | null;
  /** Path without trailing slash ('' = the root). */
  path: string;
  /** true: the path and everything below it ("/*"); false: that path exactly. No path at all = any path. */
  prefix: boolean;
}

const PATTERN = /^(https?):\/\/(\*\.)?([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::(\d{1,5}|\*))?(\/[^?#*\s\\]*)?(\/\*)?$/;
const DEFAULT_PORT = { http: 80, https: 443 } as const;

/**
 * Parses an origin pattern: `scheme://host[:port|:*][/path][/*]`.
 * - scheme http or https; host exact (case-insensitive), or `*.example.org` = any subdomain of example.org (at least
 *   two labels after the "*."; never the bare domain);
 * - no port = the scheme's default port; `:*` = any port;
 * - no path, "/" or "/*" = any path; `/a/b/*` = /a/b and anything below it, on segment boundaries; `/a/b` = exactly
 *   /a/b (with or without a trailing slash).
 * Returns null for anything else (credentials, query, fragment, wildcards elsewhere): an invalid pattern allows nothing.
 */
export function parseOriginPattern(pattern: string): OriginPattern | null {
  const m = PATTERN.exec(pattern);
  if (!m) return null;
  const [, scheme, wildcard, rawHost, rawPort, rawPath, star] = m;
  let host: string;
  try {
    host = new URL(`${scheme}://${rawHost}/`).hostname;
  } catch {
    return null;
  }
  if (wildcard && (host.startsWith('[') || host.split('.').filter(Boolean).length < 2)) return null;
  const port = rawPort === undefined ? null : rawPort === '*' ? '*' : Number(rawPort);
  if (typeof port === 'number' && (port < 1 || port > 65535)) return null;
  const path = (rawPath ?? '').replace(/\/+$/, '');
  return { scheme: scheme as 'http' | 'https', host, subdomains: Boolean(wildcard), port, path, prefix: Boolean(star) || rawPath === undefined || path === '' };
}

/** The URL parsed, if it is a plain absolute http(s) URL: no credentials, query, fragment, whitespace or backslash. */
function plainUrl(value: string): URL | null {
  if (!/^https?:\/\//i.test(value) || /[\s\\\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.username || url.password || url.search || url.hash || value.includes('#') || value.includes('?')) return null;
  return url;
}

function matches(url: URL, p: OriginPattern): boolean {
  if (url.protocol !== `${p.scheme}:`) return false;
  const host = url.hostname;
  if (p.subdomains ? !host.endsWith(`.${p.host}`) : host !== p.host) return false;
  const port = url.port === '' ? DEFAULT_PORT[p.scheme] : Number(url.port);
  if (p.port !== '*' && port !== (p.port ?? DEFAULT_PORT[p.scheme])) return false;
  const path = url.pathname.replace(/\/+$/, '');
  if (p.prefix) return path === p.path || path.startsWith(`${p.path}/`);
  return path === p.path;
}

/** True when `serverUrl` (an `iss` or `fhirServiceUrl`) matches one of the patterns (parsed as URLs, never substrings). */
export function issuerAllowed(serverUrl: string, patterns: readonly string[]): boolean {
  const url = plainUrl(serverUrl);
  if (!url) return false;
  return patterns.some((text) => {
    const p = parseOriginPattern(text);
    return p !== null && matches(url, p);
  });
}

export interface UntrustedServer {
  param: 'iss' | 'fhirServiceUrl';
  value: string;
}

/**
 * The first FHIR server named by the launch URL (every `iss` and `fhirServiceUrl` value: fhirclient reads both)
 * that the configuration does not allow, or null when all are allowed.
 */
export function untrustedLaunchServer(search: string, config: Pick<SmartConfig, 'issuers'>): UntrustedServer | null {
  const params = new URLSearchParams(search);
  const patterns = config.issuers ?? DEFAULT_ISSUERS;
  for (const param of ['iss', 'fhirServiceUrl'] as const) {
    for (const value of params.getAll(param)) if (!issuerAllowed(value, patterns)) return { param, value };
  }
  return null;
}

/** The page for an untrusted server: names it, says nothing was sent to it. */
export function untrustedServerFailure(server: UntrustedServer): { title: string; message: string } {
  return {
    title: 'Unknown EHR address — not connecting',
    message: `Pain Care Panel was opened with the FHIR server address "${server.value}" (${server.param}), which is not on this clinic's list of trusted EHRs. Nothing was sent to it. If you opened this link from your EHR, ask your administrator to add this address to the app's smart-config.json ("issuers"); otherwise close this page.`,
  };
}

/**
 * The launch URL without fhirclient's URL overrides of the client id and the patient (`clientId`, `patientId`):
 * the client id comes from the configuration and the patient from the EHR's token response, never from a link.
 */
export function withoutLaunchOverrides(href: string): string {
  const url = new URL(href);
  const overrides = ['clientId', 'patientId'].filter((name) => url.searchParams.has(name));
  if (!overrides.length) return href;
  for (const name of overrides) url.searchParams.delete(name);
  return url.toString();
}
