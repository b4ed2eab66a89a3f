/**
 * Lookup of opioid products by drug RxCUI in the embedded OMTK table (drug-table.generated.ts).
 * Products are built once per RxCUI and cached: the table is immutable.
 */
import { DRUG_TABLE, type DrugTableRow } from './drug-table.generated.ts';
import { classifyForm, isLongActing, wearHoursOf } from './dose-form.ts';
import type { OpioidIngredient, OpioidProduct, StrengthKind } from './product.ts';

const ROWS = new Map<string, DrugTableRow>(DRUG_TABLE.map((row) => [row[0], row]));
const PRODUCTS = new Map<string, OpioidProduct>();

/** RxNorm strength unit → strength kind and the factor to our units (MG/HR → mcg/hr is × 1000). */
function convertStrength(value: number, unit: string): { value: number; kind: StrengthKind } {
  switch (unit.toUpperCase()) {
    case 'MG/ML':
      return { value, kind: 'per-mL' };
    case 'MG/HR':
      return { value: Math.round(value * 1000 * 1e6) / 1e6, kind: 'per-hour' };
    default: // MG, MG/ACTUAT: one actuation is one dose unit (OMTKLogic)
      return { value, kind: 'per-unit' };
  }
}

function buildProduct(row: DrugTableRow): OpioidProduct {
  const [rxcui, name, , doseForm, rows, primary] = row;
  const ingredients: OpioidIngredient[] = rows.map(([ingRxcui, ingName, value, unit]) => ({
    name: ingName,
    rxcui: ingRxcui,
    ...convertStrength(value, unit),
  }));
  const formClass = classifyForm(doseForm);
  const names = ingredients.map((i) => i.name);
  return {
    rxcui,
    name,
    doseForm,
    formClass,
    ingredients,
    opioidNames: names,
    longActing: isLongActing(`${doseForm} ${name}`, formClass, names),
    hasNaloxone: /naloxone/i.test(name),
    source: primary ? 'omtk-2020-10-20' : 'omtk-2020-01-13',
    wearHours: formClass === 'transdermal' ? wearHoursOf(name) : undefined,
  };
}

/** The opioid product of a drug RxCUI, or undefined when the RxCUI is not in the table. */
export function productByRxcui(rxcui: string): OpioidProduct | undefined {
  let product = PRODUCTS.get(rxcui);
  if (product) return product;
  const row = ROWS.get(rxcui);
  if (!row) return undefined;
  product = buildProduct(row);
  PRODUCTS.set(rxcui, product);
  return product;
}

/** Number of drugs in the embedded table (for tests and the README). */
export const DRUG_TABLE_SIZE = ROWS.size;
