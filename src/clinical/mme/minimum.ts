/**
 * The least an extended-release/long-acting order can amount to when its dose cannot be read: ER/LA opioids are
 * scheduled, taken at least once a day, and a patch is worn continuously — so one tablet (or one patch worn) a
 * day is a true lower bound. An ER/LA product whose single unit is ≥ 90 MME therefore reads "at least 90", never
 * "< 50" (oxycodone ER 60 mg: 60 mg × 1.5 = 90 MME/day at one tablet a day).
 *
 * @example
 *   minimumMme(oxycontin60, { edition: 'cdc-2022' }) // { mme: 90, derivation: 'at least 1 tablet a day: 60 mg × 1.5 = 90 MME/day …' }
 */
import type { OpioidProduct } from '../drugs/product.ts';
import { unitNoun } from '../drugs/product.ts';
import type { MmeEdition } from '../types.ts';
import { findFactor } from './conversion-factors.ts';
import { clean, fmt } from './format.ts';

export interface MinimumMme {
  mme: number;
  derivation: string;
}

export function minimumMme(product: OpioidProduct, options: { edition?: MmeEdition; useResearchFactors?: boolean }): MinimumMme | null {
  if (!product.longActing || product.ingredients.length === 0) return null;
  const edition = options.edition ?? 'cdc-2022';
  const patch = product.formClass === 'transdermal';
  let total = 0;
  const parts: string[] = [];
  for (const ing of product.ingredients) {
    if (ing.kind === 'per-mL') return null; // a liquid has no "one unit"
    const amount = ing.value; // mg in one unit, or mcg/hr of one patch
    const hit = findFactor(ing.name, product.formClass, `${product.doseForm} ${product.name}`, edition, options.useResearchFactors === true, patch ? null : amount);
    if (!hit || hit.inputUnit === 'mcg/day') return null;
    total += amount * hit.factor;
    parts.push(`${fmt(amount)} ${patch ? 'mcg/hr' : 'mg'} × ${fmt(hit.factor)}`);
  }
  if (!(total > 0)) return null;
  const unit = patch ? 'patch worn' : `${unitNoun(product)} a day`;
  return {
    mme: clean(total),
    derivation: `at least 1 ${unit}: ${parts.join(' + ')} = ${fmt(total)} MME/day (extended-release/long-acting: taken at least once a day)`,
  };
}
