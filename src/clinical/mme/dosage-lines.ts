/**
 * Reads the structured parts of each `dosageInstruction` line that the daily-amount arithmetic needs.
 * - Several typed `doseAndRate` entries (Epic: calculated / admin-amount / ordered): the 'ordered' one is used,
 *   else an untyped one, else the first (as cqframework opioid-cds-r4 MMECalculator).
 * - `doseRange` counts at its high end (flag 'dose-range-high').
 * - Lines whose timing.repeat.boundsPeriod does not cover asOf are skipped (sequential taper steps), unless
 *   that would skip every line. All remaining lines are taken as concurrent and summed.
 */
import type { Dosage, DosageDoseAndRate } from 'fhir/r4';
import { datePart } from '../dates.ts';
import type { IsoDate } from '../types.ts';
import { readAmount, type DoseAmount } from './quantity.ts';

export interface DoseLine {
  dosage: Dosage;
  dose: DoseAmount | undefined;
  doseIssue?: string;
  fromRange: boolean;
  prn: boolean;
}

function typeOf(d: DosageDoseAndRate): string | undefined {
  const t = d.type;
  if (!t) return undefined;
  return (t.coding?.map((c) => c.code).find(Boolean) ?? t.text ?? '').toLowerCase();
}

function pickDoseAndRate(list: readonly DosageDoseAndRate[] | undefined): DosageDoseAndRate | undefined {
  // The usual case, one untyped doseAndRate entry, is the pick without filtering (malformed input — not an
  // array, a type to read — takes the general path, which reports it as before).
  if (Array.isArray(list) && list.length === 1 && !list[0].type) return list[0].doseQuantity || list[0].doseRange ? list[0] : undefined;
  const withDose = (list ?? []).filter((d) => d.doseQuantity || d.doseRange);
  return withDose.find((d) => typeOf(d) === 'ordered') ?? withDose.find((d) => typeOf(d) === undefined) ?? withDose[0];
}

function readLine(dosage: Dosage): DoseLine {
  const prn = dosage.asNeededBoolean === true || dosage.asNeededCodeableConcept !== undefined;
  const chosen = pickDoseAndRate(dosage.doseAndRate);
  if (chosen?.doseQuantity) return { dosage, dose: readAmount(chosen.doseQuantity), fromRange: false, prn };
  if (chosen?.doseRange) {
    const high = chosen.doseRange.high;
    if (!high || typeof high.value !== 'number') return { dosage, dose: undefined, doseIssue: 'dose range without a high value', fromRange: true, prn };
    return { dosage, dose: readAmount({ ...chosen.doseRange.low, ...high }), fromRange: true, prn };
  }
  return { dosage, dose: undefined, fromRange: false, prn };
}

function inEffect(dosage: Dosage, asOf: IsoDate): boolean {
  const bounds = dosage.timing?.repeat?.boundsPeriod;
  if (!bounds) return true;
  const start = datePart(bounds?.start);
  const end = datePart(bounds?.end);
  return !(start && start > asOf) && !(end && end < asOf);
}

/** The dosage lines that apply at asOf (see module comment). */
export function readDoseLines(dosages: readonly Dosage[] | undefined, asOf: IsoDate): DoseLine[] {
  const all = dosages ?? [];
  const current = all.filter((d) => inEffect(d, asOf));
  return (current.length > 0 ? current : all).map(readLine);
}
