/**
 * Findings on the sandbox's HTTP layer: one request with a malformed percent-escape crashed the whole sandbox;
 * the static server's containment check lacked a separator, so /..%2Fdist-secret%2Fsecret.txt served a file
 * next to the app folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Sandbox } from '../../scripts/sandbox/server.ts';
import { fakeAppDir, rawGet, smallSandbox } from './support.ts';

let sb: Sandbox;
let appDir: string;

beforeAll(async () => {
  appDir = fakeAppDir();
  const secret = join(dirname(appDir), 'dist-secret');
  mkdirSync(secret);
  writeFileSync(join(secret, 'secret.txt'), 'TOP-SECRET');
  writeFileSync(join(dirname(appDir), 'outside.txt'), 'TOP-SECRET');
  sb = await smallSandbox({ appDir });
});
afterAll(() => sb.close());

describe('malformed percent-escapes', () => {
  it.each(['/%E0%A4%A', '/%', '/launch.html%ZZ', '/%C0%AF'])('%s answers 400 on the app server and the sandbox keeps running', async (path) => {
    const res = await rawGet(sb.appUrl, path);
    expect(res.status).toBe(400);
    expect((await rawGet(sb.appUrl, '/launch.html')).status).toBe(200);
    expect((await fetch(`${sb.fhirBaseUrl}/metadata`)).status).toBe(200);
  });

  it.each(['/%E0%A4%A', '/fhir/Patient/%E0%A4%A', '/ehr/launch?patient=%E0%A4%A', '/auth/authorize?client_id=%E0%A4%A'])(
    '%s on the EHR/FHIR server: a 4xx answer, never a crash',
    async (path) => {
      const res = await rawGet(sb.baseUrl, path);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect((await fetch(`${sb.fhirBaseUrl}/metadata`)).status).toBe(200);
    },
  );
});

describe('static files stay inside the app folder', () => {
  it.each([
    '/..%2Fdist-secret%2Fsecret.txt',
    '/..%2fdist-secret/secret.txt',
    '/%2E%2E%2Fdist-secret%2Fsecret.txt',
    '/..%2Foutside.txt',
    '/..%5Coutside.txt',
    '/../outside.txt',
    '/%2e%2e/outside.txt',
    '/launch.html%00.txt',
  ])('%s is not served', async (path) => {
    const res = await rawGet(sb.appUrl, path);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body).not.toContain('TOP-SECRET');
  });

  it('files inside are still served', async () => {
    expect((await rawGet(sb.appUrl, '/launch.html')).status).toBe(200);
    expect((await rawGet(sb.appUrl, '/')).body).toContain('<title>app</title>');
  });
});
