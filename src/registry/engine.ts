/**
 * The clinical engine with the clinic policy bound, as the registry uses it: `summarize` (resources → summary,
 * the definition) and the same in two steps (`engine`), so a patient's record is normalised once (accumulate.ts).
 */
import type { Resource } from 'fhir/r4';
import type { Policy } from '../clinical/policy/types.ts';
import { normalizeRecord } from '../clinical/record/normalize.ts';
import { summarizePatient, summarizeRecord } from '../clinical/summary.ts';
import type { RecordEngine, Summarize } from './accumulate.ts';

export function policyEngine(policy: Policy): { summarize: Summarize; engine: RecordEngine } {
  return {
    summarize: (resources, loadStatus, asOf, what) => summarizePatient(resources, loadStatus, policy, asOf, {}, what),
    engine: {
      normalize: (resources: readonly Resource[]) => normalizeRecord(resources, policy),
      summarize: (record, loadStatus, asOf, what) => summarizeRecord(record, loadStatus, policy, asOf, {}, what),
    },
  };
}
