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
import type { MedicationRequest, Resource } from 'fhir/r4';
import { classifyOpioidProduct } from '../drugs/classify.ts';
import { datePart } from '../dates.ts';
import { findOpioidNames } from '../drugs/opioid-ingredients.ts';
import type { MmeOptions, MmeOrderResult, MmeResult } from '../types.ts';
import { currencyAssessor } from './currency.ts';
import { duplicateResult, isPrn, pickKept, productKey, type Candidate } from './dedupe.ts';
import { clean } from './format.ts';
import { orderMme } from './order-mme.ts';
import { indexMedications, resolveMedication } from './resolve-medication.ts';

export const DEFAULT_ACTIVE_LOOKBACK_DAYS = 730;

const STATUS_ORDER = { counted: 0, unknown: 1, excluded: 2 } as const;

export function computeMme(resources: readonly Resource[], options: MmeOptions): MmeResult {
  const edition = options.edition ?? 'cdc-2022';
  const lookback = options.activeLookbackDays ?? DEFAULT_ACTIVE_LOOKBACK_DAYS;
  const index = indexMedications(resources);
  const assess = currencyAssessor(options.asOf, lookback);
  const candidates: Candidate[] = [];
  const malformed: MmeOrderResult[] = [];
  for (const r of resources) {
    if (r.resourceType !== 'MedicationRequest') continue;
    const mr = r as MedicationRequest;
    try {
      const { product, display } = resolveMedication(mr, index);
      if (!product) continue; // not an opioid: not part of the MME list
      const authored = datePart(mr.authoredOn);
      const currency = assess(mr, authored);
      const productClass = classifyOpioidProduct(product);
      candidates.push({ mr, product, display, currency, productClass, key: productKey(product, display, isPrn(mr)), authored });
    } catch (e) {
      const failed = malformedOrder(mr, e);
      if (failed) malformed.push(failed);
    }
  }
  const kept = pickKept(candidates);
  // orderMme reads the edition from the options itself (same default), so `options` is passed as given.
  const compute = (i: number): MmeOrderResult => {
    const c = candidates[i];
    try {
      return orderMme(c.mr, c.display, c.product, c.currency, c.productClass, options, c.authored);
    } catch (e) {
      return malformedOrder(c.mr, e, c.display)!;
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
  for (let i = 0; i < candidates.length; i++) orders.push(results[i] ?? duplicateResult(candidates[i], candidates[kept[i]]));
  for (const m of malformed) orders.push(m);
  let total = 0;
  let counted = 0;
  let unknown = 0;
  for (const o of orders) {
    if (o.status === 'counted') {
      total += o.mmePerDay ?? 0;
      counted++;
    } else if (o.status === 'unknown') unknown++;
  }
  return { edition, totalPerDay: counted === 0 && unknown > 0 ? null : clean(total), complete: unknown === 0, orders: sortOrders(orders) };
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

/**
 * An order whose data could not be read (e.g. a field of the wrong JSON type) is never dropped silently when it
 * names an opioid: it becomes "unknown" with the error. Orders that name no opioid are left out as usual.
 */
function malformedOrder(mr: MedicationRequest, error: unknown, knownOpioid?: string): MmeOrderResult | undefined {
  let text = '';
  try {
    if (!knownOpioid) text = JSON.stringify(mr.medicationCodeableConcept ?? mr.medicationReference ?? mr.contained ?? '');
  } catch {
    text = '';
  }
  const names = knownOpioid ? [] : findOpioidNames(text);
  if (!knownOpioid && names.length === 0) return undefined;
  return {
    medicationRequestId: typeof mr.id === 'string' ? mr.id : '(no id)',
    medication: knownOpioid ?? names.map((n) => n.name).join(', '),
    status: 'unknown',
    mmePerDay: null,
    dailyAmount: null,
    amountUnit: null,
    factor: null,
    reason: `could not read this opioid order (${error instanceof Error ? error.message : String(error)})`,
    derivation: 'not computed',
    flags: ['malformed'],
    ingredients: [],
    authoredOn: typeof mr.authoredOn === 'string' ? datePart(mr.authoredOn) : null,
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
