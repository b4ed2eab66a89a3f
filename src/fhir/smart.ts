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
