/**
 * The per-patient JSON object printed by `summarize` (public contract: keys are added, never renamed).
 * Issue 3 fills `asOf`, `patientId` and `mme`; issue 4 adds `risk` ({tier, reasons[{id, text, source}]}) and
 * `monitoring` ([{item, status, lastDate, dueDate, reason, …}]) computed with the clinic policy (--policy) from the
 * same MME result. A file on the command line is a complete read: every source counts as loaded.
 */
import type { Resource } from 'fhir/r4';
import { DEFAULT_POLICY, type Policy } from '../clinical/policy/index.ts';
import { summarizePatient } from '../clinical/summary.ts';
import type { IsoDate, MmeEdition, MmeResult, MonitoringItem, PanelSummary, RiskResult } from '../clinical/types.ts';

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
  return {
    asOf: opts.asOf, patientId: opts.patientId, mme, risk: { tier: risk.tier, reasons: risk.reasons }, monitoring, notes: summary.notes,
    // Added for real EHR records and the opioid course (existing fields above are unchanged).
    medications: summary.medications,
    unexpectedUdt: summary.unexpectedUdt,
    scores: { peg: summary.peg.entries, pegBaseline: summary.peg.baselineRule, phq9: summary.phq9, gad7: summary.gad7, ort: summary.ort },
    course: summary.course ? courseJson(summary.course) : null,
    nonOpioidCare: summary.nonOpioidCare,
  };
}

/** The `course` object (public contract: start, startKnown, days, longTerm, history, changes, flags, supplyEnds, prescribers). */
function courseJson(c: NonNullable<PanelSummary['course']>) {
  return {
    start: c.start, startKnown: c.startKnown, days: c.days, longTerm: c.longTerm,
    history: c.history.map(({ from, to, mmePerDay, complete }) => ({ from, to, mmePerDay, complete })),
    changes: c.changes.map(({ date, fromMme, toMme, kind, pctPerMonth }) => ({ date, fromMme, toMme, kind, pctPerMonth })),
    flags: c.flags,
    supplyEnds: c.supplyEnds,
    prescribers: { count: c.prescribers.count, pharmacies: c.prescribers.pharmacies, windowDays: c.prescribers.windowDays },
  };
}
