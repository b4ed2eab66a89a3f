/**
 * Non-opioid ingredient names (and brand names) by class, used when an order's RxNorm code is not in the
 * generated product lists (value sets are point-in-time, README "Which one to use"). Matches are labelled
 * "by name" in MedicationEntry.matchedBy. Ingredient lists: CDC opioid-cds-r4 benzodiazepine set ingredients
 * (clinical-rules.md §4.3); CNS depressants per issue 4 (gabapentinoids, Z-drugs, carisoprodol, barbiturates) —
 * deliberately NOT the CDC cns-depressant set, which includes stimulants and anaesthetics (pitfall 8).
 */
export const BENZODIAZEPINE_NAMES = [
  'alprazolam', 'bromazepam', 'chlordiazepoxide', 'clobazam', 'clonazepam', 'clorazepate', 'diazepam', 'estazolam',
  'flunitrazepam', 'flurazepam', 'halazepam', 'lorazepam', 'lormetazepam', 'midazolam', 'nitrazepam', 'oxazepam',
  'prazepam', 'quazepam', 'remimazolam', 'temazepam', 'triazolam',
  'xanax', 'klonopin', 'ativan', 'valium', 'restoril', 'halcion', 'librium', 'tranxene', 'onfi', 'doral',
];

export type CnsKind = 'gabapentinoid' | 'Z-drug' | 'carisoprodol' | 'barbiturate';

export const CNS_DEPRESSANT_NAMES: Record<CnsKind, readonly string[]> = {
  gabapentinoid: ['gabapentin', 'pregabalin', 'neurontin', 'gralise', 'horizant', 'lyrica'],
  'Z-drug': ['zolpidem', 'zaleplon', 'eszopiclone', 'zopiclone', 'ambien', 'edluar', 'intermezzo', 'sonata', 'lunesta'],
  carisoprodol: ['carisoprodol', 'soma'],
  barbiturate: ['phenobarbital', 'butalbital', 'secobarbital', 'pentobarbital', 'amobarbital', 'butabarbital', 'methohexital', 'fioricet', 'fiorinal'],
};

/** Ingredient RxCUIs (IN) for the CNS depressants, for ingredient-coded orders. */
export const CNS_DEPRESSANT_RXCUI: Record<string, CnsKind> = {
  '25480': 'gabapentinoid', // gabapentin
  '187832': 'gabapentinoid', // pregabalin
  '39993': 'Z-drug', // zolpidem
  '74667': 'Z-drug', // zaleplon
  '461016': 'Z-drug', // eszopiclone
  '2101': 'carisoprodol', // verified, cpic drug.sql
};

export const NALOXONE_NAMES = ['naloxone', 'narcan', 'kloxxado', 'zimhi', 'evzio', 'rextovy'];
/** Other active ingredients that make a naloxone-containing product NOT a rescue kit (pitfall 1). */
export const NALOXONE_COMBINATION_NAMES = ['buprenorphine', 'pentazocine', 'suboxone', 'zubsolv', 'bunavail', 'talwin', 'oxycodone', 'targiniq', 'tilidine'];

export const NALTREXONE_NAMES = ['naltrexone', 'vivitrol', 'revia'];
/** Naltrexone combinations that are not treatment for OUD (naltrexone/bupropion for weight, samidorphan). */
export const NALTREXONE_NOT_MOUD = ['bupropion', 'contrave', 'samidorphan'];

const compiled = new WeakMap<readonly string[], { name: string; re: RegExp }[]>();

/** Word-boundary, case-insensitive match of any name in the text; returns the first name found. */
export function findName(texts: readonly string[], names: readonly string[]): string | null {
  let patterns = compiled.get(names);
  if (!patterns) compiled.set(names, (patterns = names.map((name) => ({ name, re: new RegExp(`\\b${name}\\b`, 'i') }))));
  for (const t of texts) for (const p of patterns) if (p.re.test(t)) return p.name;
  return null;
}
