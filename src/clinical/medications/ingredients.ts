/**
 * Non-opioid ingredient names (and brand names) by class, used when an order's RxNorm code is not in the
 * generated product lists (value sets are point-in-time, README "Which one to use"). Matches are labelled
 * "by name" in MedicationEntry.matchedBy. Ingredient lists: CDC opioid-cds-r4 benzodiazepine set ingredients
 * (clinical-rules.md §4.3); CNS depressants per CDC 2022 Rec 11 (gabapentinoids, Z-drugs, muscle relaxants incl.
 * carisoprodol, barbiturates) — deliberately NOT the CDC cns-depressant set, which includes stimulants and
 * anaesthetics and no muscle relaxants or gabapentinoids (pitfall 8).
 * Brand names are matched only in what names the medication (medication concept texts and displays, a referenced
 * Medication), never in free-text notes, and word-bounded: "Soma 350 mg" is carisoprodol, "somatic" is not.
 */
export const BENZODIAZEPINE_NAMES = [
  'alprazolam', 'bromazepam', 'chlordiazepoxide', 'clobazam', 'clonazepam', 'clorazepate', 'diazepam', 'estazolam',
  'flunitrazepam', 'flurazepam', 'halazepam', 'lorazepam', 'lormetazepam', 'midazolam', 'nitrazepam', 'oxazepam',
  'prazepam', 'quazepam', 'remimazolam', 'temazepam', 'triazolam',
  'xanax', 'klonopin', 'ativan', 'valium', 'restoril', 'halcion', 'librium', 'tranxene', 'onfi', 'doral',
];

/**
 * CNS depressant kinds of CDC 2022 Recommendation 11 ("particular caution … with other central nervous system
 * depressants, e.g. muscle relaxants, non-benzodiazepine sedative hypnotics, potentially sedating anticonvulsant
 * medications such as gabapentin and pregabalin"), besides benzodiazepines (their own class). Carisoprodol is a
 * muscle relaxant; its detail keeps its name ("muscle relaxant (carisoprodol)") because WA and COSRI single it out.
 */
export type CnsKind = 'gabapentinoid' | 'Z-drug' | 'muscle relaxant' | 'barbiturate';

/** Ingredient and US brand names per kind (word-bounded, case-insensitive; see findName). */
export const CNS_DEPRESSANT_NAMES: Record<CnsKind, readonly string[]> = {
  gabapentinoid: ['gabapentin', 'gabapentin enacarbil', 'pregabalin', 'mirogabalin', 'neurontin', 'gralise', 'horizant', 'lyrica'],
  'Z-drug': ['zolpidem', 'zaleplon', 'eszopiclone', 'zopiclone', 'ambien', 'edluar', 'intermezzo', 'zolpimist', 'sonata', 'lunesta'],
  'muscle relaxant': [
    'carisoprodol', 'soma', 'cyclobenzaprine', 'flexeril', 'amrix', 'fexmid', 'methocarbamol', 'robaxin', 'tizanidine', 'zanaflex',
    'baclofen', 'lioresal', 'ozobax', 'fleqsuvy', 'lyvispah', 'gablofen', 'metaxalone', 'skelaxin', 'metaxall', 'orphenadrine',
    'norflex', 'norgesic', 'chlorzoxazone', 'lorzone', 'parafon forte', 'dantrolene', 'dantrium', 'ryanodex',
  ],
  barbiturate: ['phenobarbital', 'butalbital', 'secobarbital', 'pentobarbital', 'amobarbital', 'butabarbital', 'methohexital', 'primidone', 'fioricet', 'fiorinal', 'seconal', 'nembutal', 'butisol'],
};

/** Names that keep their own label inside a kind ("muscle relaxant (carisoprodol)"). */
export const CNS_NAMED_MEMBERS: Readonly<Record<string, string>> = { carisoprodol: 'carisoprodol', soma: 'carisoprodol' };

/** Why each kind matters with an opioid (shown beside the medication; CDC 2022 Rec 11). */
export const CNS_WHY: Record<CnsKind | 'benzodiazepine', string> = {
  benzodiazepine: 'benzodiazepine: with an opioid, the combination most linked to fatal overdose — breathing can slow (CDC 2022 Rec 11)',
  gabapentinoid: 'gabapentinoid: adds sedation and breathing risk with opioids (CDC 2022 Rec 11; FDA 2019 warning)',
  'Z-drug': 'sleep medicine (Z-drug): adds sedation and breathing risk with opioids (CDC 2022 Rec 11)',
  'muscle relaxant': 'muscle relaxant: adds sedation and breathing risk with opioids (CDC 2022 Rec 11)',
  barbiturate: 'barbiturate: adds sedation and breathing risk with opioids (CDC 2022 Rec 11)',
};

/** Ingredient RxCUIs (IN) for the CNS depressants, for ingredient-coded orders. */
export const CNS_DEPRESSANT_RXCUI: Record<string, CnsKind> = {
  '25480': 'gabapentinoid', // gabapentin
  '187832': 'gabapentinoid', // pregabalin
  '39993': 'Z-drug', // zolpidem
  '74667': 'Z-drug', // zaleplon
  '461016': 'Z-drug', // eszopiclone
  '2101': 'muscle relaxant', // carisoprodol (verified, cpic drug.sql)
  // Muscle relaxant ingredient RxCUIs as listed together (carisoprodol 2101, chlorzoxazone 2410, cyclobenzaprine
  // 21949, metaxalone 59078, methocarbamol 6845, orphenadrine 7715) in a public RxNav product-list script; tizanidine,
  // baclofen and dantrolene are matched by name and by the product codes of the generated lists.
  '2410': 'muscle relaxant',
  '21949': 'muscle relaxant',
  '59078': 'muscle relaxant',
  '6845': 'muscle relaxant',
  '7715': 'muscle relaxant',
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
