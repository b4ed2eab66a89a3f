/**
 * launch.html's only script: reads the runtime configuration (public/smart-config.json, editable after the
 * build), refuses FHIR servers that are not on its issuer allow-list (before any request to them), picks v2 or v1
 * scopes from the server's smart-configuration, and starts the SMART authorization with PKCE S256. It must stay
 * tiny: no React, no MUI.
 */
import FHIR from 'fhirclient/lib/entry/browser';
import { chooseScope, classifyLaunchError, untrustedLaunchServer, untrustedServerFailure, withoutLaunchOverrides, type SmartConfig } from './fhir/smart.ts';

function show(title: string, message: string): void {
  const el = document.getElementById('status');
  if (!el) return;
  el.innerHTML = '';
  const h = document.createElement('h1');
  h.textContent = title;
  const p = document.createElement('p');
  p.textContent = message;
  el.append(h, p);
}

async function capabilities(iss: string): Promise<string[] | null> {
  try {
    const res = await fetch(`${iss.replace(/\/$/, '')}/.well-known/smart-configuration`, { headers: { Accept: 'application/json' } });
    return res.ok ? ((await res.json()) as { capabilities?: string[] }).capabilities ?? [] : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const iss = params.get('iss') ?? params.get('fhirServiceUrl');
  if (!iss) throw new Error('No server url found: missing iss');
  const config = (await (await fetch('smart-config.json', { cache: 'no-cache' })).json()) as SmartConfig;
  // The allow-list comes first: an unknown server gets no request at all (not even .well-known), no redirect.
  const untrusted = untrustedLaunchServer(location.search, config);
  if (untrusted) {
    const page = untrustedServerFailure(untrusted);
    show(page.title, page.message);
    return;
  }
  // fhirclient lets URL parameters override the client id and the patient: the link does not get to choose them.
  const clean = withoutLaunchOverrides(location.href);
  if (clean !== location.href) history.replaceState(history.state, '', clean);
  const mode = params.get('launch') ? 'ehr' : 'standalone';
  const scope = chooseScope(config, { mode, registry: params.get('view') === 'registry', capabilities: await capabilities(iss) });
  await FHIR.oauth2.authorize({
    clientId: config.clientId,
    scope,
    iss,
    launch: params.get('launch') ?? undefined,
    redirectUri: 'index.html',
    pkceMode: 'required',
    completeInTarget: true,
  });
}

main().catch((e: unknown) => {
  const failure = classifyLaunchError(e, location.search);
  show(failure.title, failure.message);
});
