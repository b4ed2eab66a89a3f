/**
 * Which substances were prescribed around a date (for the UDT "unexpected result" check, CDC CDS
 * possible-unexpected-results: orders in the 30 days before the test). Opioid ingredients come from the MME
 * engine's product resolution (codes, Medication ingredients, names); other classes from classify.ts and names.
 */
import type { MedicationRequest, Resource } from 'fhir/r4';
import { addDays, datePart } from '../dates.ts';
import { assessCurrency } from '../mme/currency.ts';
import { readOrders } from '../record/read-orders.ts';
import { fillCovers, statementCovers } from '../record/fills.ts';
import type { DispenseFact, OrderFact, StatementFact } from '../record/types.ts';
import type { IsoDate } from '../types.ts';

/**
 * Substance labels: opioid ingredient names, or 'benzodiazepine' | 'barbiturate' | 'amphetamine' | 'cannabinoid'.
 * An order is judged by its own dates; a pharmacy fill or a reported medication by its date and what it covers.
 */
export type PrescribedOrder =
  | { substances: ReadonlySet<string>; order: MedicationRequest }
  | { substances: ReadonlySet<string>; order?: undefined; date: IsoDate | null; covers: (date: IsoDate) => boolean };

export function substancesOf(resources: readonly Resource[]): PrescribedOrder[] {
  return prescribedOrders(readOrders(resources).orders);
}

/** The record's orders that name a substance a urine drug test can find. */
export function prescribedOrders(orders: readonly OrderFact[]): PrescribedOrder[] {
  return orders.filter((f) => f.substances.size > 0).map((f) => ({ substances: f.substances, order: f.resource }));
}

/** Orders, pharmacy fills and reported medications: every exposure that makes a urine drug test result expected. */
export function prescribedExposures(ex: { orders: readonly OrderFact[]; dispenses: readonly DispenseFact[]; statements: readonly StatementFact[] }): PrescribedOrder[] {
  return [
    ...prescribedOrders(ex.orders),
    ...ex.dispenses.filter((d) => d.substances.size > 0).map((d) => ({ substances: d.substances, date: d.date, covers: (t: IsoDate) => fillCovers(d, t) })),
    ...ex.statements.filter((m) => m.substances.size > 0).map((m) => ({ substances: m.substances, date: m.start ?? m.asserted, covers: (t: IsoDate) => statementCovers(m, t) })),
  ];
}

/** Orders current at the test date, or authored in the `lookbackDays` before it. */
export function prescribedAround(orders: readonly PrescribedOrder[], testDate: IsoDate, lookbackDays: number, currentLookbackDays: number): Set<string> {
  const from = addDays(testDate, -lookbackDays);
  const out = new Set<string>();
  for (const o of orders) {
    if (!o.order) {
      const recent = o.date !== null && o.date >= from && o.date <= testDate;
      if (recent || o.covers(testDate) || o.covers(from)) for (const s of o.substances) out.add(s);
      continue;
    }
    if (['entered-in-error', 'cancelled', 'draft'].includes(o.order.status)) continue;
    let prescribed = true; // an order whose dates cannot be read is taken as prescribed: never a false "unexpected"
    try {
      const authored = datePart(o.order.authoredOn);
      const recent = authored !== null && authored >= from && authored <= testDate;
      prescribed = recent || assessCurrency(o.order, testDate, currentLookbackDays).current || assessCurrency(o.order, from, currentLookbackDays).current;
    } catch {
      prescribed = true;
    }
    if (prescribed) for (const s of o.substances) out.add(s);
  }
  return out;
}
