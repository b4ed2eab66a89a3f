/**
 * Reads FHIR input files for the command-line tools: a JSON Bundle of any type (nested Bundles are flattened),
 * a single JSON resource, or NDJSON (one resource or Bundle per line). Picks the patient: the Patient resource,
 * or the subject/patient the resources share; a file with several patients needs an explicit patient id.
 * Errors are InputError with a one-line message in words (the caller prefixes the file name): where the input is
 * wrong ("not a FHIR resource at entry 3", "nesting too deep"), never a JavaScript message.
 */
import { readFileSync } from 'node:fs';
import type { Resource } from 'fhir/r4';
import { MAX_JSON_DEPTH, nestedTooDeep } from './json-depth.ts';
import { describeFsError } from './paths.ts';

export class InputError extends Error {}

export interface LoadedInput {
  resources: Resource[];
  /** Bundle entry fullUrl → "Type/id" of the resource, to resolve urn:uuid references. */
  fullUrls: Map<string, string>;
}

function isResource(value: unknown): value is Resource {
  return typeof value === 'object' && value !== null && typeof (value as Resource).resourceType === 'string';
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Adds the resources of `value` (a resource, or a Bundle whose entries may be Bundles again) to `into`.
 * Iterative: nested Bundles cannot overflow the stack. `where` names the value for messages ("the JSON",
 * "NDJSON line 3"); entries are named by their 1-based number, nested ones as "entry 1 › entry 2".
 */
function collect(value: unknown, into: LoadedInput, where: string): void {
  if (nestedTooDeep(value)) throw new InputError(`${where === 'the JSON' ? '' : `${where}: `}nesting too deep (more than ${MAX_JSON_DEPTH} levels)`);
  if (!isResource(value) || Array.isArray(value)) throw new InputError(`not FHIR: ${where} has no resourceType`);
  const inside = (path: string) => (where === 'the JSON' ? path : `${where}, ${path}`);
  const queue: { value: Resource; path: string }[] = [{ value, path: '' }];
  while (queue.length) {
    const { value: r, path } = queue.shift()!;
    if (r.resourceType !== 'Bundle') {
      into.resources.push(r);
      continue;
    }
    const entries = (r as unknown as { entry?: unknown }).entry;
    if (entries === undefined) continue;
    if (!Array.isArray(entries)) throw new InputError(`${path ? `${inside(path)}: ` : where === 'the JSON' ? '' : `${where}: `}Bundle.entry is not a list`);
    const nested: { value: Resource; path: string }[] = [];
    entries.forEach((entry: unknown, i) => {
      const at = path ? `${path} › entry ${i + 1}` : `entry ${i + 1}`;
      if (!isObject(entry)) throw new InputError(`not a FHIR entry at ${inside(at)}`);
      if (entry.resource === undefined) return; // e.g. a transaction-response entry: nothing to read
      if (!isResource(entry.resource) || Array.isArray(entry.resource)) throw new InputError(`not a FHIR resource at ${inside(at)}`);
      if (isObject(entry.search) && entry.search.mode === 'outcome') return; // Epic search bundles carry OperationOutcome entries
      const resource = entry.resource;
      if (typeof entry.fullUrl === 'string' && typeof resource.id === 'string') into.fullUrls.set(entry.fullUrl, `${resource.resourceType}/${resource.id}`);
      nested.push({ value: resource, path: at });
    });
    queue.unshift(...nested); // depth-first: resources keep the order they have in the file
  }
}

/** Parses file content (JSON or NDJSON) into resources. */
export function parseInput(text: string): LoadedInput {
  const loaded: LoadedInput = { resources: [], fullUrls: new Map() };
  const trimmed = text.trim();
  if (trimmed === '') throw new InputError('empty file');
  let whole: unknown;
  try {
    whole = JSON.parse(trimmed);
  } catch {
    whole = undefined;
  }
  if (whole !== undefined) {
    collect(whole, loaded, 'the JSON');
    return loaded;
  }
  const lines = trimmed.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new InputError(i === 0 ? 'not JSON or NDJSON' : `NDJSON line ${i + 1} is not JSON`);
    }
    collect(value, loaded, `NDJSON line ${i + 1}`);
  });
  return loaded;
}

/** Reads and parses one file. */
export function readInputFile(path: string): LoadedInput {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read file (${describeFsError(e)})`);
  }
  return parseInput(text);
}

/** Patient id a reference points to ("Patient/x", ".../Patient/x", "urn:uuid:x" via fullUrl), or undefined. */
function patientIdOf(ref: string | undefined, fullUrls: Map<string, string>): string | undefined {
  if (!ref) return undefined;
  const resolved = fullUrls.get(ref) ?? ref;
  const m = /(?:^|\/)Patient\/([^/]+)$/.exec(resolved);
  if (m) return m[1];
  return resolved.startsWith('urn:uuid:') ? resolved.slice(9) : undefined;
}

type WithSubject = Resource & { subject?: { reference?: string }; patient?: { reference?: string } };

function ownerOf(r: Resource, fullUrls: Map<string, string>): string | undefined {
  if (r.resourceType === 'Patient') return r.id;
  const w = r as WithSubject;
  return patientIdOf(w.subject?.reference, fullUrls) ?? patientIdOf(w.patient?.reference, fullUrls);
}

export interface PatientSelection {
  patientId: string | null;
  resources: Resource[];
}

/**
 * The one patient of a file and their resources (resources without a subject — Medication, Practitioner… —
 * are kept). Several patients without `patientId` → InputError naming them.
 */
export function selectPatient(input: LoadedInput, patientId?: string): PatientSelection {
  const owners = input.resources.map((r) => ownerOf(r, input.fullUrls));
  const ids = [...new Set(owners.filter((o): o is string => o !== undefined))];
  if (patientId !== undefined) {
    if (!ids.includes(patientId)) throw new InputError(`patient ${patientId} not found (patients: ${ids.join(', ') || 'none'})`);
    return { patientId, resources: input.resources.filter((_, i) => owners[i] === undefined || owners[i] === patientId) };
  }
  if (ids.length > 1) {
    const shown = ids.slice(0, 5).join(', ') + (ids.length > 5 ? ', …' : '');
    throw new InputError(`holds ${ids.length} patients (${shown}): choose one with --patient <id>`);
  }
  return { patientId: ids[0] ?? null, resources: input.resources };
}
