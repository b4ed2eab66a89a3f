/**
 * Classifies a non-opioid MedicationRequest as benzodiazepine, CNS depressant, rescue naloxone or naltrexone
 * (listed as MOUD), by RxNorm code over all codings first, then by name (labelled). Opioids and buprenorphine/
 * methadone MOUD are the MME engine's job (src/clinical/mme); buprenorphine-naloxone and pentazocine-naloxone are
 * never rescue naloxone (pitfall 1).
 */
import { codeKey, normalizedCodings, RXNORM } from '../codes/systems.ts';
import {
  BARBITURATE_RXNORM, BENZODIAZEPINE_RXNORM, CARISOPRODOL_RXNORM, RESCUE_NALOXONE_RXNORM, Z_DRUG_RXNORM,
} from '../codes/medications.generated.ts';
import type { MedicationClass } from '../types.ts';
import type { MedicationNaming } from './concept.ts';
import {
  BENZODIAZEPINE_NAMES, CNS_DEPRESSANT_NAMES, CNS_DEPRESSANT_RXCUI, findName, NALOXONE_COMBINATION_NAMES,
  NALOXONE_NAMES, NALTREXONE_NAMES, NALTREXONE_NOT_MOUD, type CnsKind,
} from './ingredients.ts';

export interface Classification {
  class: MedicationClass;
  matchedBy: string;
  detail?: string;
}

const rx = (codes: readonly string[]) => new Set(codes.map((c) => codeKey(RXNORM, c)));
const BENZO = rx(BENZODIAZEPINE_RXNORM);
const RESCUE = rx(RESCUE_NALOXONE_RXNORM);
const CNS_SETS: [CnsKind, Set<string>][] = [
  ['Z-drug', rx(Z_DRUG_RXNORM)],
  ['carisoprodol', rx(CARISOPRODOL_RXNORM)],
  ['barbiturate', rx(BARBITURATE_RXNORM)],
];

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
  if (benzoCode) return { class: 'benzodiazepine', matchedBy: `RxNorm ${benzoCode} in benzodiazepine list (opioid-cds-r4 ∪ VSAC 1032.43)` };
  const benzoName = findName(n.texts, BENZODIAZEPINE_NAMES);
  if (benzoName) return { class: 'benzodiazepine', matchedBy: `name "${benzoName}" (code not in the benzodiazepine lists)` };

  for (const [kind, set] of CNS_SETS) {
    const c = codes.find((code) => set.has(codeKey(RXNORM, code)));
    if (c) return { class: 'cns-depressant', matchedBy: `RxNorm ${c} in ${kind} list`, detail: `CNS depressant: ${kind}` };
  }
  const ingredientCode = codes.find((c) => CNS_DEPRESSANT_RXCUI[c]);
  if (ingredientCode) {
    const kind = CNS_DEPRESSANT_RXCUI[ingredientCode];
    return { class: 'cns-depressant', matchedBy: `RxNorm ingredient ${ingredientCode} (${kind})`, detail: `CNS depressant: ${kind}` };
  }
  for (const [kind, names] of Object.entries(CNS_DEPRESSANT_NAMES) as [CnsKind, readonly string[]][]) {
    const name = findName(n.texts, names);
    if (name) return { class: 'cns-depressant', matchedBy: `name "${name}"`, detail: `CNS depressant: ${kind}` };
  }

  const naltrexone = codes.includes('7243') ? 'RxNorm 7243' : findName(n.texts, NALTREXONE_NAMES);
  if (naltrexone && !findName(n.texts, NALTREXONE_NOT_MOUD)) {
    return { class: 'moud', matchedBy: naltrexone.startsWith('RxNorm') ? naltrexone : `name "${naltrexone}"`, detail: 'naltrexone (MOUD; not an opioid, no MME)' };
  }
  return null;
}
