/**
 * The benchmark's "typical" patient: a Synthea R4 fixture with 34 opioid orders over 7 years (Bradly Douglas),
 * from fhir-fixtures/synthea/ (or the shared reference copy when the fixture set is not in the repo yet).
 * Transaction-bundle `urn:uuid:` references are rewritten to `Type/id` so any server can resolve them.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, Resource } from 'fhir/r4';

const FILE_PREFIX = 'Bradly_Douglas_';
const PLACES = ['fhir-fixtures/synthea', '/work/shared/fhir-samples/synthea'];

export function typicalPatient(): { patientId: string; resources: Resource[]; file: string } {
  const file = PLACES.filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).filter((f) => f.startsWith(FILE_PREFIX) && f.endsWith('.json')).map((f) => join(dir, f)))[0];
  if (!file) throw new Error(`no ${FILE_PREFIX}*.json in ${PLACES.join(' or ')}`);
  const bundle = JSON.parse(readFileSync(file, 'utf8')) as Bundle;
  const refs = new Map<string, string>();
  for (const e of bundle.entry ?? []) if (e.fullUrl && e.resource) refs.set(e.fullUrl, `${e.resource.resourceType}/${e.resource.id}`);
  const text = JSON.stringify((bundle.entry ?? []).map((e) => e.resource)).replace(/"(urn:uuid:[0-9a-f-]+)"/g, (m, urn: string) =>
    refs.has(urn) ? JSON.stringify(refs.get(urn)) : m,
  );
  const resources = JSON.parse(text) as Resource[];
  const patient = resources.find((r) => r.resourceType === 'Patient');
  if (!patient?.id) throw new Error(`${file} has no Patient`);
  return { patientId: patient.id, resources, file };
}
