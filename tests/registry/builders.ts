/**
 * Hand-built PanelSummary objects for the registry tests: each test states only what matters
 * (cohort, monitoring statuses, MME) and the rest is a neutral default.
 */
import type {
  IsoDate, MedicationClass, MedicationEntry, MonitoringItem, MonitoringItemId, MonitoringStatus, PanelSummary, RiskTier,
} from '../../src/clinical/types.ts';

export function med(cls: MedicationClass, id: string, current = true): MedicationEntry {
  return { medicationRequestId: id, class: cls, display: `${cls} ${id}`, status: current ? 'active' : 'stopped',
    authoredOn: '2024-01-01', current, matchedBy: 'test' };
}

export function item(id: MonitoringItemId, status: MonitoringStatus, lastDate: IsoDate | null = null,
  dueDate: IsoDate | null = null): MonitoringItem {
  return { item: id, status, lastDate, dueDate, reason: 'test' };
}

export interface SummaryInput {
  patientId?: string;
  asOf?: IsoDate;
  tier?: RiskTier;
  reason?: string;
  mme?: number | null;
  mmeComplete?: boolean;
  meds?: MedicationEntry[];
  items?: MonitoringItem[];
  pegDates?: IsoDate[];
}

/** A patient on one current opioid, tier moderate, MME 30, every monitoring item never done. */
export function summary(input: SummaryInput = {}): PanelSummary {
  const asOf = input.asOf ?? '2025-06-30';
  const items = new Map<MonitoringItemId, MonitoringItem>();
  for (const id of ['pdmp', 'udt', 'agreement', 'peg', 'phq9', 'ort', 'naloxone'] as const) items.set(id, item(id, 'never-done'));
  for (const it of input.items ?? []) items.set(it.item, it);
  const entries = (input.pegDates ?? []).map((date) => ({
    date, mean: 5, pain: 5, enjoyment: 5, activity: 5, changeFromBaselinePct: null, changeFromPreviousPct: null, improved30: false,
  }));
  return {
    asOf,
    patientId: input.patientId ?? 'p1',
    mme: { edition: 'cdc-2022', totalPerDay: input.mme === undefined ? 30 : input.mme, complete: input.mmeComplete ?? true, atLeast: (input.mme === undefined ? 30 : input.mme) ?? 0, orders: [] },
    risk: { tier: input.tier ?? 'moderate', reasons: input.reason ? [{ id: 'X', text: input.reason, source: 'test' }] : [] },
    monitoring: [...items.values()],
    peg: { entries, baseline: entries[0] ?? null, baselineRule: 'test' },
    phq9: [], gad7: [], ort: [],
    medications: input.meds ?? [med('opioid', 'mr1')],
    conditions: [], unexpectedUdt: [], alerts: [], notes: [],
  };
}
