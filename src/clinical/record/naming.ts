/**
 * What a medication resource (an order, a fill, a reported medication) names, read once: the opioid product (the
 * MME engine's resolution: RxNorm table, Medication strengths, parsed names), else its class among the
 * co-prescriptions that matter (benzodiazepine, CNS depressant, rescue naloxone, naltrexone), and the substances a
 * urine drug test would find. A resource whose medication cannot be read keeps its problems; one that still names
 * an opioid in its text is kept as an opioid of unknown strength (never dropped, never 0).
 */
import type { MedicationRequest, Resource } from 'fhir/r4';
import { AMPHETAMINE_RXNORM } from '../codes/medications.generated.ts';
import { codeKey, normalizedCodings, RXNORM } from '../codes/systems.ts';
import { classifyOpioidProduct } from '../drugs/classify.ts';
import { findOpioidNames } from '../drugs/opioid-ingredients.ts';
import type { OpioidProduct } from '../drugs/product.ts';
import { classifyPainMedication } from '../care/index.ts';
import { classifyNonOpioid } from '../medications/classify.ts';
import { medicationNaming, type MedicationNaming } from '../medications/concept.ts';
import { findName } from '../medications/ingredients.ts';
import { isPrn, productKey } from '../mme/dedupe.ts';
import { resolveMedication, type MedicationIndex } from '../mme/resolve-medication.ts';
import type { MedicationNamingFacts } from './types.ts';

const AMPHETAMINES = new Set(AMPHETAMINE_RXNORM.map((c) => codeKey(RXNORM, c)));
const AMPHETAMINE_NAMES = ['amphetamine', 'dextroamphetamine', 'lisdexamfetamine', 'methamphetamine', 'adderall', 'vyvanse', 'dexedrine'];
const CANNABINOID_NAMES = ['dronabinol', 'nabilone', 'marinol', 'syndros', 'cesamet'];

export const refOf = (r: Pick<Resource, 'resourceType' | 'id'>) => (typeof r.id === 'string' && r.id ? `${r.resourceType}/${r.id}` : `${r.resourceType} (no id)`);

/** The order-shaped view every medication resource shares (medication[x], contained, dosage for PRN). */
type MedicationBearing = Pick<MedicationRequest, 'medicationCodeableConcept' | 'medicationReference' | 'contained' | 'dosageInstruction'> & Resource;

function namesInBroken(r: MedicationBearing): string[] {
  let text = '';
  try {
    text = JSON.stringify([r.medicationCodeableConcept, r.medicationReference, r.contained]);
  } catch {
    text = '';
  }
  return [...new Set(findOpioidNames(text).map((n) => n.name))];
}

function namesOnlyProduct(names: string[]): OpioidProduct {
  return { rxcui: null, name: names.join(', '), doseForm: '', formClass: 'other', ingredients: [], opioidNames: names, longActing: false, hasNaloxone: false, source: 'parsed-name' };
}

function substancesOf(product: OpioidProduct | undefined, naming: MedicationNaming | null, cls: ReturnType<typeof classifyNonOpioid>): Set<string> {
  const out = new Set<string>();
  for (const i of product?.ingredients ?? []) out.add(i.name);
  for (const n of product?.opioidNames ?? []) out.add(n);
  if (!naming) return out;
  for (const t of naming.texts) for (const f of findOpioidNames(t)) out.add(f.name);
  if (cls?.class === 'benzodiazepine') out.add('benzodiazepine');
  if (cls?.detail?.includes('barbiturate')) out.add('barbiturate');
  const codes = naming.concepts.flatMap(normalizedCodings);
  if (codes.some((c) => AMPHETAMINES.has(`${c.system}|${c.code}`)) || findName(naming.texts, AMPHETAMINE_NAMES)) out.add('amphetamine');
  if (findName(naming.texts, CANNABINOID_NAMES)) out.add('cannabinoid');
  return out;
}

/**
 * Reads what the resource names. `problems` are its shape problems (the array is extended when the medication
 * itself cannot be read). Returns null when nothing of interest can be read and the problems may hide a medication
 * of interest (the caller reports it as unreadable).
 */
export function readNaming(r: MedicationBearing, index: MedicationIndex, problems: string[]): { facts: MedicationNamingFacts; naming: MedicationNaming | null } | null {
  let product: OpioidProduct | undefined;
  let display = '(medication not named)';
  let naming: MedicationNaming | null = null;
  let cls: ReturnType<typeof classifyNonOpioid> = null;
  try {
    const resolved = resolveMedication(r as MedicationRequest, index);
    product = resolved.product;
    display = resolved.display;
    naming = medicationNaming(r as MedicationRequest, index);
    if (!product) cls = classifyNonOpioid(naming);
  } catch (e) {
    problems.push(`medication could not be read (${e instanceof Error ? e.constructor.name : 'error'})`);
  }
  if (!product && problems.length > 0) {
    const names = namesInBroken(r);
    if (names.length > 0) product = namesOnlyProduct(names);
  }
  if (product) {
    const prn = problems.length === 0 && isPrn(r as MedicationRequest);
    const opioid = { product, productClass: classifyOpioidProduct(product), key: productKey(product, display, prn) };
    return { facts: { display: display === '(medication not named)' ? product.name : display, opioid, nonOpioid: null, substances: substancesOf(product, naming, null), painCare: null, problems }, naming };
  }
  // A non-opioid is judged by its name, status and dates only: a broken dosage does not matter for it.
  const blocking = problems.filter((p) => !p.startsWith('dosage'));
  if (blocking.length > 0 && (cls !== null || naming === null || blocking.some((p) => p.includes('medication')))) return null;
  return { facts: { display: naming?.display ?? display, opioid: null, nonOpioid: cls, substances: substancesOf(undefined, naming, cls), painCare: naming ? classifyPainMedication(naming) : null, problems }, naming };
}
