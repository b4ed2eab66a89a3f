/**
 * What the server's CapabilityStatement (GET /metadata, read once per launch) says it supports.
 * Queries only use optional search parameters that are listed, because some servers answer an
 * unknown parameter with 400 instead of ignoring it.
 */
import type { CapabilityStatement } from 'fhir/r4';
import type { Transport } from './transport.ts';

export interface Capabilities {
  /** False when /metadata could not be read: queries then use only the parameters every server has. */
  known: boolean;
  supportsSearchParam(resourceType: string, param: string): boolean;
  supportsInclude(resourceType: string, include: string): boolean;
  /**
   * Does the server honour `If-None-Exist` on create (`rest.resource.conditionalCreate`)? Without it a retried
   * POST may file a second resource, so writes look for their identifier before creating.
   */
  supportsConditionalCreate(resourceType: string): boolean;
}

export function capabilitiesFrom(statement: CapabilityStatement | null): Capabilities {
  const resources = new Map((statement?.rest ?? []).flatMap((r) => r.resource ?? []).map((r) => [r.type, r]));
  return {
    known: statement !== null,
    supportsSearchParam: (type, param) =>
      Boolean(resources.get(type)?.searchParam?.some((p) => p.name?.toLowerCase() === param.toLowerCase())),
    supportsInclude: (type, include) => Boolean(resources.get(type)?.searchInclude?.includes(include)),
    supportsConditionalCreate: (type) => resources.get(type)?.conditionalCreate === true,
  };
}

export async function readCapabilities(transport: Transport): Promise<Capabilities> {
  try {
    const { body } = await transport.send('metadata');
    const isStatement = (body as { resourceType?: unknown } | null)?.resourceType === 'CapabilityStatement';
    return capabilitiesFrom(isStatement ? (body as CapabilityStatement) : null);
  } catch {
    return capabilitiesFrom(null);
  }
}
