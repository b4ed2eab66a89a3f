/**
 * `bench:launch --launcher <dir>`: the same launch through the SMART launcher v2 (smart-on-fhir/smart-launcher-v2,
 * a checkout with its dependencies installed, kept outside this repository) in front of the sandbox's data.
 *
 * The launcher is an authorization server and a FHIR proxy: it forwards FHIR requests, without their token, to an
 * open FHIR server (FHIR_SERVER_R4). The sandbox's FHIR API wants a token, so an "open" front is started here: a
 * proxy on 127.0.0.1 that adds a user-level read token of the sandbox's own and forwards. It is served at the root
 * path because the launcher looks up the patient's first encounter at `/Encounter/?_sort:desc=date` relative to the
 * server's root; `_sort:desc=date` (not FHIR) becomes `_sort=-date`.
 *
 * The launch: launch.html?iss=<launcher>/v/r4/fhir&launch=<launch options>, the URL the launcher's own
 * `/launcher?launch_uri=…&patient=…&provider=…` redirects to, with the options its UI encodes (src/isomorphic/codec.ts):
 * provider EHR launch, this patient, one provider (no login page), public client, PKCE "auto", and encounter "NONE".
 * `/launcher` itself always asks for the first encounter, and for a patient without one (the generated heavy patient)
 * the launcher shows its encounter picker, a page of its UI build. The app runs as the top page.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { Sandbox } from '../sandbox/server.ts';
import { obtainToken } from '../sandbox/test-client.ts';

export interface LauncherFlow {
  /** The URL the browser opens to launch the app for this patient. */
  launchUrl(patientId: string): string;
  /** The FHIR base the app talks to (the launcher's proxy). */
  fhirBase: string;
  close(): Promise<void>;
}

const FORWARDED_HEADERS = ['accept', 'content-type', 'if-none-exist', 'prefer', 'if-match'];

/** The sandbox's FHIR API without a token in front: for the launcher's proxy only, on 127.0.0.1. */
export async function startOpenFront(sandbox: Sandbox): Promise<{ base: string; server: Server }> {
  const { access_token: token } = await obtainToken(sandbox, { patient: null, scope: 'launch openid fhirUser user/*.rs' });
  const upstream = sandbox.fhirBaseUrl.replace(/\/$/, '');
  let base = '';
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const url = new URL(req.url ?? '/', 'http://front');
      const path = url.pathname.replace(/\/+$/, '') || '/';
      const sortDesc = url.searchParams.get('_sort:desc');
      if (sortDesc !== null) {
        url.searchParams.delete('_sort:desc');
        url.searchParams.set('_sort', `-${sortDesc}`);
      }
      const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
      for (const h of FORWARDED_HEADERS) if (typeof req.headers[h] === 'string') headers[h] = req.headers[h] as string;
      const answer = await fetch(`${upstream}${path === '/' ? '' : path}${url.search}`, {
        method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined,
      });
      const out: Record<string, string> = {};
      for (const h of ['content-type', 'etag', 'location', 'last-modified']) {
        const v = answer.headers.get(h);
        if (v) out[h] = v.replaceAll(upstream, base);
      }
      const body = (await answer.text()).replaceAll(upstream, base);
      res.writeHead(answer.status, out);
      res.end(body);
    })().catch((e: unknown) => {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`open front: ${e instanceof Error ? e.message : e}`);
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, server };
}

/**
 * The launcher's encoded launch options (codec.ts `encode`): [launch type 0 = provider-ehr, patient, provider,
 * encounter, skip_login, skip_auth, sim_ehr, scope, redirect_uris, client_id, client_secret, auth_error, jwks_url,
 * jwks, client type 0 = public, PKCE 1 = auto, fhir_server].
 */
export function launchOptions(patientId: string, providerId: string): string {
  const options = [0, patientId, providerId, 'NONE', 0, 0, 0, '', '', '', '', '', '', '', 0, 1, ''];
  return Buffer.from(JSON.stringify(options)).toString('base64url');
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the launcher exited (${child.exitCode}):\n${log()}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 250));
  }
  throw new Error(`the launcher did not answer at ${url} within ${timeoutMs / 1000} s:\n${log()}`);
}

/** Starts the open front and the launcher (its backend, from `dir`) in front of the sandbox. */
export async function startLauncherFlow(dir: string, sandbox: Sandbox, providerId = 'bench-clinician'): Promise<LauncherFlow> {
  const root = resolve(dir);
  const tsNode = join(root, 'node_modules', '.bin', 'ts-node');
  if (!existsSync(join(root, 'backend', 'index.ts')) || !existsSync(tsNode)) {
    throw new Error(`${root} is not a smart-launcher-v2 checkout with its dependencies (npm ci there first)`);
  }
  const front = await startOpenFront(sandbox);
  const port = await freePort();
  let output = '';
  // The launcher's own start script; no shell, so the PID is the launcher's and it is stopped by it.
  const child = spawn(tsNode, ['--skipProject', '--transpile-only', 'backend/index.ts'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), FHIR_SERVER_R4: front.base, FHIR_SERVER_R3: '', FHIR_SERVER_R2: '', SSL_PORT: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const launcher = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((ok) => child.once('exit', ok));
    }
    await new Promise<void>((ok) => front.server.close(() => ok()));
  };
  try {
    await waitUntilUp(`${launcher}/v/r4/fhir/metadata`, child, () => output);
  } catch (e) {
    await close();
    throw e;
  }
  return {
    fhirBase: `${launcher}/v/r4/fhir`,
    launchUrl: (patientId) => {
      const q = new URLSearchParams({ iss: `${launcher}/v/r4/fhir`, launch: launchOptions(patientId, providerId) });
      return `${sandbox.appUrl}/launch.html?${q}`;
    },
    close,
  };
}
