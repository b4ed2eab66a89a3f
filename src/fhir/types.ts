/** Results the data layer hands to the store: per-source facts, status and data notes. */
import type { Resource } from 'fhir/r4';
import type { SourceKey, SourceStatus } from '../clinical/types.ts';
import type { FhirErrorKind } from './errors.ts';

export type NoteLevel = 'info' | 'warning' | 'error';

/** One line under "Data notes": what was loaded, skipped, or could not be read. */
export interface DataNote {
  source: SourceKey | 'session';
  level: NoteLevel;
  text: string;
}

export interface SourceLoad {
  source: SourceKey;
  status: SourceStatus;
  /** Validated resources of this source (for 'medications' also the referenced Medication resources). */
  resources: Resource[];
  notes: DataNote[];
  pages: number;
  /** Why an unavailable source failed (an 'unauthorized' one means the session is over). */
  failure?: FhirErrorKind;
}

/** app-load-failed: a part of the app itself could not be downloaded (network), so nothing could be read. */
export type SessionErrorKind = 'session-expired' | 'no-patient' | 'app-load-failed';

export interface SessionError {
  kind: SessionErrorKind;
  message: string;
}

export const SESSION_EXPIRED_MESSAGE = 'Your session has expired — relaunch the app from the chart.';
