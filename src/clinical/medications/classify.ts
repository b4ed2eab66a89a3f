/**
 * Classifies a non-opioid MedicationRequest as benzodiazepine, CNS depressant, rescue naloxone or naltrexone
 * (listed as MOUD), by RxNorm code over all codings first, then by name (labelled). Opioids and buprenorphine/
 * methadone MOUD are the MME engine's job (src/clinical/mme); buprenorphine-naloxone and pentazocine-naloxone are
 * never rescue naloxone (pitfall 1).
 * CNS depressants follow CDC 2022 Rec 11: gabapentinoids, Z-drugs, muscle relaxants (carisoprodol named as such:
 * "muscle relaxant (carisoprodol)") and barbiturates, by the generated product lists, ingredient RxCUIs and names;
 * each carries a short `why` ("muscle relaxant: adds sedation and breathing risk with opioids (CDC 2022 Rec 11)").
 * cnsCombination() says when an opioid, a benzodiazepine and a muscle relaxant are all current.
 */
import { codeKey, normalizedCodings, RXNORM } from '../codes/systems.ts';
import {
  BARBITURATE_RXNORM, BENZODIAZEPINE_RXNORM, CARISOPRODOL_RXNORM, GABAPENTINOID_RXNORM, MUSCLE_RELAXANT_RXNORM,
  RESCUE_NALOXONE_RXNORM, Z_DRUG_RXNORM,
} from '../codes/medications.generated.ts';
import type { MedicationClass } from '../types.ts';
import type { MedicationNaming } from './concept.ts';
import {
  BENZODIAZEPINE_NAMES, CNS_DEPRESSANT_NAMES, CNS_DEPRESSANT_RXCUI, CNS_NAMED_MEMBERS, CNS_WHY, findName,
  NALOXONE_COMBINATION_NAMES, NALOXONE_NAMES, NALTREXONE_NAMES, NALTREXONE_NOT_MOUD, type CnsKind,
} from './ingredients.ts';

export interface Classification {
  class: MedicationClass;
  matchedBy: string;
  detail?: string;
  /** Why it matters with an opioid, in one line (CNS depressants and benzodiazepines; CDC 2022 Rec 11). */
  why?: string;
  /** The CNS depressant kind, when class is 'cns-depressant'. */
  cnsKind?: CnsKind;
}

const rx = (codes: readonly string[]) => new Set(codes.map((c) => codeKey(RXNORM, c)));
const BENZO = rx(BENZODIAZEPINE_RXNORM);
const RESCUE = rx(RESCUE_NALOXONE_RXNORM);
const CARISOPRODOL = rx(CARISOPRODOL_RXNORM);
const CNS_SETS: [CnsKind, Set<string>, string][] = [
  ['Z-drug', rx(Z_DRUG_RXNORM), 'Z-drug list (opioid-cds-r4 cns-depressant-medications, zolpidem/zaleplon/eszopiclone only)'],
  ['muscle relaxant', new Set([...rx(MUSCLE_RELAXANT_RXNORM), ...CARISOPRODOL]), 'muscle relaxant list (VSAC 1021.73 products + carisoprodol sets)'],
  ['gabapentinoid', rx(GABAPENTINOID_RXNORM), 'gabapentinoid list (VSAC 1021.73 products)'],
  ['barbiturate', rx(BARBITURATE_RXNORM), 'barbiturate list (opioid-cds-r4 barbiturate-medications)'],
];

/** "CNS depressant: muscle relaxant (carisoprodol)" — carisoprodol keeps its name inside its kind. */
function cns(kind: CnsKind, matchedBy: string, member?: string | null): Classification {
  const named = member ? CNS_NAMED_MEMBERS[member.toLowerCase()] : undefined;
  return { class: 'cns-depressant', matchedBy, detail: `CNS depressant: ${kind}${named ? ` (${named})` : ''}`, why: CNS_WHY[kind], cnsKind: kind };
}

const carisoprodolNamed = (n: MedicationNaming) => findName(n.texts, ['carisoprodol', 'soma']);

function rxnormCodes(n: MedicationNaming): string[] {
  return n.concepts.flatMap(normalizedCodings).filter((c) => c.system === RXNORM).map((c) => c.code);
}

/** "a / b" is RxNorm's multi-ingredient separator ("MG/ACTUAT" has no spaces, so it is not matched). */
const multiIngredient = (n: MedicationNaming) => n.texts.some((t) => / \/ /.test(t)) || (n.ingredientCount ?? 1) > 1;

function naloxone(n: MedicationNaming, codes: string[]): Classification | 'combination' | null {
  const combo = findName(n.texts, NALOXONE_COMBINATION_NAMES);
  const hit = codes.find((c) => RESCUE.has(codeKey(RXNORM, c)));
  if (hit && !combo) {
    return { class: 'naloxone', matchedBy: `RxNorm ${hit} in rescue naloxone list (VSAC 1032.42 2023 + opioid-cds-r4, naloxone-only)`, detail: 'rescue naloxone' };
  }
  const name = findName(n.texts, NALOXONE_NAMES);
  if (!name && !hit) return null;
  if (combo || multiIngredient(n)) return 'combination';
  return { class: 'naloxone', matchedBy: `name "${name}" (no other active ingredient)`, detail: 'rescue naloxone (matched by name)' };
}

// Memoized by what the classification reads (codes, texts, ingredient count): the registry classifies the same
// orders at 13 dates per patient (bench:registry). Bounded so a huge cohort cannot grow it without limit.
const CLASSIFIED = new Map<string, Classification | null>();
export function classifyNonOpioid(n: MedicationNaming): Classification | null {
  const key = JSON.stringify([rxnormCodes(n), n.texts, n.ingredientCount ?? null]);
  const hit = CLASSIFIED.get(key);
  if (hit !== undefined) return hit;
  if (CLASSIFIED.size > 20_000) CLASSIFIED.clear();
  const result = classifyUncached(n);
  CLASSIFIED.set(key, result);
  return result;
}

function classifyUncached(n: MedicationNaming): Classification | null {
  const codes = rxnormCodes(n);
  const nal = naloxone(n, codes);
  if (nal === 'combination') return null; // e.g. buprenorphine-naloxone: MOUD (MME engine), not a rescue kit
  if (nal) return nal;

  const benzoCode = codes.find((c) => BENZO.has(codeKey(RXNORM, c)));
  if (benzoCode) return { class: 'benzodiazepine', matchedBy: `RxNorm ${benzoCode} in benzodiazepine list (opioid-cds-r4 ∪ VSAC 1032.43)`, why: CNS_WHY.benzodiazepine };
  const benzoName = findName(n.texts, BENZODIAZEPINE_NAMES);
  if (benzoName) return { class: 'benzodiazepine', matchedBy: `name "${benzoName}" (code not in the benzodiazepine lists)`, why: CNS_WHY.benzodiazepine };

  for (const [kind, set, label] of CNS_SETS) {
    const c = codes.find((code) => set.has(codeKey(RXNORM, code)));
    if (c) return cns(kind, `RxNorm ${c} in ${label}`, CARISOPRODOL.has(codeKey(RXNORM, c)) ? 'carisoprodol' : carisoprodolNamed(n));
  }
  const ingredientCode = codes.find((c) => CNS_DEPRESSANT_RXCUI[c]);
  if (ingredientCode) {
    const kind = CNS_DEPRESSANT_RXCUI[ingredientCode];
    return cns(kind, `RxNorm ingredient ${ingredientCode} (${kind})`, ingredientCode === '2101' ? 'carisoprodol' : carisoprodolNamed(n));
  }
  for (const [kind, names] of Object.entries(CNS_DEPRESSANT_NAMES) as [CnsKind, readonly string[]][]) {
    const name = findName(n.texts, names);
    if (name) return cns(kind, `name "${name}"`, name);
  }

  const naltrexone = codes.includes('7243') ? 'RxNorm 7243' : findName(n.texts, NALTREXONE_NAMES);
  if (naltrexone && !findName(n.texts, NALTREXONE_NOT_MOUD)) {
    return { class: 'moud', matchedBy: naltrexone.startsWith('RxNorm') ? naltrexone : `name "${naltrexone}"`, detail: 'naltrexone (MOUD; not an opioid, no MME)' };
  }
  return null;
}

/** What cnsCombination reads: a medication entry (class, detail) that is current. */
export interface CurrentMedication {
  class: MedicationClass;
  display?: string;
  detail?: string;
  current?: boolean;
}

export interface CnsCombination {
  /** An opioid, a benzodiazepine and a muscle relaxant are all current. */
  all: boolean;
  opioids: string[];
  benzodiazepines: string[];
  muscleRelaxants: string[];
  /** The call-out when all three are current, else null. */
  text: string | null;
  source: string;
}

/**
 * Opioid + benzodiazepine + muscle relaxant all current (entries with `current: false` are ignored; an entry without
 * `current` counts as current). The three together add up sedation and breathing risk; carisoprodol combinations
 * are a known overdose pattern (CDC 2022 Rec 11; WA and COSRI single out carisoprodol).
 */
export function cnsCombination(classes: readonly CurrentMedication[]): CnsCombination {
  const current = classes.filter((c) => c && c.current !== false);
  const names = (pred: (c: CurrentMedication) => boolean) => current.filter(pred).map((c) => c.display ?? c.class);
  const opioids = names((c) => c.class === 'opioid');
  const benzodiazepines = names((c) => c.class === 'benzodiazepine');
  const muscleRelaxants = names((c) => c.class === 'cns-depressant' && /muscle relaxant/.test(c.detail ?? ''));
  const all = opioids.length > 0 && benzodiazepines.length > 0 && muscleRelaxants.length > 0;
  const text = all
    ? `Opioid, benzodiazepine and muscle relaxant all current (${[...opioids, ...benzodiazepines, ...muscleRelaxants].join('; ')}): sedation and breathing risk add up — review the combination with the patient (CDC 2022 Rec 11)`
    : null;
  return { all, opioids, benzodiazepines, muscleRelaxants, text, source: 'CDC 2022 Rec 11' };
}
