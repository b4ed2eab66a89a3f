/**
 * The local SMART sandbox: a stand-in for the public SMART Health IT launcher, on 127.0.0.1 only.
 *   ${baseUrl}/            "EHR" page: the patients, each with a Launch link (EHR launch in an iframe)
 *   ${baseUrl}/fhir        FHIR R4 API (medplum in-memory engine, indexed by patient) with SMART authorization
 *   ${baseUrl}/auth/...    authorize (EHR / standalone with a patient picker) and token endpoints
 *   ${baseUrl}/sandbox/... fault injection and token revocation for tests (see faults.ts)
 *   ${appUrl}/             the built app (dist/), on its own origin like a real deployment, with its
 *                          Content-Security-Policy headers (csp.ts) and a smart-config.json that also allows
 *                          this sandbox as issuer and embedding EHR, whatever its ports
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Patient, Resource } from 'fhir/r4';
import { AuthServer } from './auth.ts';
import { handleAuth } from './auth-routes.ts';
import { createBulkMount } from './bulk/index.ts';
import { loadData } from './data.ts';
import { Faults, type Fault } from './faults.ts';
import { FhirStore, wholeServerView } from './fhir-store.ts';
import { handleFhir } from './fhir-routes.ts';
import { cors, readBody, redirect, send } from './http.ts';
import { describePatient } from './describe.ts';
import { ehrFrame, ehrHome, notFoundPage, patientName } from './pages.ts';
import { securityHeaders } from './csp.ts';
import { allowsAtLevel, grantsAtLevel } from './scopes.ts';
import { decodedPath, serveStatic } from './static.ts';
import { DEFAULT_FRAME_ANCESTORS, DEFAULT_ISSUERS, type SmartConfig } from '../../src/fhir/smart.ts';

export const DEFAULT_CLIENT_ID = 'pain-care-panel';
export const FIXTURES_DIR = fileURLToPath(new URL('../../fhir-fixtures', import.meta.url));

export interface SandboxOptions {
  port?: number;
  appPort?: number;
  /** Built app to serve (e.g. 'dist'); without it only the EHR and FHIR sides run. */
  appDir?: string;
  /** Data folders; default: fhir-fixtures/. Extra folders (a clinic's Synthea export) are added to it. */
  dataDirs?: string[];
  includeFixtures?: boolean;
  /** YYYY-MM-DD that the date shift aims at (default: the real today). */
  today?: string;
  tokenTtlSeconds?: number;
  codeTtlSeconds?: number;
  /** Extra registered clients: id → redirect URI. */
  clients?: Record<string, string>;
  quiet?: boolean;
}

export interface Sandbox {
  baseUrl: string;
  fhirBaseUrl: string;
  appUrl: string;
  ehrUrl: string;
  patients: { id: string; name: string }[];
  warnings: string[];
  addFault(f: Fault): void;
  clearFaults(): void;
  revokeTokens(): void;
  auth: AuthServer;
  store: FhirStore;
  close(): Promise<void>;
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * The app's smart-config.json as this sandbox serves it: the built file with the sandbox's own FHIR base added to
 * "issuers" and its EHR origin to "frameAncestors" (defaults when the file leaves them out). `text` is null when
 * the build has no smart-config.json (then it is a 404 as before); an unreadable file is served as it is.
 */
export function appConfig(appDir: string, fhirBase: string, ehrOrigin: string): { config: SmartConfig; text: string | null } {
  let raw: string;
  try {
    raw = readFileSync(join(appDir, 'smart-config.json'), 'utf8');
  } catch {
    return { config: { issuers: [...DEFAULT_ISSUERS, fhirBase], frameAncestors: [...DEFAULT_FRAME_ANCESTORS, ehrOrigin] } as SmartConfig, text: null };
  }
  let built: SmartConfig;
  try {
    built = JSON.parse(raw) as SmartConfig;
  } catch {
    return { config: { issuers: [...DEFAULT_ISSUERS, fhirBase], frameAncestors: [...DEFAULT_FRAME_ANCESTORS, ehrOrigin] } as SmartConfig, text: raw };
  }
  const add = (list: readonly string[], item: string) => (list.includes(item) ? [...list] : [...list, item]);
  const config: SmartConfig = {
    ...built,
    issuers: add(Array.isArray(built.issuers) ? built.issuers : DEFAULT_ISSUERS, fhirBase),
    frameAncestors: add(Array.isArray(built.frameAncestors) ? built.frameAncestors : DEFAULT_FRAME_ANCESTORS, ehrOrigin),
  };
  return { config, text: `${JSON.stringify(config, null, 2)}\n` };
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const dirs = [...(opts.includeFixtures === false ? [] : [FIXTURES_DIR]), ...(opts.dataDirs ?? [])];
  const data = loadData(dirs, today);
  // The signed-in user (fhirUser of every token) exists under its own id, so the app can read their name.
  data.shared.push({ resourceType: 'Practitioner', id: 'sandbox-clinician', name: [{ given: ['Sam'], family: 'Sandbox', prefix: ['Dr.'] }] } as Resource);
  const store = await FhirStore.create(data);
  const faults = new Faults();
  let baseUrl = '';
  let appUrl = '';
  const fhirBase = () => `${baseUrl}/fhir`;
  const clinician = 'Practitioner/sandbox-clinician';
  const auth = new AuthServer({
    issuer: () => baseUrl,
    fhirUser: () => `${fhirBase()}/${clinician}`,
    tokenTtlSeconds: opts.tokenTtlSeconds ?? 3600,
    codeTtlSeconds: opts.codeTtlSeconds ?? 60,
  });
  const patients = async () => (await Promise.all(store.patientIds().map((id) => store.read('Patient', id).catch(() => null))))
    .filter((p): p is Patient => p?.resourceType === 'Patient');
  // Whole-population export: user- or system-level read scopes for every exported type (registry launches get
  // user/*.rs); patient-level grants never export.
  const exportScope = (req: IncomingMessage) => auth.check(req.headers.authorization)?.scope ?? '';
  const bulk = createBulkMount({ repo: wholeServerView(store), fhirPath: '/fhir', fhirBase,
    authorize: (req) => (grantsAtLevel(exportScope(req), ['user', 'system'], 'r')
      ? null
      : { status: 403, message: 'Bulk export needs user- or system-level read scopes for the exported types (user/*.rs, system/*.read)' }),
    mayExport: (req) => {
      const scope = exportScope(req);
      return (type) => allowsAtLevel(scope, ['user', 'system'], type, 'r');
    } });

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', baseUrl);
    if (cors(req, res)) return;
    if (decodedPath(req.url) === null) return send(res, 400, { error: 'Bad request: malformed percent-escape in the path' }, { 'Content-Type': 'application/json' });
    if (await handleFhir(req, res, url, { store, auth, faults, baseUrl: () => baseUrl, bulk })) return;
    if (await handleAuth(req, res, url, { auth, fhirBase, patients })) return;
    if (url.pathname === '/sandbox/faults') {
      if (req.method === 'DELETE') faults.clear();
      else faults.add(JSON.parse(await readBody(req)) as Fault);
      return send(res, 200, { ok: true }, { 'Content-Type': 'application/json' });
    }
    if (url.pathname === '/sandbox/revoke' && req.method === 'POST') {
      auth.revokeAll();
      return send(res, 200, { ok: true }, { 'Content-Type': 'application/json' });
    }
    if (url.pathname === '/' || url.pathname === '/ehr') {
      const rows = await Promise.all((await patients()).map(async (patient) => ({ patient, description: await describePatient(store, patient.id!) })));
      rows.sort((a, b) => patientName(a.patient).localeCompare(patientName(b.patient)));
      return send(res, 200, ehrHome(rows, `${appUrl}/launch.html?iss=${encodeURIComponent(fhirBase())}`));
    }
    if (url.pathname === '/ehr/launch') {
      const patient = url.searchParams.get('patient');
      if (patient && !store.patientIds().includes(patient)) return send(res, 404, notFoundPage(`There is no patient "${patient}" in this sandbox. Go back to the patient list and pick one.`));
      const launch = auth.createLaunch({ patient });
      const src = `${appUrl}/launch.html?iss=${encodeURIComponent(fhirBase())}&launch=${launch}${patient ? '' : '&view=registry'}`;
      const title = patient ? `Chart: ${patientName(await store.read('Patient', patient) as Patient)}` : 'Clinic registry';
      return send(res, 200, ehrFrame(title, src));
    }
    if (url.pathname === '/favicon.ico') return redirect(res, '/');
    send(res, 404, { error: 'not found' }, { 'Content-Type': 'application/json' });
  };
  const wrap = (h: typeof handler) => (req: IncomingMessage, res: ServerResponse) => {
    h(req, res).catch((e: Error) => {
      if (!res.headersSent) send(res, 500, { error: e.message }, { 'Content-Type': 'application/json' });
    });
  };

  const main = createServer(wrap(handler));
  const port = await listen(main, opts.port ?? 0);
  baseUrl = `http://127.0.0.1:${port}`;
  let app: Server | null = null;
  if (opts.appDir) {
    const appDir = opts.appDir;
    app = createServer((req, res) => {
      // The built smart-config.json (read per request: editable without a restart), plus this sandbox as an allowed
      // issuer and EHR whatever its ports; the CSP and companion headers follow from it.
      const { config, text } = appConfig(appDir, fhirBase(), baseUrl);
      const headers = securityHeaders(config);
      if (decodedPath(req.url) === '/smart-config.json' && text !== null) {
        res.writeHead(200, { ...headers, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' });
        res.end(text);
        return;
      }
      serveStatic(appDir, req, res, headers);
    });
    appUrl = `http://127.0.0.1:${await listen(app, opts.appPort ?? 0)}`;
  } else {
    appUrl = `http://127.0.0.1:${opts.appPort ?? 4101}`;
  }
  auth.registerClient(DEFAULT_CLIENT_ID, `${appUrl}/index.html`);
  for (const [id, uri] of Object.entries(opts.clients ?? {})) auth.registerClient(id, uri);

  const list = (await patients()).map((p) => ({ id: p.id!, name: patientName(p) }));
  return {
    baseUrl,
    fhirBaseUrl: fhirBase(),
    appUrl,
    ehrUrl: `${baseUrl}/`,
    patients: list,
    warnings: data.warnings,
    addFault: (f) => faults.add(f),
    clearFaults: () => faults.clear(),
    revokeTokens: () => auth.revokeAll(),
    auth,
    store,
    close: async () => {
      await new Promise<void>((r) => main.close(() => r()));
      if (app) await new Promise<void>((r) => app!.close(() => r()));
      main.closeAllConnections?.();
      app?.closeAllConnections?.();
    },
  };
}
