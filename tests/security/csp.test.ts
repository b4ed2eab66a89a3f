/**
 * Finding: no Content-Security-Policy or frame-ancestors for an app that runs embedded in an EHR and keeps its
 * tokens in sessionStorage. The policy is built from public/smart-config.json (connect-src = the allowed
 * issuers' origins, frame-ancestors = the EHR origins that may embed the app) and the sandbox's app server sends
 * it as a header with every file.
 */
import { readFileSync } from 'node:fs';
import { contentSecurityPolicy, cspSource, parseCsp, securityHeaders } from '../../scripts/sandbox/csp.ts';
import type { SmartConfig } from '../../src/fhir/smart.ts';
import { fakeAppDir, smallSandbox } from './support.ts';

const shipped = JSON.parse(readFileSync('public/smart-config.json', 'utf8')) as SmartConfig;

describe('Content-Security-Policy from smart-config.json', () => {
  const csp = parseCsp(contentSecurityPolicy(shipped).policy);

  it('scripts only from the app itself: no inline script, no eval, no plugins, no <base> hijack', () => {
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    expect(csp['form-action']).toEqual(["'self'"]);
    expect(csp['worker-src']).toEqual(["'self'"]);
  });

  it('styles allow what MUI/emotion inject (<style> tags, style attributes), nothing from other origins', () => {
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('connect-src: the app itself plus the origins of the allowed issuers, loopback on any port', () => {
    expect(csp['connect-src']).toEqual(["'self'", 'http://127.0.0.1:*', 'http://localhost:*', 'https://launch.smarthealthit.org']);
  });

  it('frame-ancestors: the EHRs that may embed the app (defaults: loopback on any port and the public launcher)', () => {
    expect(csp['frame-ancestors']).toEqual(["'self'", 'http://127.0.0.1:*', 'http://localhost:*', 'https://launch.smarthealthit.org']);
  });

  it('IPv6 literals cannot be written in CSP: they are left out and reported, never written as an invalid source', () => {
    const { policy, warnings } = contentSecurityPolicy(shipped);
    expect(policy).not.toContain('[::1]');
    expect(warnings.join('\n')).toMatch(/\[::1\]/);
  });

  it('issuer patterns become CSP sources without their path; extra connect sources (a token endpoint elsewhere) are added', () => {
    expect(cspSource('https://*.ehr.example/fhir/*')).toBe('https://*.ehr.example');
    expect(cspSource('https://ehr.example:9443/r4')).toBe('https://ehr.example:9443');
    const p = parseCsp(contentSecurityPolicy({ ...shipped, issuers: ['https://fhir.ehr.example/r4/*'], connectSources: ['https://auth.ehr.example'], frameAncestors: ['https://ehr.example'] }).policy);
    expect(p['connect-src']).toEqual(["'self'", 'https://fhir.ehr.example', 'https://auth.ehr.example']);
    expect(p['frame-ancestors']).toEqual(["'self'", 'https://ehr.example']);
  });

  it('an empty frameAncestors list means only the app itself may frame it', () => {
    expect(parseCsp(contentSecurityPolicy({ ...shipped, frameAncestors: [] }).policy)['frame-ancestors']).toEqual(["'self'"]);
  });

  it('the companion headers: nosniff, no referrer (the URL carries the launch and code), no legacy XFO conflict', () => {
    const h = securityHeaders(shipped);
    expect(h['X-Content-Type-Options']).toBe('nosniff');
    expect(h['Referrer-Policy']).toBe('no-referrer');
    expect(h['X-Frame-Options']).toBeUndefined(); // would forbid the cross-origin EHR frame; frame-ancestors governs
  });
});

describe('the sandbox app server sends the policy', () => {
  it('on the launch page, the app page and its files; with the sandbox itself as issuer and EHR', async () => {
    const appDir = fakeAppDir({ ...shipped, issuers: ['https://ehr.example/fhir'], frameAncestors: ['https://ehr.example'] });
    const sb = await smallSandbox({ appDir });
    try {
      for (const path of ['/launch.html', '/index.html', '/smart-config.json']) {
        const res = await fetch(`${sb.appUrl}${path}`);
        const header = res.headers.get('content-security-policy');
        expect(header, path).toBeTruthy();
        const p = parseCsp(header!);
        expect(p['script-src']).toEqual(["'self'"]);
        expect(p['connect-src']).toEqual(expect.arrayContaining(['https://ehr.example', sb.baseUrl]));
        expect(p['frame-ancestors']).toEqual(expect.arrayContaining(['https://ehr.example', sb.baseUrl]));
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      }
    } finally {
      await sb.close();
    }
  });
});
