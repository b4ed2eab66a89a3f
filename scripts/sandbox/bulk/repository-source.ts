/**
 * BulkSource over the sandbox's FHIR repository (@medplum/fhir-router MemoryRepository or any object
 * with the same `search`/`readResource`), read page by page.
 */
import type { Group, Resource } from 'fhir/r4';
import { PATIENT_COMPARTMENT, type BulkSource } from './collect.ts';

export interface SearchableRepository {
  // Loose on purpose: medplum's own fhirtypes Bundle/Resource are structurally FHIR R4.
  search(request: { resourceType: string; count?: number; offset?: number }): Promise<{ entry?: { resource?: unknown }[] }>;
  readResource(resourceType: string, id: string): Promise<unknown>;
}

export const EXPORTABLE_TYPES = [...PATIENT_COMPARTMENT, 'Practitioner', 'PractitionerRole', 'Organization', 'Location', 'Medication', 'Group'];

export function repositorySource(repo: SearchableRepository, types: readonly string[] = EXPORTABLE_TYPES, pageSize = 1000): BulkSource {
  return {
    types: () => [...types],
    supportsType: (t) => types.includes(t),
    async readAll(type) {
      const out: Resource[] = [];
      for (let offset = 0; ; offset += pageSize) {
        const bundle = await repo.search({ resourceType: type, count: pageSize, offset });
        const page = (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource as Resource] : []));
        out.push(...page);
        if (page.length < pageSize) return out;
      }
    },
    async readGroup(id) {
      try {
        const g = (await repo.readResource('Group', id)) as Resource;
        return g?.resourceType === 'Group' ? (g as Group) : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
