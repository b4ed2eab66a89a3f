/**
 * Clinical classification of an opioid product for MME purposes:
 * - 'moud'       buprenorphine for opioid use disorder: sublingual tablets/films (incl. oral strips),
 *                any buprenorphine-naloxone product, the implant, extended-release injections
 *                (Sublocade/Brixadi). CDC 2022: MME factors must not be applied to OUD treatment;
 *                pitfall 2 of clinical-rules §7. Listed as "MOUD — not counted".
 * - 'injectable' parenteral products (injection, cartridge, prefilled syringe): outside the CDC outpatient
 *                MME method (the CDC data file excludes most injectables); listed as excluded.
 * - 'inpatient-only' alfentanil, remifentanil, sufentanil, oliceridine (supervised-setting products), and the fentanyl iontophoretic system (Ionsys: "80 ACTUAT fentanyl 0.04 MG/ACTUAT Transdermal
 *                System", patient-activated, hospital use only) — a transdermal product dosed per actuation, not
 *                per hour, so the patch arithmetic does not apply.
 * - 'non-systemic' topical products (e.g. the veterinary buprenorphine topical solution in the 2020-01 data).
 * - 'pain'       everything else: counted if a factor exists (buprenorphine for pain — transdermal,
 *                Belbuca buccal film — has none in CDC 2022 and becomes "unknown").
 */
import type { OpioidProduct } from './product.ts';

export type OpioidProductClass = 'pain' | 'moud' | 'injectable' | 'inpatient-only' | 'non-systemic';

/** Opioids used only in medically supervised settings: IV anaesthetics, oliceridine (IV), sufentanil (IV; SL
 * tablet under a REMS for certified supervised settings). Synthea records remifentanil orders from surgery. */
const HOSPITAL_ONLY = new Set(['alfentanil', 'remifentanil', 'sufentanil', 'oliceridine']);

const ER_INJECTION = /extended release|sublocade|brixadi|prefilled syringe/i;

/** True for buprenorphine products used to treat opioid use disorder. */
export function isMoudProduct(product: OpioidProduct): boolean {
  if (!product.opioidNames.includes('buprenorphine')) return false;
  if (product.hasNaloxone) return true;
  switch (product.formClass) {
    case 'implant':
      return true;
    case 'transmucosal':
      // Belbuca (buccal film, mcg strengths, no naloxone) is for pain; sublingual products are for OUD.
      return !/buccal/i.test(product.doseForm + ' ' + product.name) || /sublingual/i.test(product.doseForm);
    case 'injectable': {
      const strength = product.ingredients.find((i) => i.name === 'buprenorphine');
      return ER_INJECTION.test(`${product.doseForm} ${product.name}`) || (strength !== undefined && strength.value >= 50);
    }
    default:
      return false;
  }
}

// Products are immutable and shared (the drug table and the name parser cache them), so the class is
// computed once per product rather than once per order.
const CLASSES = new WeakMap<OpioidProduct, OpioidProductClass>();

export function classifyOpioidProduct(product: OpioidProduct): OpioidProductClass {
  let productClass = CLASSES.get(product);
  if (productClass === undefined) {
    productClass = classify(product);
    CLASSES.set(product, productClass);
  }
  return productClass;
}

function classify(product: OpioidProduct): OpioidProductClass {
  if (isMoudProduct(product)) return 'moud';
  if (product.formClass === 'injectable') return 'injectable';
  if (product.formClass === 'transdermal' && product.ingredients.some((i) => i.kind !== 'per-hour')) return 'inpatient-only';
  if (product.opioidNames.length > 0 && product.opioidNames.every((n) => HOSPITAL_ONLY.has(n))) return 'inpatient-only';
  if (product.formClass === 'topical') return 'non-systemic';
  return 'pain';
}
