/**
 * What an export contains: system level = every resource of the requested types; Patient level =
 * the patient compartment of every patient; Group level = the compartment of the group's members.
 * `_since` keeps resources whose meta.lastUpdated is at or after the instant.
 */
import type { Group, Resource } from 'fhir/r4';
import { patientKeyOf } from '../../../src/registry/patient-key.ts';

/** The sandbox's FHIR engine, as the bulk module needs it. */
export interface BulkSource {
  types(): string[];
  supportsType(type: string): boolean;
  readAll(type: string): Promise<Resource[]>;
  readGroup(id: string): Promise<Group | undefined>;
}

/** Resource types that live in a patient's compartment (those the app reads, plus Appointment). */
export const PATIENT_COMPARTMENT = [
  'Patient', 'MedicationRequest', 'MedicationDispense', 'MedicationStatement', 'Observation', 'Condition', 'Procedure',
  'DocumentReference', 'Appointment', 'Encounter', 'ServiceRequest', 'QuestionnaireResponse', 'Consent',
];

export async function collectExport(
  source: BulkSource,
  opts: { group?: string; patients?: true; types?: string[]; since?: string },
): Promise<Resource[]> {
  const patientLevel = opts.group !== undefined || opts.patients === true;
  const available = source.types();
  const types = (opts.types ?? (patientLevel ? PATIENT_COMPARTMENT : available)).filter(
    (t) => available.includes(t) && (!patientLevel || PATIENT_COMPARTMENT.includes(t)),
  );
  let members: Set<string> | null = null;
  if (opts.group !== undefined) {
    const g = await source.readGroup(opts.group);
    if (!g) throw new Error(`Group/${opts.group} not found`);
    members = new Set((g.member ?? []).map((m) => /Patient\/([^/]+)$/.exec(m.entity.reference ?? '')?.[1]).filter((x): x is string => !!x));
  }
  const since = opts.since ? Date.parse(opts.since) : NaN;
  const out: Resource[] = [];
  for (const type of types) {
    for (const r of await source.readAll(type)) {
      if (!Number.isNaN(since) && !(Date.parse(r.meta?.lastUpdated ?? '') >= since)) continue;
      if (patientLevel) {
        const pid = patientKeyOf(r);
        if (!pid || (members && !members.has(pid))) continue;
      }
      out.push(r);
    }
  }
  return out;
}
