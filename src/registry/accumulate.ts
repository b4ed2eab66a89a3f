/**
 * The registry over a stream of patients: each patient's resources go through the clinical engine
 * (as of asOf, and as of each run-chart month-end), then into a row, the measure tally and the run
 * chart. Only counts are kept; rows are handed to `onRow` (the CLI writes them to CSV, the browser
 * worker posts them to the view), so memory does not grow with the cohort.
 */
import type { MedicationRequest, Patient, Resource } from 'fhir/r4';
import { datePart } from '../clinical/dates.ts';
import type { ClinicalRecord } from '../clinical/record/types.ts';
import type { SummaryParts } from '../clinical/summary.ts';
import type { IsoDate, LoadStatus, PanelSummary } from '../clinical/types.ts';
import { upcomingAppointments } from './appointments.ts';
import { resourcesAsOf } from './as-of-filter.ts';
import { cohortOf, exclusionReason } from './cohort.ts';
import { measureFlags } from './measure-flags.ts';
import { prescriberOf, type PractitionerLookup } from './prescriber.ts';
import { recordTimeline, type RecordAt } from './record-as-of.ts';
import { buildRow, patientName } from './row.ts';
import { RunChartTally, type RunChartPoint } from './run-chart.ts';
import { createTally, tallyAdd, tallyReport, type MeasuresReport } from './tally.ts';
import type { Prescriber, RegistryRow } from './types.ts';

/** The clinical engine with the clinic policy bound: summary of one patient as of a date. */
export type Summarize = (resources: readonly Resource[], loadStatus: LoadStatus, asOf: IsoDate, what?: SummaryParts) => PanelSummary;

/**
 * The same engine in its two steps (normalise, then summarise a record as of a date), so one normalised record
 * serves a patient's summary and all run-chart months (record-as-of.ts). Without it, `summarize` is used throughout.
 */
export interface RecordEngine {
  normalize: (resources: readonly Resource[]) => ClinicalRecord;
  summarize: (record: ClinicalRecord, loadStatus: LoadStatus, asOf: IsoDate, what?: SummaryParts) => PanelSummary;
}

/** What addPatient computed for the last patient (the browser worker keeps it for the deferred run chart). */
export interface Evaluated {
  record?: ClinicalRecord;
  summary?: PanelSummary;
}

export interface ListedPatient {
  patientId: string;
  name: string;
  reason: string;
}

export interface RegistryReport {
  asOf: IsoDate;
  patientsRead: number;
  cohort: { opioid: number; excluded: number; moudOnly: number; notOnOpioids: number };
  measures: MeasuresReport;
  runChart: RunChartPoint[];
  /** Excluded populations by reason (tier not-applicable), counted; listed separately from the measures. */
  excludedByReason: Record<string, number>;
  /** Patients whose summary failed (engine error): never silently dropped. */
  errors: ListedPatient[];
}

export interface RegistryOptions {
  asOf: IsoDate;
  summarize: Summarize;
  engine?: RecordEngine;
  practitioners?: PractitionerLookup;
  runChartMonths?: number; // 0 disables the run chart
  onRow?: (row: RegistryRow) => void;
  onListed?: (kind: 'excluded' | 'moud-only', p: ListedPatient) => void;
  /** Skip the month-end summaries in addPatient (the browser adds them later with addRunChart). */
  deferRunChart?: boolean;
}

/** A month-end point reads only measureFlags (cohort, monitoring status and dates, MME): no course, no UDT findings. */
const MONTH_PARTS: SummaryParts = { course: false, findings: false };

/** Earliest MedicationRequest.authoredOn; null when some order has no date (must summarize); undefined: no orders. */
function firstOrderDate(resources: readonly Resource[]): IsoDate | null | undefined {
  let first: IsoDate | null | undefined;
  for (const r of resources) {
    if (r.resourceType !== 'MedicationRequest') continue;
    const d = datePart((r as MedicationRequest).authoredOn);
    if (d === null) return null;
    if (first === undefined || first === null || d < first) first = d;
  }
  return first;
}

export class RegistryAccumulator {
  private readonly tally = createTally();
  readonly chart: RunChartTally;
  private readonly report: Omit<RegistryReport, 'measures' | 'runChart'>;
  /** The last addPatient's record and summary (undefined where the engine failed). */
  lastEvaluated: Evaluated = {};

  constructor(private readonly opts: RegistryOptions) {
    this.chart = new RunChartTally(opts.asOf, opts.runChartMonths ?? 12);
    this.report = {
      asOf: opts.asOf, patientsRead: 0, excludedByReason: {}, errors: [],
      cohort: { opioid: 0, excluded: 0, moudOnly: 0, notOnOpioids: 0 },
    };
  }

  /** One patient's complete set of resources (Patient + everything referring to them). */
  addPatient(patientId: string, resources: readonly Resource[], loadStatus: LoadStatus = {}): RegistryRow | null {
    const { summarize, engine, asOf, practitioners } = this.opts;
    const r = this.report;
    r.patientsRead += 1;
    const patient = resources.find((x): x is Patient => x.resourceType === 'Patient');
    let summary: PanelSummary;
    const evaluated: Evaluated = (this.lastEvaluated = {});
    try {
      if (engine) {
        evaluated.record = engine.normalize(resources);
        summary = engine.summarize(evaluated.record, loadStatus, asOf);
      } else summary = summarize(resources, loadStatus, asOf);
      evaluated.summary = summary;
    } catch (e) {
      r.errors.push({ patientId, name: patientName(patient, patientId), reason: String((e as Error)?.message ?? e) });
      return null;
    }
    if (summary.patientId === null) summary = { ...summary, patientId };
    const cohort = cohortOf(summary);
    const prescriber = prescriberOf(summary, resources, practitioners);
    if (!this.opts.deferRunChart) this.addRunChart(resources, loadStatus, prescriber, evaluated.record);
    if (cohort === null) {
      r.cohort.notOnOpioids += 1;
      return null;
    }
    const row = buildRow(summary, { patient, prescriber, cohort, appointments: upcomingAppointments(resources, asOf) });
    if (cohort === 'opioid') {
      r.cohort.opioid += 1;
      tallyAdd(this.tally, measureFlags(summary), prescriber);
      this.opts.onRow?.(row);
    } else if (cohort === 'excluded') {
      r.cohort.excluded += 1;
      const reason = exclusionReason(summary);
      r.excludedByReason[reason] = (r.excludedByReason[reason] ?? 0) + 1;
      this.opts.onListed?.('excluded', { patientId, name: row.name, reason });
    } else {
      r.cohort.moudOnly += 1;
      this.opts.onListed?.('moud-only', { patientId, name: row.name, reason: 'MOUD without an opioid analgesic order' });
    }
    return row;
  }

  /**
   * The patient's month-end summaries into the run chart (only patients with any medication order). Each month is
   * the record of the resources dated on or before it: derived from `record` (the patient's normalised record)
   * when record-as-of.ts can do so exactly, else normalised from the filtered resources.
   */
  addRunChart(resources: readonly Resource[], loadStatus: LoadStatus, prescriber: Prescriber, record?: ClinicalRecord): void {
    const first = firstOrderDate(resources);
    if (first === undefined) return;
    const { engine, summarize } = this.opts;
    let at: RecordAt | null = null;
    try {
      at = engine && record ? recordTimeline(resources, record) : null;
    } catch {
      at = null; // the per-month path below reports whatever is wrong with the record
    }
    for (const d of this.chart.dates) {
      // Before the patient's first order was written nobody can have a current order: nothing to count.
      if (first !== null && first > d) continue;
      try {
        const s = at && engine ? engine.summarize(at(d), loadStatus, d, MONTH_PARTS) : summarize(resourcesAsOf(resources, d), loadStatus, d, MONTH_PARTS);
        this.chart.add(s, prescriber);
      } catch (e) {
        const id = resources.find((x) => x.resourceType === 'Patient')?.id ?? 'unknown';
        this.report.errors.push({ patientId: id, name: `Patient ${id}`, reason: `run chart as of ${d}: ${(e as Error)?.message ?? e}` });
        return;
      }
    }
  }

  result(): RegistryReport {
    return { ...this.report, measures: tallyReport(this.tally), runChart: this.chart.points() };
  }
}
