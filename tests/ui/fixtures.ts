/**
 * Hand-built PanelSummary pieces for section tests. Deterministic: fixed asOf, no clock.
 * The "oxycodone + unknown" story: oxycodone 5 mg q6h = 30 MME/day counted, a free-text tramadol order
 * that could not be converted, buprenorphine/naloxone for OUD excluded.
 */
import type { MmeOrderResult, MmeResult, MonitoringItem, PanelSummary, PegEntry, RiskResult } from '../../src/clinical/types.ts';

export const AS_OF = '2026-11-22';

export const oxycodone: MmeOrderResult = {
  medicationRequestId: 'mr-oxy',
  medication: 'oxycodone 5 MG Oral Tablet',
  status: 'counted',
  mmePerDay: 30,
  dailyAmount: 20,
  amountUnit: 'mg/day',
  factor: 1.5,
  reason: 'Scheduled dose',
  derivation: '5 mg × 1 tab × 4/day = 20 mg/day × 1.5 = 30 MME/day',
  flags: [],
  ingredients: [
    { ingredient: 'oxycodone', strength: 5, strengthUnit: 'mg', dailyAmount: 20, amountUnit: 'mg/day', factor: 1.5, factorSource: 'CDC 2022 Table 1', mmePerDay: 30 },
  ],
  authoredOn: '2026-10-01',
};

export const tramadolUnknown: MmeOrderResult = {
  ...oxycodone,
  medicationRequestId: 'mr-tram',
  medication: 'tramadol 50 MG Oral Tablet',
  status: 'unknown',
  mmePerDay: null,
  dailyAmount: null,
  factor: null,
  reason: 'Free-text directions with no structured dose',
  derivation: '',
  ingredients: [],
};

export const bupeExcluded: MmeOrderResult = {
  ...oxycodone,
  medicationRequestId: 'mr-bupe',
  medication: 'buprenorphine 8 MG / naloxone 2 MG Sublingual Film',
  status: 'excluded',
  mmePerDay: null,
  reason: 'MOUD — not counted',
  derivation: '',
  flags: ['moud'],
  ingredients: [],
};

export const mmeComplete: MmeResult = { edition: 'cdc-2022', totalPerDay: 30, complete: true, atLeast: 30, orders: [oxycodone] };
export const mmeIncomplete: MmeResult = { edition: 'cdc-2022', totalPerDay: 30, complete: false, atLeast: 30, orders: [oxycodone, tramadolUnknown, bupeExcluded] };

export const riskModerate: RiskResult = {
  tier: 'moderate',
  reasons: [{
    id: 'M5-sleep-apnea', text: 'Sleep apnea on the problem list', source: 'CDC 2022 opioid prescribing guideline, Recommendation 8 (risk of harm; offer naloxone)',
    citations: [{ label: 'CDC 2022 opioid prescribing guideline, Recommendation 8 (risk of harm; offer naloxone)', url: 'https://www.cdc.gov/mmwr/volumes/71/rr/rr7103a1.htm' }],
  }],
};

export function item(partial: Partial<MonitoringItem> & Pick<MonitoringItem, 'item' | 'status'>): MonitoringItem {
  return { lastDate: null, dueDate: null, reason: 'Moderate tier: every 90 days (CDC Rec 9)', ...partial };
}

export const monitoring: MonitoringItem[] = [
  item({ item: 'peg', status: 'up-to-date', lastDate: '2026-10-20', lastValue: 'PEG 4.3', dueDate: '2027-01-18', reason: 'Every visit with an opioid prescription (6BB)' }),
  item({ item: 'udt', status: 'never-done', reason: 'Moderate tier: every 6 months (WA rule)' }),
  item({ item: 'pdmp', status: 'overdue', lastDate: '2026-06-01', dueDate: '2026-08-30' }),
  item({ item: 'agreement', status: 'due-soon', lastDate: '2025-12-10', lastValue: 'signed', dueDate: '2026-12-10', reason: 'Every 12 months (WA rule)' }),
  item({ item: 'phq9', status: 'unavailable', reason: 'questionnaire scores could not be read (server error 503)' }),
];

export function peg(date: string, mean: number, extra: Partial<PegEntry> = {}): PegEntry {
  return { date, mean, pain: 6, enjoyment: 6, activity: 6, changeFromBaselinePct: null, changeFromPreviousPct: null, improved30: false, ...extra };
}

export function summary(overrides: Partial<PanelSummary> = {}): PanelSummary {
  const base = peg('2026-05-01', 6);
  return {
    asOf: AS_OF,
    patientId: 'p1',
    mme: mmeIncomplete,
    risk: riskModerate,
    monitoring,
    peg: {
      entries: [base, peg('2026-10-20', 4, { pain: 5, enjoyment: 4, activity: 3, changeFromBaselinePct: -33.3, improved30: true })],
      baseline: base,
      baselineRule: 'first PEG of the current opioid course',
    },
    phq9: [],
    gad7: [],
    ort: [],
    medications: [],
    conditions: [],
    unexpectedUdt: [],
    alerts: [],
    notes: [],
    ...overrides,
  };
}
