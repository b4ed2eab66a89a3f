/**
 * Which patient a resource belongs to, from its own fields (Patient.id, subject, patient,
 * beneficiary...). Resources that belong to no patient (Practitioner, Medication, Organization)
 * return null and are kept as shared look-ups.
 */
import type { Resource } from 'fhir/r4';

const PATIENT_FIELDS = ['subject', 'patient', 'beneficiary', 'individual'] as const;

/** "Patient/123", "https://x/fhir/Patient/123" or "Patient/123/_history/2" → "123". */
export function patientIdFromReference(ref: string | undefined, aliases?: ReadonlyMap<string, string>): string | null {
  if (!ref) return null;
  const alias = aliases?.get(ref);
  if (alias) return alias;
  const m = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/.*)?$/.exec(ref);
  return m ? m[1] : null;
}

export function patientKeyOf(resource: Resource, aliases?: ReadonlyMap<string, string>): string | null {
  if (resource.resourceType === 'Patient') return resource.id ?? null;
  const r = resource as unknown as Record<string, unknown>;
  for (const f of PATIENT_FIELDS) {
    const v = r[f] as { reference?: string } | undefined;
    const id = patientIdFromReference(v?.reference, aliases);
    if (id) return id;
  }
  // Appointment: the patient among the participants.
  const participants = r.participant as { actor?: { reference?: string } }[] | undefined;
  if (Array.isArray(participants)) {
    for (const p of participants) {
      const id = patientIdFromReference(p.actor?.reference, aliases);
      if (id) return id;
    }
  }
  return null;
}
