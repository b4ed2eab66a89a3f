/**
 * What the sandbox server mounts (one line in its request handler):
 *   const bulk = createBulkMount({ repo, fhirPath: '/fhir', fhirBase: () => `${baseUrl}/fhir`, authorize });
 *   if (await bulk(req, res)) return;   // before the FHIR router
 * and, where it serves /metadata, `withExportCapability(statement)` so clients discover $export.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CapabilityStatement } from 'fhir/r4';
import { createBulkJobs, handleBulk, type BulkContext } from './handler.ts';
import type { BulkOptions } from './jobs.ts';
import { repositorySource, type SearchableRepository } from './repository-source.ts';

export { handleBulk, createBulkJobs } from './handler.ts';
export type { BulkContext } from './handler.ts';

export interface BulkMountOptions {
  repo: SearchableRepository;
  fhirPath: string;
  /** Absolute FHIR base (known once the server listens). */
  fhirBase: () => string;
  authorize?: BulkContext['authorize'];
  mayExport?: BulkContext['mayExport'];
  options?: Partial<BulkOptions>;
  /** Resources per repository search while collecting (the sandbox's whole-server view is cheapest in one page). */
  pageSize?: number;
}

export function createBulkMount(o: BulkMountOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const jobs = createBulkJobs(o.options);
  const source = repositorySource(o.repo, undefined, o.pageSize ?? 100_000);
  return (req, res) => handleBulk(req, res, { fhirPath: o.fhirPath, fhirBase: o.fhirBase(), source, jobs, authorize: o.authorize, mayExport: o.mayExport });
}

const EXPORT_DEF = 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/export';

/** The statement plus Bulk Data $export at system, Patient and Group level. */
export function withExportCapability(cs: CapabilityStatement): CapabilityStatement {
  const op = (name: string, definition: string) => ({ name, definition });
  const rest = (cs.rest ?? [{ mode: 'server' as const }]).map((r, i) => i > 0 ? r : {
    ...r,
    operation: [...(r.operation ?? []).filter((o) => o.name !== 'export'), op('export', EXPORT_DEF)],
    resource: (r.resource ?? []).map((res) => (res.type === 'Patient' || res.type === 'Group'
      ? { ...res, operation: [...(res.operation ?? []).filter((o) => o.name !== 'export'), op('export', `${EXPORT_DEF.replace(/export$/, '')}${res.type.toLowerCase()}-export`)] }
      : res)),
  });
  return { ...cs, instantiates: [...new Set([...(cs.instantiates ?? []), 'http://hl7.org/fhir/uv/bulkdata/CapabilityStatement/bulk-data'])], rest };
}
