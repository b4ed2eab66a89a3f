/**
 * Reads FHIR input files for the command-line tools: a JSON Bundle of any type (nested Bundles are flattened),
 * a single JSON resource, or NDJSON (one resource or Bundle per line). Picks the patient: the Patient resource,
 * or the subject/patient the resources share; a file with several patients needs an explicit patient id.
 * Errors are InputError with a one-line message (the caller prefixes the file name).
 */
import { readFileSync } from 'node:fs';
import type { Bundle, Resource } from 'fhir/r4';

export class InputError extends Error {}

export interface LoadedInput {
  resources: Resource[];
  /** Bundle entry fullUrl → "Type/id" of the resource, to resolve urn:uuid references. */
  fullUrls: Map<string, string>;
}

function isResource(value: unknown): value is Resource {
  return typeof value === 'object' && value !== null && typeof (value as Resource).resourceType === 'string';
}

function collect(value: unknown, into: LoadedInput, where: string): void {
  if (!isResource(value)) throw new InputError(`not FHIR: ${where} has no resourceType`);
  if (value.resourceType !== 'Bundle') {
    into.resources.push(value);
    return;
  }
  for (const entry of (value as Bundle).entry ?? []) {
    if (!entry.resource) continue;
    if (entry.search?.mode === 'outcome') continue; // Epic search bundles carry OperationOutcome entries
    if (entry.fullUrl && entry.resource.id) into.fullUrls.set(entry.fullUrl, `${entry.resource.resourceType}/${entry.resource.id}`);
    collect(entry.resource, into, `${where} entry`);
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
    throw new InputError(`cannot read file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
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
