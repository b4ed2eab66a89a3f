/**
 * Helpers for the security tests: a small sandbox (two patients, no fixtures, fixed date shift target) on
 * 127.0.0.1 and ephemeral ports, raw HTTP requests (fetch would normalise the paths under test), and the
 * command lines spawned the way an analyst runs them.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../scripts/sandbox/server.ts';

export const PA = 'sec-pa';
export const PB = 'sec-pb';

const patientData = (id: string, family: string) => [
  { resourceType: 'Patient', id, name: [{ given: ['Test'], family }], birthDate: '1960-01-01' },
  { resourceType: 'Observation', id: `${id}-obs`, status: 'final', code: { text: 'PEG' }, subject: { reference: `Patient/${id}` }, effectiveDateTime: '2025-01-01' },
  { resourceType: 'Condition', id: `${id}-cond`, code: { text: 'Chronic pain' }, subject: { reference: `Patient/${id}` }, recordedDate: '2025-01-01' },
];

/** A data folder with two patients (NDJSON) for a fast sandbox. */
export function twoPatientData(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pcp-sec-data-'));
  const all = [...patientData(PA, 'Alpha'), ...patientData(PB, 'Beta')];
  writeFileSync(join(dir, 'data.ndjson'), all.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return dir;
}

/** A built-app folder stand-in: index.html, launch.html and a smart-config.json. */
export function fakeAppDir(config?: object): string {
  const root = mkdtempSync(join(tmpdir(), 'pcp-sec-app-'));
  const dir = join(root, 'dist');
  mkdirSync(dir);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(dir, 'launch.html'), '<!doctype html><title>launch</title>');
  if (config) writeFileSync(join(dir, 'smart-config.json'), JSON.stringify(config));
  return dir;
}

export function smallSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ includeFixtures: false, dataDirs: [twoPatientData()], today: '2026-11-22', quiet: true, ...opts });
}

/** GET with the path sent byte for byte (no URL normalisation). */
export function rawGet(base: string, path: string): Promise<{ status: number; body: string; headers: Record<string, string | string[] | undefined> }> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `src/cli/<name>.ts` with node + tsx (cwd: the repository). */
export function runCli(name: 'registry' | 'summarize', args: string[]): CliRun {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${name}.ts`, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** stderr as lines (without the trailing empty one). */
export const lines = (text: string) => text.split('\n').filter((l) => l !== '');
