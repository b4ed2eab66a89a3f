/**
 * Duplicates and overlapping refills: current pain-opioid orders of the same product (same opioid
 * ingredients and strengths, same route class and release type — so a brand and its generic are the same
 * product) are counted once. The most recent order is kept (authoredOn; ties: the larger id, then the later
 * one in the input); the others are listed as excluded "duplicate/overlapping refill of <id> — counted once"
 * (clinical-rules §7 pitfall 5: neither drop them silently nor double-count). Duplicates are marked before any
 * arithmetic, so an order's dose never decides which refill is kept. A PRN order and a scheduled order of the
 * same product are different prescriptions taken together (e.g. ER-style scheduled dosing plus breakthrough
 * doses), so the PRN status is part of the key and both are counted.
 */
import type { MedicationRequest } from 'fhir/r4';
import type { OpioidProductClass } from '../drugs/classify.ts';
import type { OpioidProduct } from '../drugs/product.ts';
import type { MmeOrderResult } from '../types.ts';
import type { Currency } from './currency.ts';

export interface Candidate {
  mr: MedicationRequest;
  product: OpioidProduct;
  display: string;
  currency: Currency;
  productClass: OpioidProductClass;
  key: string;
  /** Literal date part of authoredOn (null when absent). */
  authored: string | null;
  /** Where the exposure is known from (an order unless said). */
  source?: 'order' | 'fill' | 'statement';
  /** Replaced by a current renewal (not counted). */
  superseded?: boolean;
  /** Notes on an order that replaced older ones ("renews the order of …"). */
  renews?: string[];
}

// Keys per product, [scheduled, PRN]: built once, so every order of a product shares the same key strings
// (a Map lookup then needs no new string to be built and hashed per order).
const KEYS = new WeakMap<OpioidProduct, [string, string]>();

/** The duplicate key of an order: its product (by content, not by code) and whether it is PRN. */
export function productKey(product: OpioidProduct, display: string, prn: boolean): string {
  if (product.ingredients.length === 0) return `name:${display.trim().toLowerCase()}${prn ? '|prn' : ''}`;
  let keys = KEYS.get(product);
  if (keys === undefined) {
    let key = '';
    for (const i of product.ingredients) key += `${i.name}:${i.kind}:${i.value}+`;
    key += `|${product.formClass}|${product.longActing ? 'LA' : 'SA'}`;
    keys = [key, `${key}|prn`];
    KEYS.set(product, keys);
  }
  return prn ? keys[1] : keys[0];
}

/** True when any dosage line is "as needed" (asNeededBoolean or asNeededCodeableConcept). */
export function isPrn(mr: MedicationRequest): boolean {
  const lines: unknown = mr.dosageInstruction;
  // Malformed input (not an array) is judged later by the arithmetic, which reports it as unknown.
  return Array.isArray(lines) && lines.some((d) => d?.asNeededBoolean === true || d?.asNeededCodeableConcept !== undefined);
}

function newer(a: Candidate, b: Candidate): boolean {
  const da = a.authored ?? '';
  const db = b.authored ?? '';
  if (da !== db) return da > db;
  return (a.mr.id ?? '') >= (b.mr.id ?? '');
}

/** For each candidate, the index of the order counted for its product (itself when it is not a duplicate). */
export function pickKept(candidates: readonly Candidate[]): number[] {
  const keep = new Map<string, number>();
  const countable = (c: Candidate) => c.currency.current && c.productClass === 'pain';
  candidates.forEach((c, i) => {
    if (!countable(c)) return;
    const current = keep.get(c.key);
    if (current === undefined || newer(c, candidates[current])) keep.set(c.key, i);
  });
  return candidates.map((c, i) => (countable(c) ? keep.get(c.key)! : i));
}

export function duplicateResult(c: Candidate, kept: Candidate): MmeOrderResult {
  const requester = c.mr.requester?.display ?? c.mr.requester?.reference;
  const flags = c.currency.current ? c.currency.flags.slice() : [];
  flags.push('duplicate');
  const result: MmeOrderResult = {
    medicationRequestId: c.mr.id ?? '(no id)',
    medication: c.display,
    status: 'excluded',
    mmePerDay: null,
    dailyAmount: null,
    amountUnit: null,
    factor: null,
    reason: `duplicate/overlapping refill of ${kept.mr.id ?? '(no id)'} — counted once`,
    derivation: 'not counted — duplicate',
    flags,
    ingredients: [],
    authoredOn: c.authored,
  };
  // Assigned rather than spread in (this runs for every duplicate); the key order stays that of the JSON output.
  if (requester) result.requester = requester;
  result.longActing = c.product.longActing;
  return result;
}
