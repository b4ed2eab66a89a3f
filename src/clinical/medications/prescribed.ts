/**
 * Which substances were prescribed around a date (for the UDT "unexpected result" check, CDC CDS
 * possible-unexpected-results: orders in the 30 days before the test). Opioid ingredients come from the MME
 * engine's product resolution (codes, Medication ingredients, names); other classes from classify.ts and names.
 */
import type { MedicationRequest, Resource } from 'fhir/r4';
import { codeKey, normalizedCodings, RXNORM } from '../codes/systems.ts';
import { ofType } from '../codes/resources.ts';
import { AMPHETAMINE_RXNORM } from '../codes/medications.generated.ts';
import { addDays, datePart } from '../dates.ts';
import { findOpioidNames } from '../drugs/opioid-ingredients.ts';
import { assessCurrency } from '../mme/currency.ts';
import { indexMedications, resolveMedication } from '../mme/resolve-medication.ts';
import type { IsoDate } from '../types.ts';
import { classifyNonOpioid } from './classify.ts';
import { medicationNaming } from './concept.ts';
import { findName } from './ingredients.ts';

/** Substance labels: opioid ingredient names, or 'benzodiazepine' | 'barbiturate' | 'amphetamine' | 'cannabinoid'. */
export interface PrescribedOrder {
  substances: Set<string>;
  order: MedicationRequest;
}

const AMPHETAMINES = new Set(AMPHETAMINE_RXNORM.map((c) => codeKey(RXNORM, c)));
const AMPHETAMINE_NAMES = ['amphetamine', 'dextroamphetamine', 'lisdexamfetamine', 'methamphetamine', 'adderall', 'vyvanse', 'dexedrine'];
const CANNABINOID_NAMES = ['dronabinol', 'nabilone', 'marinol', 'syndros', 'cesamet'];

export function substancesOf(resources: readonly Resource[]): PrescribedOrder[] {
  const index = indexMedications(resources);
  const out: PrescribedOrder[] = [];
  for (const r of ofType<MedicationRequest>(resources, 'MedicationRequest')) {
    try {
      const naming = medicationNaming(r, index);
      const substances = new Set<string>();
      const product = resolveMedication(r, index).product;
      for (const i of product?.ingredients ?? []) substances.add(i.name);
      for (const n of product?.opioidNames ?? []) substances.add(n);
      for (const t of naming.texts) for (const f of findOpioidNames(t)) substances.add(f.name);
      const cls = classifyNonOpioid(naming);
      if (cls?.class === 'benzodiazepine') substances.add('benzodiazepine');
      if (cls?.detail?.includes('barbiturate')) substances.add('barbiturate');
      const codes = naming.concepts.flatMap(normalizedCodings);
      if (codes.some((c) => AMPHETAMINES.has(`${c.system}|${c.code}`)) || findName(naming.texts, AMPHETAMINE_NAMES)) substances.add('amphetamine');
      if (findName(naming.texts, CANNABINOID_NAMES)) substances.add('cannabinoid');
      if (substances.size) out.push({ substances, order: r });
    } catch {
      // malformed resource (a field of the wrong type): skipped, never fatal
    }
  }
  return out;
}

/** Orders current at the test date, or authored in the `lookbackDays` before it. */
export function prescribedAround(orders: readonly PrescribedOrder[], testDate: IsoDate, lookbackDays: number, currentLookbackDays: number): Set<string> {
  const from = addDays(testDate, -lookbackDays);
  const out = new Set<string>();
  for (const o of orders) {
    if (['entered-in-error', 'cancelled', 'draft'].includes(o.order.status)) continue;
    const authored = datePart(o.order.authoredOn);
    const recent = authored !== null && authored >= from && authored <= testDate;
    const current = assessCurrency(o.order, testDate, currentLookbackDays).current || assessCurrency(o.order, from, currentLookbackDays).current;
    if (recent || current) for (const s of o.substances) out.add(s);
  }
  return out;
}
