/**
 * Messages between the registry view (main thread) and the registry worker.
 */
import type { IsoDate } from '../clinical/types.ts';
import type { ListedPatient, RegistryReport } from './accumulate.ts';
import type { RegistryRow } from './types.ts';

export interface StartMessage {
  type: 'start';
  fhirBase: string;
  /** Bearer token of the launch (the worker fetches itself; it never refreshes). */
  accessToken: string | null;
  asOf: IsoDate;
  /** The clinic policy JSON as served (public/policy.json); the worker validates it. */
  policyJson: unknown;
  runChartMonths?: number;
}

export type ToWorker = StartMessage | { type: 'cancel' };

export type FromWorker =
  | { type: 'progress'; phase: 'fetching' | 'summarizing' | 'run-chart'; text: string; done?: number; total?: number }
  | { type: 'rows'; rows: RegistryRow[]; listed: { kind: 'excluded' | 'moud-only'; patient: ListedPatient }[] }
  | { type: 'measures'; report: RegistryReport; final: boolean }
  | { type: 'done'; mode: 'bulk' | 'search'; ms: number; notes: string[] }
  | { type: 'error'; message: string; cancelled: boolean };
