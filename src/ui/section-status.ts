/**
 * Per-section status from the data layer's per-source LoadStatus. A section shows as soon as its own
 * sources are in; a failed source it cannot do without makes it "unavailable" with the reason, and a
 * partial or failed optional source becomes a warning ("absence proves nothing").
 */
import type { LoadStatus, SourceKey } from '../clinical/types.ts';
import { SOURCE_LABEL } from './labels.ts';

export type SectionStatus =
  | { state: 'loading' }
  | { state: 'ready'; warnings: string[] }
  | { state: 'unavailable'; reason: string };

export interface SectionSources {
  /** Without these the section has nothing true to say. */
  required: SourceKey[];
  /** The section renders without these, with a warning when they are missing or partial. */
  optional?: SourceKey[];
}

export const READY: SectionStatus = { state: 'ready', warnings: [] };

function why(reason: string | undefined): string {
  return reason ? ` (${reason})` : '';
}

export function sectionStatus(load: LoadStatus, sources: SectionSources): SectionStatus {
  const all = [...sources.required, ...(sources.optional ?? [])];
  if (all.some((key) => load[key]?.state === 'loading')) return { state: 'loading' };
  const failed = sources.required.filter((key) => load[key]?.state === 'unavailable' || load[key]?.state === 'not-requested');
  if (failed.length > 0) {
    const verb = (key: SourceKey) => (load[key]?.state === 'not-requested' ? 'not requested' : 'could not be read');
    const parts = failed.map((key) => `${SOURCE_LABEL[key]}: ${verb(key)}${why(load[key]?.reason)}`);
    return { state: 'unavailable', reason: parts.join('; ') };
  }
  const warnings: string[] = [];
  for (const key of all) {
    const status = load[key];
    if (status?.state === 'partial') {
      warnings.push(`${SOURCE_LABEL[key]}: only partly read${why(status.reason)} — what is shown is true, but some records may be missing.`);
    } else if (status?.state === 'unavailable') {
      warnings.push(`${SOURCE_LABEL[key]}: could not be read${why(status.reason)}.`);
    }
  }
  return { state: 'ready', warnings };
}
