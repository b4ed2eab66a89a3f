/**
 * MedicationRequest → OrderFact, once per order: the opioid product it names (the MME engine's product
 * resolution: RxNorm table, Medication strengths, parsed names), else its class among the co-prescriptions that
 * matter (benzodiazepine, CNS depressant, rescue naloxone, naltrexone), and the substances a urine drug test
 * would find. An order whose fields cannot be read keeps its problems: an opioid order with problems becomes
 * "could not compute" in the MME; any other order that cannot be classified is reported as unreadable.
 */
import type { MedicationRequest, Resource } from 'fhir/r4';
import { AMPHETAMINE_RXNORM } from '../codes/medications.generated.ts';
import { codeKey, normalizedCodings, RXNORM } from '../codes/systems.ts';
import { datePart } from '../dates.ts';
import { classifyOpioidProduct } from '../drugs/classify.ts';
import { findOpioidNames } from '../drugs/opioid-ingredients.ts';
import type { OpioidProduct } from '../drugs/product.ts';
import { classifyNonOpioid } from '../medications/classify.ts';
import { medicationNaming, type MedicationNaming } from '../medications/concept.ts';
import { findName } from '../medications/ingredients.ts';
import { isPrn, productKey } from '../mme/dedupe.ts';
import { resolveMedication, type MedicationIndex } from '../mme/resolve-medication.ts';
import type { OrderFact, UnreadableRecord } from './types.ts';
import { shapeProblems } from './shape.ts';

const AMPHETAMINES = new Set(AMPHETAMINE_RXNORM.map((c) => codeKey(RXNORM, c)));
const AMPHETAMINE_NAMES = ['amphetamine', 'dextroamphetamine', 'lisdexamfetamine', 'methamphetamine', 'adderall', 'vyvanse', 'dexedrine'];
const CANNABINOID_NAMES = ['dronabinol', 'nabilone', 'marinol', 'syndros', 'cesamet'];

export const refOf = (r: Pick<Resource, 'resourceType' | 'id'>) => (typeof r.id === 'string' && r.id ? `${r.resourceType}/${r.id}` : `${r.resourceType} (no id)`);

const safeDate = (v: unknown) => (typeof v === 'string' ? datePart(v) : null);

/** Opioid names in whatever text a broken order still carries (never dropped when it names an opioid). */
function namesInBrokenOrder(mr: MedicationRequest): string[] {
  let text = '';
  try {
    text = JSON.stringify([mr.medicationCodeableConcept, mr.medicationReference, mr.contained]);
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

/** Reads one order; returns the fact, or an unreadable record when nothing usable could be read from it. */
export function readOrder(mr: MedicationRequest, index: MedicationIndex): OrderFact | UnreadableRecord {
  const ref = refOf(mr);
  const problems = shapeProblems(mr);
  const authored = safeDate(mr.authoredOn);
  const validityStart = (mr.dispenseRequest as { validityPeriod?: { start?: unknown } } | undefined)?.validityPeriod?.start;
  const base = { ref, resource: mr, authored, orderDate: authored ?? safeDate(validityStart), problems };
  let product: OpioidProduct | undefined;
  let display = '(medication not named)';
  let naming: MedicationNaming | null = null;
  let cls: ReturnType<typeof classifyNonOpioid> = null;
  try {
    const resolved = resolveMedication(mr, index);
    product = resolved.product;
    display = resolved.display;
    naming = medicationNaming(mr, index);
    if (!product) cls = classifyNonOpioid(naming);
  } catch (e) {
    problems.push(`medication could not be read (${e instanceof Error ? e.constructor.name : 'error'})`);
  }
  if (!product && problems.length > 0) {
    const names = namesInBrokenOrder(mr);
    if (names.length > 0) product = namesOnlyProduct(names);
  }
  if (product) {
    const prn = problems.length === 0 && isPrn(mr);
    const opioid = { product, productClass: classifyOpioidProduct(product), key: productKey(product, display, prn) };
    return { ...base, display: display === '(medication not named)' ? product.name : display, opioid, nonOpioid: null, substances: substancesOf(product, naming, null) };
  }
  // A non-opioid is judged by its name, status and dates only: a broken dosage does not matter for it.
  const blocking = problems.filter((p) => !p.startsWith('dosageInstruction'));
  if (blocking.length > 0 && (cls !== null || naming === null || blocking.some((p) => p.includes('medication')))) {
    return { ref, resourceType: 'MedicationRequest', reason: blocking.join('; '), mayBe: ['medication-order'], sources: ['medications'] };
  }
  return { ...base, display: naming?.display ?? display, opioid: null, nonOpioid: cls, substances: substancesOf(undefined, naming, cls) };
}

export const isUnreadable = (x: OrderFact | UnreadableRecord): x is UnreadableRecord => 'mayBe' in x;
