/**
 * Morphine milligram equivalents (MME/day) from a patient's FHIR MedicationRequests (+ Medication resources).
 * Pure: no clock, no I/O; `asOf` is a calendar date argument. Rules: README "MME rules" and the module comments
 * of currency.ts (which orders are current), daily-amount.ts (daily amount), conversion-factors.ts (factors),
 * dedupe.ts (duplicates) and ../drugs/classify.ts (MOUD, injectables).
 *
 * Steps: resolve each order's product (non-opioids are left out), decide whether it is current, classify the
 * product (MOUD / injectable / pain), mark duplicates among current pain orders, then compute the arithmetic
 * of the orders that remain. Total = sum of counted orders (not rounded); 0 with no counted orders; null only
 * when current opioid orders exist and none could be computed. `complete` is false whenever a current opioid
 * order is unknown.
 */
import type { Resource } from 'fhir/r4';
import { readOrders } from '../record/read-orders.ts';
import type { OrderFact } from '../record/types.ts';
import type { MmeOptions, MmeOrderResult, MmeResult } from '../types.ts';
import { currencyAssessor, type Currency } from './currency.ts';
import { applyRenewals, otherExposures, type Exposures } from './exposures.ts';
import { duplicateResult, pickKept, type Candidate } from './dedupe.ts';
import { clean } from './format.ts';
import { minimumMme } from './minimum.ts';
import { orderMme } from './order-mme.ts';
import type { OpioidProduct } from '../drugs/product.ts';

export const DEFAULT_ACTIVE_LOOKBACK_DAYS = 730;

const STATUS_ORDER = { counted: 0, unknown: 1, excluded: 2 } as const;

export function computeMme(resources: readonly Resource[], options: MmeOptions): MmeResult {
  return mmeFromOrders(readOrders(resources).orders, options);
}

/** The MME from normalised orders (the record's `orders`): non-opioid facts are ignored. */
export function mmeFromOrders(facts: readonly OrderFact[], options: MmeOptions): MmeResult {
  return mmeFromExposures({ orders: facts }, options);
}

/** The MME from the record's orders, pharmacy fills and reported medications (see exposures.ts). */
export function mmeFromExposures(ex: Exposures, options: MmeOptions): MmeResult {
  const facts = ex.orders;
  const edition = options.edition ?? 'cdc-2022';
  const lookback = options.activeLookbackDays ?? DEFAULT_ACTIVE_LOOKBACK_DAYS;
  const assess = currencyAssessor(options.asOf, lookback);
  const candidates: Candidate[] = [];
  const factOf = new Map<Candidate, OrderFact>();
  const malformed: MmeOrderResult[] = [];
  const products = new Map<MmeOrderResult, OpioidProduct>(); // for the lower bound of orders that stay unknown
  for (const f of facts) {
    if (!f.opioid) continue; // not an opioid: not part of the MME list
    const { product, productClass, key } = f.opioid;
    let currency: Currency | null = null;
    try {
      currency = assess(f.resource, f.authored);
    } catch {
      currency = null; // its status or dates cannot be read: it may be current
    }
    if (f.problems.length > 0 && (currency === null || currency.current)) {
      const m = malformedOrder(f, `could not read this opioid order (${f.problems.join('; ')}) — verify in the chart`);
      malformed.push(m);
      products.set(m, product);
      continue;
    }
    const c: Candidate = { mr: f.resource, product, display: f.display, currency: currency!, productClass, key, authored: f.authored };
    factOf.set(c, f);
    candidates.push(c);
  }
  applyRenewals(candidates, factOf);
  candidates.push(...otherExposures(ex, candidates, factOf, options.asOf));
  const kept = pickKept(candidates);
  // orderMme reads the edition from the options itself (same default), so `options` is passed as given.
  const compute = (i: number): MmeOrderResult => {
    const c = candidates[i];
    try {
      return annotate(orderMme(c.mr, c.display, c.product, c.currency, c.productClass, options, c.authored), c, factOf.get(c));
    } catch {
      return malformedOrder({ ref: c.mr.id ?? '', resource: c.mr, display: c.display, authored: c.authored }, 'could not read this opioid order (a field has an unexpected shape) — verify in the chart');
    }
  };
  // results[i]: the computed result of a kept order (a sparse array: duplicates get theirs below).
  const results: (MmeOrderResult | undefined)[] = new Array(candidates.length);
  let anyUnknown = false;
  for (let i = 0; i < kept.length; i++) {
    if (kept[i] !== i) continue;
    const result = compute(i);
    results[i] = result;
    if (result.status === 'unknown') anyUnknown = true;
  }
  if (anyUnknown) standInForUnconvertible(candidates, kept, results, compute);
  const orders: MmeOrderResult[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const result = results[i];
    if (result) {
      orders.push(result);
      if (result.status === 'unknown') products.set(result, candidates[i].product);
    } else orders.push(duplicateResult(candidates[i], candidates[kept[i]]));
  }
  for (const m of malformed) orders.push(m);
  let total = 0;
  let minimum = 0;
  let counted = 0;
  let unknown = 0;
  for (const o of orders) {
    if (o.status === 'counted') {
      total += o.mmePerDay ?? 0;
      counted++;
    } else if (o.status === 'unknown') {
      unknown++;
      const least = o.flags.includes('implausible') ? null : minimumMme(products.get(o)!, options);
      if (least) {
        o.minMmePerDay = least.mme;
        o.reason = `${o.reason}; ${least.derivation}`;
        minimum += least.mme;
      }
    }
  }
  return {
    edition,
    totalPerDay: counted === 0 && unknown > 0 ? null : clean(total),
    complete: unknown === 0,
    atLeast: clean(total + minimum),
    orders: sortOrders(orders),
  };
}

/** What the arithmetic alone does not say: the source of an exposure, a renewal, a dosage read from the sig text. */
function annotate(result: MmeOrderResult, c: Candidate, fact: OrderFact | undefined): MmeOrderResult {
  if (c.source && c.source !== 'order') result.source = c.source;
  if (c.superseded) result.flags.push('superseded');
  const notes: string[] = [...(c.renews ?? [])];
  if (fact?.sig && result.status === 'counted' && !result.flags.includes('estimated-from-dispense')) {
    result.flags.push('from-sig-text');
    notes.push(`dose read from the sig text "${fact.sig.text}" as: ${fact.sig.reading}`);
  }
  if (notes.length) result.reason = `${result.reason}; ${notes.join('; ')}`;
  return result;
}

/**
 * When the newest refill of a product cannot be converted (no usable dose, say) but an earlier current refill of
 * the same product can, the earlier one is counted and the newer one is listed as its duplicate with the reason —
 * the same product and PRN status make it the same prescription (pitfall 5), and "unknown" would throw away a
 * dose the record does state.
 */
function standInForUnconvertible(candidates: readonly Candidate[], kept: number[], results: (MmeOrderResult | undefined)[], compute: (i: number) => MmeOrderResult): void {
  // The earlier refills of each unconvertible keeper, gathered in one pass (ascending index, as listed).
  const refills = new Map<number, number[]>();
  for (let j = 0; j < kept.length; j++) {
    const keeper = kept[j];
    if (keeper === j || results[keeper]?.status !== 'unknown') continue;
    const group = refills.get(keeper);
    if (group) group.push(j);
    else refills.set(keeper, [j]);
  }
  for (const [keeper, others] of refills) {
    const result = results[keeper]!;
    others.sort((a, b) => (candidates[b].authored ?? '').localeCompare(candidates[a].authored ?? ''));
    for (const j of others) {
      const stand = compute(j);
      if (stand.status !== 'counted') continue;
      results[j] = stand;
      for (const k of others) kept[k] = j;
      kept[keeper] = j;
      const newer = duplicateResult(candidates[keeper], candidates[j]);
      newer.reason = `same product as ${candidates[j].mr.id ?? '(no id)'}; this newer order could not be converted (${result.reason}) — counted once, from ${candidates[j].mr.id ?? '(no id)'}`;
      results[keeper] = newer;
      break;
    }
  }
}

/** An opioid order that could not be read: never dropped, never 0 — "unknown" with the reason. */
function malformedOrder(f: Pick<OrderFact, 'resource' | 'display' | 'authored'> & { ref: string }, reason: string): MmeOrderResult {
  const mr = f.resource;
  return {
    medicationRequestId: typeof mr.id === 'string' ? mr.id : '(no id)',
    medication: f.display,
    status: 'unknown',
    mmePerDay: null,
    dailyAmount: null,
    amountUnit: null,
    factor: null,
    reason,
    derivation: 'not computed',
    flags: ['malformed'],
    ingredients: [],
    authoredOn: f.authored,
  };
}

/**
 * Counted, then unknown, then excluded; newest authoredOn first within a group (no date last); input order
 * otherwise (Array.prototype.sort is stable).
 */
function sortOrders(orders: MmeOrderResult[]): MmeOrderResult[] {
  return orders.sort((a, b) => {
    const byStatus = STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
    if (byStatus !== 0) return byStatus;
    const da = a.authoredOn ?? '';
    const db = b.authoredOn ?? '';
    return da === db ? 0 : da < db ? 1 : -1;
  });
}

export { classifyOpioidProduct, isMoudProduct } from '../drugs/classify.ts';
export type { OpioidProductClass } from '../drugs/classify.ts';
export { productByRxcui } from '../drugs/drug-table.ts';
export { parseDrugName } from '../drugs/parse-drug-name.ts';
export type { OpioidProduct } from '../drugs/product.ts';
export { resolveMedication, indexMedications } from './resolve-medication.ts';
export { FACTOR_TABLES, methadone2016Factor } from './conversion-factors.ts';
