/**
 * Dispense fallback for orders without usable dosage ("estimated from dispense", the CDC data-file method and
 * COSRI's fallback): units/day = dispenseRequest.quantity ÷ expectedSupplyDuration (days). For transdermal
 * patches, patches worn at once = quantity × wear days (72 h → 3; buprenorphine 168 h → 7) ÷ supply days.
 * Liquids need the quantity in mL; a quantity that does not match the product's strength unit is not guessed.
 */
import type { MedicationRequest } from 'fhir/r4';
import type { OpioidProduct } from '../drugs/product.ts';
import { unitNoun } from '../drugs/product.ts';
import { supplyDays } from './currency.ts';
import type { DailyAmount, IngredientAmount } from './daily-amount.ts';
import { count, fmt } from './format.ts';
import { readAmount } from './quantity.ts';

export function fromDispense(mr: MedicationRequest, product: OpioidProduct): DailyAmount {
  const q = readAmount(mr.dispenseRequest?.quantity);
  const days = supplyDays(mr);
  if (!q || days === null || q.kind === 'unsupported') return { ok: false, reason: 'no dispense quantity with a supply duration' };
  const noun = unitNoun(product);
  const amounts: IngredientAmount[] = [];
  for (const ing of product.ingredients) {
    if (product.formClass === 'transdermal') {
      if (q.kind !== 'count') return { ok: false, reason: `dispense quantity in ${q.label} is not a number of patches` };
      const wearDays = (product.wearHours ?? (ing.name === 'buprenorphine' ? 168 : 72)) / 24;
      const worn = (q.value * wearDays) / days;
      amounts.push({ ingredient: ing, amount: worn * ing.value, unit: 'mcg/hr', expr: `${fmt(ing.value)} mcg/hr × (${count(q.value, 'patch')} × ${fmt(wearDays)} days ÷ ${fmt(days)} days = ${fmt(worn)} worn at once)` });
      continue;
    }
    const perDayUnits = (v: number) => `${count(v, noun)} ÷ ${fmt(days)} days = ${fmt(v / days)}/day`;
    if (q.kind === 'count' && ing.kind === 'per-unit') {
      amounts.push({ ingredient: ing, amount: (q.value / days) * ing.value, unit: 'mg/day', expr: `${fmt(ing.value)} mg × (${perDayUnits(q.value)})` });
    } else if (q.kind === 'volume' && ing.kind === 'per-mL') {
      amounts.push({ ingredient: ing, amount: (q.mL / days) * ing.value, unit: 'mg/day', expr: `${fmt(ing.value)} mg/mL × (${fmt(q.mL)} mL ÷ ${fmt(days)} days = ${fmt(q.mL / days)} mL/day)` });
    } else if (q.kind === 'mass' && product.ingredients.length === 1) {
      amounts.push({ ingredient: ing, amount: q.mg / days, unit: 'mg/day', expr: `${fmt(q.mg)} mg ÷ ${fmt(days)} days` });
    } else {
      return { ok: false, reason: `dispense quantity${q.label ? ` in ${q.label}` : ''} does not match the product's strength unit` };
    }
  }
  return { ok: true, amounts, flags: ['estimated-from-dispense'], notes: ['estimated from dispense'] };
}
