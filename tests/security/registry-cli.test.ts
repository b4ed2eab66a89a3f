/**
 * Findings on `registry`: `--csv /nonexistent/dir/x.csv` died with a 16-line stack and no JSON; an empty or
 * mistyped input folder exited 0; resources whose patient reference cannot be resolved were silently kept as
 * shared look-ups. Every bad path is now one plain stderr line naming it, with a non-zero exit, checked before
 * the work starts; unresolved references are counted in the JSON `input` section.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lines, runCli } from './support.ts';

const ASOF = ['--as-of', '2025-06-30', '--threads', '1', '--months', '0'];
const nd = (rs: object[]) => rs.map((r) => JSON.stringify(r)).join('\n') + '\n';

function goodFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pcp-sec-reg-'));
  writeFileSync(join(dir, 'Patient.ndjson'), nd([{ resourceType: 'Patient', id: 'p1', birthDate: '1960-01-01' }]));
  writeFileSync(join(dir, 'Practitioner.ndjson'), nd([{ resourceType: 'Practitioner', id: 'dr1' }]));
  return dir;
}

/** One plain line naming `path`: no stack frames, no "node:internal", no JSON on stdout. */
function expectOnePlainLine(r: { code: number | null; stdout: string; stderr: string }, path: string) {
  expect(r.code).not.toBe(0);
  expect(r.code).not.toBeNull();
  const errs = lines(r.stderr);
  expect(errs, r.stderr).toHaveLength(1);
  expect(errs[0]).toMatch(/^registry: /);
  expect(errs[0]).toContain(path);
  expect(r.stderr).not.toMatch(/\n\s+at |node:internal|Error \[|ENOENT:/);
  expect(r.stdout).toBe('');
}

describe('registry: bad output paths', { timeout: 120_000 }, () => {
  it('--csv in a folder that does not exist: one line naming the file, exit 1, before any work', () => {
    const r = runCli('registry', [goodFolder(), ...ASOF, '--csv', '/nonexistent/dir/x.csv']);
    expectOnePlainLine(r, '/nonexistent/dir/x.csv');
    expect(r.code).toBe(1);
  });

  it('--csv that is a folder: one line naming it', () => {
    const dir = goodFolder();
    const r = runCli('registry', [dir, ...ASOF, '--csv', dir]);
    expectOnePlainLine(r, dir);
  });
});

describe('registry: bad input folders', { timeout: 120_000 }, () => {
  it('an empty folder is an error naming it (not an empty report with exit 0)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pcp-sec-empty-'));
    expectOnePlainLine(runCli('registry', [dir, ...ASOF]), dir);
  });

  it('a folder without *.ndjson or *.json files (a mistyped folder) is an error naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pcp-sec-wrong-'));
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    mkdirSync(join(dir, 'export'));
    const r = runCli('registry', [dir, ...ASOF]);
    expectOnePlainLine(r, dir);
    expect(r.stderr).toMatch(/\*\.ndjson/);
  });

  it('a folder that does not exist, or a file given as the folder: one line naming it', () => {
    expectOnePlainLine(runCli('registry', ['/nonexistent/export', ...ASOF]), '/nonexistent/export');
    const file = join(goodFolder(), 'Patient.ndjson');
    expectOnePlainLine(runCli('registry', [file, ...ASOF]), file);
  });

  it('a folder whose files hold no resource at all is an error naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pcp-sec-blank-'));
    writeFileSync(join(dir, 'Patient.ndjson'), '\n\n');
    expectOnePlainLine(runCli('registry', [dir, ...ASOF]), dir);
  });

  it('a *.json file that is not JSON: one line naming the file', () => {
    const dir = goodFolder();
    const bad = join(dir, 'bundle.json');
    writeFileSync(bad, '{"resourceType": "Bundle", "entry": [');
    const r = runCli('registry', [dir, ...ASOF]);
    expectOnePlainLine(r, bad);
  });

  it('a folder named *.json among the files: one line naming it', () => {
    const dir = goodFolder();
    mkdirSync(join(dir, 'odd.json'));
    expectOnePlainLine(runCli('registry', [dir, ...ASOF]), join(dir, 'odd.json'));
  });

  it('--policy that cannot be read: one line naming it', () => {
    expectOnePlainLine(runCli('registry', [goodFolder(), ...ASOF, '--policy', '/nonexistent/policy.json']), '/nonexistent/policy.json');
  });
});

describe('registry: unresolved patient references', { timeout: 120_000 }, () => {
  it('are counted and reported in the JSON input section, not kept as shared look-ups', () => {
    const dir = goodFolder();
    writeFileSync(join(dir, 'Observation.ndjson'), nd([
      { resourceType: 'Observation', id: 'ok', status: 'final', code: {}, subject: { reference: 'Patient/p1' } },
      { resourceType: 'Observation', id: 'urn', status: 'final', code: {}, subject: { reference: 'urn:uuid:nowhere' } },
      { resourceType: 'Observation', id: 'badid', status: 'final', code: {}, subject: { reference: 'Patient/not a valid id!' } },
      { resourceType: 'Observation', id: 'ident', status: 'final', code: {}, subject: { identifier: { system: 'urn:mrn', value: '42' } } },
      { resourceType: 'Observation', id: 'group', status: 'final', code: {}, subject: { reference: 'Group/g1' } }, // not a patient: shared
    ]));
    writeFileSync(join(dir, 'Patient-noid.ndjson'), nd([{ resourceType: 'Patient', name: [{ text: 'No Id' }] }]));
    const r = runCli('registry', [dir, ...ASOF]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { input: Record<string, unknown> };
    expect(out.input.unresolvedPatientReferences).toBe(4);
    expect(out.input.sharedResources).toBe(2); // Practitioner/dr1 and the Group-subject Observation
    const examples = out.input.unresolvedPatientReferenceExamples as { file: string; line: number; resource: string; reference: string }[];
    expect(examples.map((e) => e.resource)).toEqual(['Observation/urn', 'Observation/badid', 'Observation/ident', 'Patient']);
    expect(examples[0]).toMatchObject({ file: join(dir, 'Observation.ndjson'), line: 2, reference: 'urn:uuid:nowhere' });
    expect(r.stderr).toMatch(/4 resources .*patient.*could not be resolved/);
    // existing fields are kept
    expect(out.input).toMatchObject({ files: 4, lines: 8 });
  });

  it('urn:uuid references inside a Bundle on an NDJSON line resolve through that Bundle', () => {
    const dir = goodFolder();
    writeFileSync(join(dir, 'Bundle.ndjson'), nd([{
      resourceType: 'Bundle', type: 'collection', entry: [
        { fullUrl: 'urn:uuid:pat-9', resource: { resourceType: 'Patient', id: 'p9' } },
        { resource: { resourceType: 'Observation', id: 'o9', status: 'final', code: {}, subject: { reference: 'urn:uuid:pat-9' } } },
      ],
    }]));
    const r = runCli('registry', [dir, ...ASOF]);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { input: Record<string, unknown>; patientsRead: number };
    expect(out.input.unresolvedPatientReferences).toBe(0);
    expect(out.patientsRead).toBe(2);
  });
});
