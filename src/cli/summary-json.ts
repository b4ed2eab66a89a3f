/**
 * The per-patient JSON object printed by `summarize` (public contract: keys are added, never renamed).
 * Issue 3 fills `asOf`, `patientId` and `mme`; issue 4 adds `risk` ({tier, reasons[{id, text, source}]}) and
 * `monitoring` ([{item, status, lastDate, dueDate, reason, …}]) computed with the clinic policy (--policy) from the
 * same MME result. A file on the command line is a complete read: every source counts as loaded.
 */
import type { Resource } from 'fhir/r4';
import { DEFAULT_POLICY, type Policy } from '../clinical/policy/index.ts';
import { summarizePatient } from '../clinical/summary.ts';
import type { IsoDate, MmeEdition, MmeResult, MonitoringItem, RiskResult } from '../clinical/types.ts';

export interface SummaryOptions {
  asOf: IsoDate;
  patientId: string | null;
  edition?: MmeEdition;
  useResearchFactors?: boolean;
  activeLookbackDays?: number;
  /** Clinic policy (default: the shipped public/policy.json content). */
  policy?: Policy;
}

export interface SummaryJson {
  asOf: IsoDate;
  patientId: string | null;
  mme: MmeResult;
  risk: RiskResult;
  monitoring: MonitoringItem[];
  [key: string]: unknown;
}

export function buildSummaryJson(resources: readonly Resource[], opts: SummaryOptions): SummaryJson {
  const policy = opts.policy ?? DEFAULT_POLICY;
  // The same ingest path and evaluation as the panel and the registry (summarizePatient); a file is complete.
  const summary = summarizePatient(resources, {}, policy, opts.asOf, {
    edition: opts.edition ?? 'cdc-2022',
    ...(opts.useResearchFactors ? { useResearchFactors: true } : {}),
    activeLookbackDays: opts.activeLookbackDays ?? policy.medications.currentLookbackDays.value,
  });
  const { mme, risk, monitoring } = summary;
  return { asOf: opts.asOf, patientId: opts.patientId, mme, risk: { tier: risk.tier, reasons: risk.reasons }, monitoring, notes: summary.notes };
}
