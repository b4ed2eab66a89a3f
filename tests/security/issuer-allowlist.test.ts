/**
 * Finding: launch.html accepted any `iss` (open redirect to an attacker's authorize endpoint with our client id).
 * The issuer allow-list (public/smart-config.json "issuers"): URL-parsed matching of scheme + host + port + path
 * prefix, adversarial look-alikes refused; `fhirServiceUrl` (fhirclient's no-authorization "fake launch") checked
 * the same way; the sandbox serves a smart-config.json that also allows its own issuer on whatever port it runs.
 */
import { readFileSync } from 'node:fs';
import {
  DEFAULT_ISSUERS, issuerAllowed, parseOriginPattern, untrustedLaunchServer, untrustedServerFailure, withoutLaunchOverrides,
  type SmartConfig,
} from '../../src/fhir/smart.ts';
import { fakeAppDir, smallSandbox } from './support.ts';

const shipped = JSON.parse(readFileSync('public/smart-config.json', 'utf8')) as SmartConfig;

describe('issuer matcher', () => {
  it.each([
    // the SMART launcher v2 run locally, our sandbox on any port, IPv6 loopback
    'http://localhost:8080/v/r4/sim/eyJoIjoiMSIsImoiOiIxIn0/fhir',
    'http://127.0.0.1:4100/fhir',
    'http://127.0.0.1:53123/v/r4/fhir',
    'http://[::1]:9000/fhir',
    'http://LOCALHOST:8080/fhir',
    'http://localhost/fhir',
    // the public launcher, any path under it
    'https://launch.smarthealthit.org/v/r4/sim/eyJrIjoiMSIsImIiOiJwMSJ9/fhir',
    'https://launch.smarthealthit.org/v/r4/fhir',
  ])('the default list allows %s', (iss) => {
    expect(issuerAllowed(iss, DEFAULT_ISSUERS)).toBe(true);
  });

  it.each([
    ['another host', 'https://attacker.example/fhir'],
    ['a look-alike suffix', 'https://launch.smarthealthit.org.attacker.example/v/r4/fhir'],
    ['a look-alike prefix', 'https://evil-launch.smarthealthit.org/v/r4/fhir'],
    ['credentials before the host (loopback)', 'http://127.0.0.1:80@attacker.example/fhir'],
    ['credentials before the host (launcher)', 'https://launch.smarthealthit.org@attacker.example/fhir'],
    ['credentials that are the launcher', 'https://launch.smarthealthit.org:443@attacker.example/'],
    ['the allowed host only in the path', 'https://attacker.example/https://launch.smarthealthit.org/v/r4/fhir'],
    ['the allowed host only in the query', 'https://attacker.example/fhir?x=https://launch.smarthealthit.org/'],
    ['plain http to the launcher', 'http://launch.smarthealthit.org/v/r4/fhir'],
    ['another port on the launcher', 'https://launch.smarthealthit.org:8443/v/r4/fhir'],
    ['https to a loopback pattern that says http', 'https://127.0.0.1:4100/fhir'],
    ['localhost as a subdomain', 'http://localhost.attacker.example:8080/fhir'],
    ['127.0.0.1 as a subdomain', 'http://127.0.0.1.nip.io:8080/fhir'],
    ['a percent-encoded dot in the host', 'https://launch.smarthealthit.org%2eattacker.example/fhir'],
    ['a backslash trick', 'https://launch.smarthealthit.org\\@attacker.example/fhir'],
    ['a protocol-relative URL', '//attacker.example/fhir'],
    ['a relative URL', '/fhir'],
    ['javascript:', 'javascript:alert(1)//launch.smarthealthit.org/'],
    ['data:', 'data:text/html,https://launch.smarthealthit.org/'],
    ['an empty string', ''],
    ['whitespace around', ' https://launch.smarthealthit.org/v/r4/fhir'],
    ['a fragment', 'https://launch.smarthealthit.org/v/r4/fhir#x'],
  ])('refuses %s: %s', (_why, iss) => {
    expect(issuerAllowed(iss, DEFAULT_ISSUERS)).toBe(false);
  });

  it('path patterns match whole segments: /v/r4/* allows /v/r4 and below, not /v/r4x or /v', () => {
    const p = ['https://ehr.example/v/r4/*'];
    expect(issuerAllowed('https://ehr.example/v/r4', p)).toBe(true);
    expect(issuerAllowed('https://ehr.example/v/r4/', p)).toBe(true);
    expect(issuerAllowed('https://ehr.example/v/r4/sim/x/fhir', p)).toBe(true);
    expect(issuerAllowed('https://ehr.example/v/r4x/fhir', p)).toBe(false);
    expect(issuerAllowed('https://ehr.example/v', p)).toBe(false);
    expect(issuerAllowed('https://ehr.example/v/r4/../../admin', p)).toBe(false); // the URL parser resolves ".."
    expect(issuerAllowed('https://ehr.example/v/r4/%2e%2e/%2e%2e/admin', p)).toBe(false);
  });

  it('a pattern without "*" is one exact FHIR base (a trailing slash is the same base)', () => {
    const p = ['https://ehr.example/fhir/r4'];
    expect(issuerAllowed('https://ehr.example/fhir/r4', p)).toBe(true);
    expect(issuerAllowed('https://ehr.example/fhir/r4/', p)).toBe(true);
    expect(issuerAllowed('https://ehr.example/fhir/r4/other', p)).toBe(false);
    expect(issuerAllowed('https://ehr.example/fhir', p)).toBe(false);
  });

  it('"*." matches subdomains on a label boundary only, never the bare suffix', () => {
    const p = ['https://*.ehr.example/*'];
    expect(issuerAllowed('https://clinic-a.ehr.example/fhir', p)).toBe(true);
    expect(issuerAllowed('https://a.b.ehr.example/fhir', p)).toBe(true);
    expect(issuerAllowed('https://ehr.example/fhir', p)).toBe(false);
    expect(issuerAllowed('https://badehr.example/fhir', p)).toBe(false);
  });

  it('a port given in the pattern is exact; no port means the scheme default', () => {
    expect(issuerAllowed('https://ehr.example:9443/fhir', ['https://ehr.example:9443/*'])).toBe(true);
    expect(issuerAllowed('https://ehr.example/fhir', ['https://ehr.example:9443/*'])).toBe(false);
    expect(issuerAllowed('https://ehr.example:443/fhir', ['https://ehr.example/*'])).toBe(true);
  });

  it.each(['attacker.example', 'https://*', 'https://*.example/*', 'ftp://ehr.example/*', 'https://ehr.example/a*b', 'https://user@ehr.example/', 'https://ehr.example/?q=1', '*'])(
    'an invalid or over-broad pattern %j allows nothing',
    (pattern) => {
      expect(parseOriginPattern(pattern)).toBeNull();
      expect(issuerAllowed('https://ehr.example/fhir', [pattern])).toBe(false);
      expect(issuerAllowed('https://attacker.example/fhir', [pattern])).toBe(false);
    },
  );

  it('an empty list allows nothing', () => {
    expect(issuerAllowed('http://127.0.0.1:4100/fhir', [])).toBe(false);
  });
});

describe('the launch check (iss and fhirServiceUrl)', () => {
  it('public/smart-config.json ships the loopback and public-launcher defaults', () => {
    expect(shipped.issuers).toEqual(expect.arrayContaining([...DEFAULT_ISSUERS]));
  });

  it('an unknown iss is refused with a page that names it', () => {
    const bad = untrustedLaunchServer('?iss=https%3A%2F%2Fattacker.example%2Ffhir&launch=x', shipped);
    expect(bad).toEqual({ param: 'iss', value: 'https://attacker.example/fhir' });
    const page = untrustedServerFailure(bad!);
    expect(`${page.title} ${page.message}`).toContain('https://attacker.example/fhir');
    expect(page.message).toMatch(/not on this clinic's list/);
  });

  it('fhirServiceUrl (the no-authorization launch) is checked too, also next to an allowed iss', () => {
    expect(untrustedLaunchServer('?fhirServiceUrl=https%3A%2F%2Fattacker.example%2Ffhir', shipped)).toEqual({ param: 'fhirServiceUrl', value: 'https://attacker.example/fhir' });
    expect(untrustedLaunchServer('?iss=http%3A%2F%2F127.0.0.1%3A4100%2Ffhir&fhirServiceUrl=https%3A%2F%2Fattacker.example%2Ffhir', shipped)?.value).toBe('https://attacker.example/fhir');
  });

  it('every iss value counts (a second iss= cannot slip past)', () => {
    expect(untrustedLaunchServer('?iss=http%3A%2F%2F127.0.0.1%3A4100%2Ffhir&iss=https%3A%2F%2Fattacker.example%2Ffhir', shipped)?.value).toBe('https://attacker.example/fhir');
  });

  it('allowed servers pass; a config without "issuers" falls back to the defaults; an empty list refuses all', () => {
    expect(untrustedLaunchServer('?iss=http%3A%2F%2F127.0.0.1%3A4100%2Ffhir&launch=x', shipped)).toBeNull();
    expect(untrustedLaunchServer('?iss=http%3A%2F%2Flocalhost%3A8080%2Fv%2Fr4%2Ffhir', { issuers: undefined })).toBeNull();
    expect(untrustedLaunchServer('?iss=http%3A%2F%2Flocalhost%3A8080%2Fv%2Fr4%2Ffhir', { issuers: [] })).not.toBeNull();
  });

  it('fhirclient\'s URL overrides of the client id and the patient are removed from the launch URL', () => {
    expect(withoutLaunchOverrides('https://app.example/launch.html?iss=x&launch=y&clientId=evil&patientId=p2'))
      .toBe('https://app.example/launch.html?iss=x&launch=y');
    expect(withoutLaunchOverrides('https://app.example/launch.html?iss=x')).toBe('https://app.example/launch.html?iss=x');
  });
});

describe('the sandbox serves a smart-config.json that allows its own issuer', () => {
  it('whatever its port, even when the built config lists only another EHR', async () => {
    const appDir = fakeAppDir({ ...shipped, issuers: ['https://ehr.example/fhir'], frameAncestors: ['https://ehr.example'] });
    const sb = await smallSandbox({ appDir });
    try {
      const served = (await (await fetch(`${sb.appUrl}/smart-config.json`)).json()) as SmartConfig;
      expect(issuerAllowed(sb.fhirBaseUrl, served.issuers!)).toBe(true);
      expect(issuerAllowed('https://ehr.example/fhir', served.issuers!)).toBe(true);
      expect(issuerAllowed('https://attacker.example/fhir', served.issuers!)).toBe(false);
      expect(served.clientId).toBe(shipped.clientId);
    } finally {
      await sb.close();
    }
  });
});
