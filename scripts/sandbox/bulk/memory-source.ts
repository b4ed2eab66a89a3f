/**
 * A BulkSource over an in-memory list of resources (tests, and the sandbox adapter's fallback).
 */
import type { Group, Resource } from 'fhir/r4';
import { PATIENT_COMPARTMENT, type BulkSource } from './collect.ts';

const COMMON_TYPES = [...PATIENT_COMPARTMENT, 'Practitioner', 'PractitionerRole', 'Organization', 'Location', 'Medication', 'Group'];

export function memorySource(resources: readonly Resource[], knownTypes: readonly string[] = COMMON_TYPES): BulkSource {
  const byType = new Map<string, Resource[]>();
  for (const r of resources) {
    let list = byType.get(r.resourceType);
    if (!list) byType.set(r.resourceType, (list = []));
    list.push(r);
  }
  const present = [...byType.keys()].sort();
  const supported = new Set([...present, ...knownTypes]);
  return {
    types: () => present,
    supportsType: (t) => supported.has(t),
    readAll: async (t) => byType.get(t) ?? [],
    readGroup: async (id) => byType.get('Group')?.find((g) => g.id === id) as Group | undefined,
  };
}
