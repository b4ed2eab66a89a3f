/**
 * QA builders (not a test file): adversarial cases for the summarize contract. Each case is a plain resource
 * list run through the same function the CLI prints (buildSummaryJson) or through summarizePatient.
 */
import type { Dosage, MedicationRequest, Resource } from 'fhir/r4';
import { buildSummaryJson } from '../../../src/cli/summary-json.ts';
import { DEFAULT_POLICY } from '../../../src/clinical/policy/index.ts';
import { summarizePatient } from '../../../src/clinical/summary.ts';
import type { LoadStatus, MmeEdition, MonitoringItem } from '../../../src/clinical/types.ts';
import { addDays } from '../../../src/clinical/dates.ts';
import { RX, patient } from '../risk/build.ts';

export const AS_OF = '2026-06-15';
export const ago = (days: number) => addDays(AS_OF, -days);

let seq = 0;
export interface RxOpts {
  status?: MedicationRequest['status'];
  authoredOn?: string;
  supplyDays?: number | null;
  quantity?: number;
  id?: string;
}

/** An RxNorm-coded order with the given dosage lines (or none). */
export function rx(rxcui: string, display: string, dosage: Dosage[] | undefined, o: RxOpts = {}): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id: o.id ?? `qa-mr-${++seq}`,
    status: o.status ?? 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    authoredOn: o.authoredOn ?? ago(10),
    medicationCodeableConcept: { coding: [{ system: RX, code: rxcui, display }], text: display },
    ...(dosage ? { dosageInstruction: dosage } : {}),
    dispenseRequest: {
      ...(o.quantity !== undefined ? { quantity: { value: o.quantity } } : {}),
      ...(o.supplyDays !== null ? { expectedSupplyDuration: { value: o.supplyDays ?? 30, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' } } : {}),
    },
  };
}

/** dose (count or mg) every `hours` hours; frequencyMax/asNeeded optional. */
export function sig(dose: number, hours: number, extra: { unit?: string; max?: number; prn?: boolean; high?: number } = {}): Dosage {
  const q = extra.unit === 'mg' || extra.unit === 'mL' ? { value: dose, unit: extra.unit, system: 'http://unitsofmeasure.org', code: extra.unit } : { value: dose, unit: 'tablet', code: 'TAB', system: 'http://terminology.hl7.org/CodeSystem/v3-orderableDrugForm' };
  return {
    timing: { repeat: { frequency: 1, ...(extra.max ? { frequencyMax: extra.max } : {}), period: hours, periodUnit: 'h' } },
    ...(extra.prn ? { asNeededBoolean: true } : {}),
    doseAndRate: [extra.high !== undefined ? { doseRange: { low: { value: dose, unit: 'tablet' }, high: { value: extra.high, unit: 'tablet' } } } : { doseQuantity: q }],
  };
}

/** Morphine given in mg: `mg` per day (1 mass dose a day) = mg MME/day (factor 1). */
export const morphineMgPerDay = (mg: number, o: RxOpts = {}) => rx('892582', 'morphine sulfate 15 MG Oral Tablet', [sig(mg, 24, { unit: 'mg' })], o);
export const oxy5 = (tabsPerDay: number, o: RxOpts = {}) => rx('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet', [sig(1, 24 / tabsPerDay)], o);

export const json = (resources: Resource[], edition: MmeEdition = 'cdc-2022', asOf = AS_OF) =>
  buildSummaryJson([patient(), ...resources], { asOf, patientId: 'p1', edition });
export const panel = (resources: Resource[], loadStatus: LoadStatus = {}, birthDate?: string, asOf = AS_OF) =>
  summarizePatient([patient(birthDate), ...resources], loadStatus, DEFAULT_POLICY, asOf);
export const item = (s: { monitoring: MonitoringItem[] }, id: string): MonitoringItem => s.monitoring.find((m) => m.item === id)!;
