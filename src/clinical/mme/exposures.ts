/**
 * The opioid exposures the MME counts, as candidates for the arithmetic: the patient's current orders, plus what
 * the orders do not show —
 * - a **pharmacy fill** whose supply covers asOf and that no current order of the same product explains (an outside
 *   prescriber's fill, or the fill of an order whose own dates have run out): a fill and its order are one exposure;
 * - a **reported medication** (MedicationStatement) active at asOf, when no current order or fill of the product is.
 * **Renewals**: an order replaced by a current one — named in its `priorPrescription`, or an older order of the same
 * opioid (and release type) under the same `groupIdentifier` — is not counted; both say which replaced which.
 */
import type { MedicationRequest, Quantity } from 'fhir/r4';
import { fillCovers, statementCovers } from '../record/fills.ts';
import type { DispenseFact, OrderFact, StatementFact } from '../record/types.ts';
import type { Currency } from './currency.ts';
import type { Candidate } from './dedupe.ts';

export interface Exposures {
  orders: readonly OrderFact[];
  dispenses?: readonly DispenseFact[];
  statements?: readonly StatementFact[];
}

const isCurrentPain = (c: Candidate) => c.currency.current && c.productClass === 'pain';
const ingredientsOf = (c: Candidate) => [...new Set(c.product.opioidNames.length ? c.product.opioidNames : c.product.ingredients.map((i) => i.name))].sort().join('+');

/** Marks orders replaced by a current renewal as not current, and notes the renewal on the order that replaced them. */
export function applyRenewals(candidates: Candidate[], facts: ReadonlyMap<Candidate, OrderFact>): void {
  for (const newer of candidates) {
    const nf = facts.get(newer);
    if (!nf || !isCurrentPain(newer)) continue;
    for (const older of candidates) {
      const of = facts.get(older);
      if (older === newer || !of || !older.currency.current) continue;
      const named = nf.priorRefs.includes(of.ref);
      const grouped = nf.groupId !== null && nf.groupId === of.groupId && (older.authored ?? '') < (newer.authored ?? '') &&
        ingredientsOf(older) === ingredientsOf(newer) && older.product.longActing === newer.product.longActing && older.key.endsWith('|prn') === newer.key.endsWith('|prn');
      if (!named && !grouped) continue;
      const how = named ? 'its renewal (priorPrescription)' : 'a later order in the same order group';
      older.currency = { current: false, reason: `replaced by ${how} of ${newer.authored ?? 'unknown date'}: ${newer.display} — counted once, as the newer order` };
      older.superseded = true;
      newer.renews = [...(newer.renews ?? []), `renews the order of ${older.authored ?? 'unknown date'} (${older.display}), which is not counted`];
    }
  }
}

/** An order-shaped view of a fill or a reported medication, for the same arithmetic (dose from its dosage, else supply). */
function asOrder(id: string | undefined, date: string | null, dosage: MedicationRequest['dosageInstruction'], supply?: { quantity?: Quantity; days: number | null }, requester?: MedicationRequest['requester']): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    subject: { reference: '' },
    ...(date ? { authoredOn: date } : {}),
    ...(dosage ? { dosageInstruction: dosage } : {}),
    ...(supply && supply.days !== null ? { dispenseRequest: { quantity: supply.quantity, expectedSupplyDuration: { value: supply.days, unit: 'days', code: 'd' } } } : {}),
    ...(requester ? { requester } : {}),
  } as MedicationRequest;
}

/** Current fills and reported medications that no current order (or fill) of the same product already counts. */
export function otherExposures(ex: Exposures, counted: readonly Candidate[], facts: ReadonlyMap<Candidate, OrderFact>, asOf: string): Candidate[] {
  const keys = new Set(counted.filter((c) => c.currency.current).map((c) => c.key));
  const currentOrders = new Set(counted.filter((c) => c.currency.current).map((c) => facts.get(c)?.ref));
  const out: Candidate[] = [];
  const fills = [...(ex.dispenses ?? [])].filter((d) => d.opioid && d.problems.length === 0 && fillCovers(d, asOf)).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  for (const d of fills) {
    const { product, productClass, key } = d.opioid!;
    if (keys.has(key) || d.orderRefs.some((r) => currentOrders.has(r))) continue; // the same exposure as a current order
    keys.add(key);
    const linked = d.orderRefs.length ? ' of an order whose own dates have run out' : '';
    const currency: Currency = { current: true, flags: ['pharmacy-fill'], note: `pharmacy fill${linked} on ${d.date}, ${d.daysSupply ?? '?'} days' supply (runs out ${d.supplyEnds})` };
    out.push({ mr: asOrder(d.resource.id, d.date, d.resource.dosageInstruction, { quantity: d.resource.quantity, days: d.daysSupply }, d.resource.performer?.[0]?.actor as never), product, display: d.display, currency, productClass, key, authored: d.date, source: 'fill' });
  }
  for (const s of ex.statements ?? []) {
    if (!s.opioid || s.problems.length > 0 || !statementCovers(s, asOf)) continue;
    const { product, productClass, key } = s.opioid;
    if (keys.has(key)) continue;
    keys.add(key);
    const currency: Currency = { current: true, flags: ['reported'], note: `reported medication (${s.status}${s.start ? ` since ${s.start}` : ''}) — verify the dose with the patient` };
    out.push({ mr: asOrder(s.resource.id, s.start ?? s.asserted, s.resource.dosage), product, display: s.display, currency, productClass, key, authored: s.start ?? s.asserted, source: 'statement' });
  }
  return out;
}
