/**
 * The panel summary of one patient: MME, risk tier with reasons, monitoring schedule, PEG history, PHQ-9/GAD-7/
 * ORT scores, relevant medications and conditions, unexpected UDT results and data notes.
 * Pure: (resources, loadStatus, policy, asOf) → PanelSummary. The store, the UI, the registry and the CLI call this.
 */
import type { Resource } from 'fhir/r4';
import { nonOpioidCareAt } from './care/at.ts';
import { computeCourse } from './course/index.ts';
import { courseStart } from './course/start.ts';
import { recentRescueNaloxone, type ClassifiedOrder } from './medications/index.ts';
import { mmeFromExposures } from './mme/index.ts';
import { deriveContext, monitoringItems } from './monitoring/index.ts';
import { pegHistory } from './observations/peg.ts';
import { mmeOptionsOf } from './policy/mme-options.ts';
import type { Policy } from './policy/types.ts';
import { describeUnreadable } from './record/describe.ts';
import { withUnreadable } from './record/load-status.ts';
import { normalizeRecord } from './record/normalize.ts';
import type { ClinicalRecord } from './record/types.ts';
import { sourceGap } from './risk/rules.ts';
import type { ConditionEntry, IsoDate, LoadStatus, MedicationEntry, MmeOptions, MmeResult, PanelSummary, PatientResources, SourceKey } from './types.ts';

export { computeRiskTier } from './risk/index.ts';
export { computeMonitoring } from './monitoring/index.ts';

/** Start of the current opioid course when it is known (see course/start.ts). */
export function opioidCourseStart(mme: MmeResult, asOf: IsoDate, since?: IsoDate | null): IsoDate | null {
  const c = courseStart(mme, asOf, since);
  return c?.known ? c.date : null;
}

function medicationEntries(record: ClinicalRecord, mme: MmeResult, orders: ClassifiedOrder[], policy: Policy, asOf: IsoDate): MedicationEntry[] {
  const statusById = new Map(record.orders.map((o) => [o.resource.id ?? '', o.resource.status]));
  const opioid: MedicationEntry[] = mme.orders
    .filter((o) => !o.flags.includes('not-current'))
    .map((o) => ({
      medicationRequestId: o.medicationRequestId,
      class: o.flags.includes('moud') ? 'moud' : 'opioid',
      display: o.medication,
      status: statusById.get(o.medicationRequestId) ?? 'unknown',
      authoredOn: o.authoredOn,
      current: true,
      matchedBy: 'MME engine (opioid product)',
      detail: o.status === 'counted' ? `${o.mmePerDay} MME/day` : o.reason,
    }));
  const naloxone = new Set(recentRescueNaloxone(orders, policy, asOf).map((o) => o.medicationRequestId));
  const others = orders
    .filter((o) => o.current || naloxone.has(o.medicationRequestId))
    .map(({ resource: _resource, ...entry }) => entry);
  return [...opioid, ...others];
}

function sourceNotes(loadStatus: LoadStatus): string[] {
  const keys: SourceKey[] = ['patient', 'medications', 'conditions', 'surveys', 'pdmp', 'agreement', 'udt', 'procedures', 'documents', 'dispenses', 'statements', 'questionnaires', 'referrals'];
  return keys.flatMap((k) => {
    const gap = sourceGap({ loadStatus }, k);
    return gap ? [`${k}: ${gap}`] : [];
  });
}

/** MME options beyond the policy's (the command line's --edition / --research-factors). */
export type SummaryMmeOptions = Pick<MmeOptions, 'edition' | 'useResearchFactors' | 'activeLookbackDays'>;

/**
 * Parts a caller may skip: `course` (dose history and flags) and `findings` (the unexpected-UDT interpretation:
 * `unexpectedUdt` empty, no UDT alerts). The registry's run chart skips both: its measures read neither.
 */
export interface SummaryParts {
  course?: boolean;
  findings?: boolean;
}

export function summarizePatient(resources: PatientResources, loadStatus: LoadStatus, policy: Policy, asOf: IsoDate, mmeOptions: SummaryMmeOptions = {}, what: SummaryParts = {}): PanelSummary {
  return summarizeRecord(normalizeRecord(resources as readonly Resource[], policy), loadStatus, policy, asOf, mmeOptions, what);
}

/** The panel summary of a normalised record as of a date: the one evaluation the panel, registry and CLI share. */
export function summarizeRecord(record: ClinicalRecord, fetched: LoadStatus, policy: Policy, asOf: IsoDate, mmeOptions: SummaryMmeOptions = {}, what: SummaryParts = {}): PanelSummary {
  const loadStatus = withUnreadable(fetched, record.unreadable);
  const mme = mmeFromExposures(record, { asOf, ...mmeOptionsOf(policy), ...mmeOptions });
  const { context, facts } = deriveContext(record, loadStatus, policy, asOf, mme, undefined, what.findings !== false);
  const risk = context.risk; // deriveContext evaluated it from the same facts
  const monitoring = monitoringItems(context, facts);
  const conditions: ConditionEntry[] = facts.conditions.map((c) => ({
    conditionId: c.conditionId, display: c.display, code: c.code, category: c.category,
    clinicalStatus: c.clinicalStatus, onsetOrRecorded: c.onsetOrRecorded, inRemission: c.inRemission,
  }));
  const alerts = monitoring.flatMap((m) => (m.item === 'phq9' ? (m.alerts ?? []) : []));
  const unknownUdt = context.udt.filter((t) => t.reading === 'unknown').map((t) => `UDT ${t.test} on ${t.date}: result "${t.shown}" could not be read as positive/negative`);
  const notSigned = record.agreementNotSigned.filter((n) => n.date === null || n.date <= asOf).map((n) => n.text);
  return {
    asOf,
    patientId: record.patient?.id ?? null,
    mme,
    risk,
    monitoring,
    peg: pegHistory(context.peg, courseStart(mme, asOf, loadStatus.medications?.since), policy),
    phq9: context.phq9.map(({ item9: _item9, ...s }) => s),
    gad7: facts.gad7,
    ort: facts.ort,
    medications: medicationEntries(record, mme, facts.orders, policy, asOf),
    conditions,
    unexpectedUdt: context.unexpectedUdt,
    alerts,
    notes: [...sourceNotes(loadStatus), ...describeUnreadable(record.unreadable), ...notSigned, ...unknownUdt],
    nonOpioidCare: nonOpioidCareAt(record, policy, asOf),
    ...(what.course === false ? {} : { course: computeCourse({ record, mme, policy, asOf, since: loadStatus.medications?.since, mmeOptions }) }),
  };
}
