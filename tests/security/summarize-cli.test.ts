/**
 * Finding on `summarize`: raw JavaScript messages ("Cannot read properties of null", "Maximum call stack size
 * exceeded") instead of reasons, and deeply nested input overflowing the stack.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseInput } from '../../src/cli/read-input.ts';
import { lines, runCli } from './support.ts';

const dir = mkdtempSync(join(tmpdir(), 'pcp-sec-sum-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const patient = { resourceType: 'Patient', id: 'p' };
const JS_MESSAGES = /Cannot read properties|Maximum call stack|is not a function|is not iterable|undefined|TypeError|RangeError/;

function nestedBundles(depth: number): string {
  let s = JSON.stringify(patient);
  for (let i = 0; i < depth; i++) s = `{"resourceType":"Bundle","entry":[{"resource":${s}}]}`;
  return s;
}

describe('summarize: plain reasons for bad input', { timeout: 60_000 }, () => {
  it.each([
    ['a null entry', { resourceType: 'Bundle', entry: [{ resource: patient }, null] }, /not a FHIR entry at entry 2/],
    ['a null resource', { resourceType: 'Bundle', entry: [{ resource: patient }, { resource: null }] }, /not a FHIR resource at entry 2/],
    ['a resource without resourceType', { resourceType: 'Bundle', entry: [{ resource: patient }, { resource: { id: 'x' } }] }, /not a FHIR resource at entry 2/],
    ['entry that is not a list', { resourceType: 'Bundle', entry: 'abc' }, /Bundle\.entry is not a list/],
    ['a nested Bundle with a bad entry', { resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Bundle', entry: [{ resource: patient }, 7] } }] }, /not a FHIR entry at entry 1 › entry 2/],
  ])('%s', (_name, content, reason) => {
    const file = write(`${_name.replace(/\W+/g, '-')}.json`, JSON.stringify(content));
    const r = runCli('summarize', [file, '--as-of', '2025-06-30']);
    expect(r.code).toBe(1);
    const errs = lines(r.stderr);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toContain(file);
    expect(errs[0]).toMatch(reason);
    expect(errs[0]).not.toMatch(JS_MESSAGES);
  });

  it('deeply nested Bundles: "nesting too deep", no stack overflow', () => {
    const file = write('deep-bundles.json', nestedBundles(20_000));
    const r = runCli('summarize', [file, '--as-of', '2025-06-30']);
    expect(r.code).toBe(1);
    expect(lines(r.stderr)).toEqual([expect.stringMatching(/deep-bundles\.json: nesting too deep/)]);
    expect(r.stderr).not.toMatch(JS_MESSAGES);
  });

  it('a deeply nested value inside a resource, and on an NDJSON line: "nesting too deep"', () => {
    const deepValue = `${'['.repeat(200_000)}1${']'.repeat(200_000)}`;
    const inResource = write('deep-value.json', `{"resourceType":"Patient","id":"p","extension":${deepValue}}`);
    const onLine = write('deep-line.ndjson', `${JSON.stringify(patient)}\n{"resourceType":"Observation","id":"o","valueString":${deepValue}}\n`);
    const r = runCli('summarize', [inResource, onLine, '--as-of', '2025-06-30']);
    expect(r.code).toBe(1);
    const errs = lines(r.stderr);
    expect(errs).toHaveLength(2);
    expect(errs[0]).toMatch(/deep-value\.json: nesting too deep/);
    expect(errs[1]).toMatch(/deep-line\.ndjson: NDJSON line 2: nesting too deep/);
    expect(r.stderr).not.toMatch(JS_MESSAGES);
  });

  it('parseInput itself never overflows: 100,000 nested Bundles give an InputError', () => {
    expect(() => parseInput(nestedBundles(100_000))).toThrow(/nesting too deep/);
  });

  it('ordinary nesting (Bundle in Bundle, contained resources, nested extensions) is still read', () => {
    const ok = { resourceType: 'Bundle', entry: [{ resource: { resourceType: 'Bundle', entry: [{ resource: { ...patient, extension: [{ url: 'a', extension: [{ url: 'b', extension: [{ url: 'c', valueString: 'x' }] }] }] } }] } }] };
    expect(parseInput(JSON.stringify(ok)).resources.map((r) => r.id)).toEqual(['p']);
  });
});
