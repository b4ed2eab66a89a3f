/**
 * Opioid metabolism for urine drug test interpretation: which analytes a prescribed drug explains (the drug
 * itself, its metabolites, and known minor metabolites), which analytes nothing prescribable explains (heroin
 * markers), and which drugs a class-level immunoassay detects reliably or only partly.
 *
 * Pure data; no imports (scripts/gen-valuesets.ts reads ANALYTE_SYNONYMS to name the analyte of each LOINC code).
 *
 * Sources (public):
 *  - CDC Clinical Practice Guideline for Prescribing Opioids for Pain — United States, 2022 (Dowell et al., MMWR
 *    Recomm Rep 2022;71(No. RR-3)), Recommendation 10: clinicians should be familiar with the drugs a test detects
 *    and with metabolic pathways, and unexpected results are discussed with the patient, not used to dismiss them.
 *  - Argoff CE, Alford DP, Fudin J, et al. Rational Urine Drug Monitoring in Patients Receiving Opioids for Chronic
 *    Pain: Consensus Recommendations. Pain Med 2018;19(1):97–117 (PMID 29206984): metabolism figure; opiate
 *    immunoassays detect morphine/codeine and cross-react with hydrocodone/hydromorphone, poorly with oxycodone;
 *    fentanyl, buprenorphine, methadone, tramadol and tapentadol need their own tests.
 *  - Smith HS. Opioid metabolism. Mayo Clin Proc 2009;84(7):613–624 (PMC2704133): codeine → morphine (CYP2D6),
 *    norcodeine; hydrocodone → hydromorphone (CYP2D6), norhydrocodone (CYP3A4), dihydrocodeine (6-keto
 *    reduction); oxycodone → oxymorphone (CYP2D6), noroxycodone (CYP3A4) → noroxymorphone; morphine → glucuronides,
 *    normorphine; fentanyl → norfentanyl; buprenorphine → norbuprenorphine; methadone → EDDP; tramadol →
 *    O- and N-desmethyltramadol; tapentadol → glucuronide; meperidine → normeperidine.
 *  - Milone MC. Laboratory testing for prescription opioids. J Med Toxicol 2012;8(4):408–416 (PMC3550262):
 *    metabolism chart used by clinical laboratories (Mayo Clinic Laboratories' opioid chart shows the same
 *    pathways); heroin → 6-monoacetylmorphine (6-MAM, specific to heroin) → morphine.
 *  - Minor pathways: codeine → hydrocodone (Oyler JM, Cone EJ, et al. J Anal Toxicol 2000;24:530–535); morphine →
 *    hydromorphone (Cone EJ, et al. J Anal Toxicol 2006;30:1–5). A minor metabolite explains a positive, but its
 *    absence is never called unexpected.
 */

export type Relation = 'parent' | 'metabolite' | 'minor metabolite';

interface Parent {
  /** Analytes the drug produces in urine, besides itself. */
  metabolites: readonly string[];
  /** Analytes produced only in small amounts (explain a positive; never expected to be found). */
  minor?: readonly string[];
  /** Never prescribed (heroin): its markers are never explained by an order. */
  illicit?: boolean;
  source: string;
}

const SMITH = 'Smith 2009 (Mayo Clin Proc 84:613); Milone 2012 (J Med Toxicol 8:408); Argoff 2018 (Pain Med 19:97)';

/** Parent drug → its urine analytes. Keys and values are canonical analyte names (ANALYTE_SYNONYMS). */
export const METABOLISM: Readonly<Record<string, Parent>> = {
  codeine: { metabolites: ['morphine', 'norcodeine', 'codeine-6-glucuronide', 'morphine glucuronide'], minor: ['hydrocodone', 'normorphine', 'hydromorphone'], source: `${SMITH}; codeine → hydrocodone: Oyler 2000 (J Anal Toxicol 24:530)` },
  morphine: { metabolites: ['morphine glucuronide', 'normorphine'], minor: ['hydromorphone', 'hydromorphone-3-glucuronide'], source: `${SMITH}; morphine → hydromorphone: Cone 2006 (J Anal Toxicol 30:1)` },
  hydrocodone: { metabolites: ['hydromorphone', 'norhydrocodone', 'hydromorphone-3-glucuronide'], minor: ['dihydrocodeine'], source: SMITH },
  hydromorphone: { metabolites: ['hydromorphone-3-glucuronide'], source: SMITH },
  oxycodone: { metabolites: ['noroxycodone', 'oxymorphone', 'noroxymorphone', 'oxymorphone-3-glucuronide'], source: SMITH },
  oxymorphone: { metabolites: ['oxymorphone-3-glucuronide'], minor: ['noroxymorphone'], source: SMITH },
  dihydrocodeine: { metabolites: [], source: SMITH },
  heroin: { metabolites: ['6-MAM', 'morphine', 'morphine glucuronide', 'normorphine'], minor: ['6-acetylcodeine', 'codeine'], illicit: true, source: `${SMITH}; 6-MAM is specific to heroin (Milone 2012)` },
  fentanyl: { metabolites: ['norfentanyl'], minor: ['despropionylfentanyl'], source: SMITH },
  sufentanil: { metabolites: ['norsufentanil'], source: SMITH },
  alfentanil: { metabolites: [], source: SMITH },
  buprenorphine: { metabolites: ['norbuprenorphine', 'buprenorphine glucuronide', 'norbuprenorphine glucuronide'], source: SMITH },
  methadone: { metabolites: ['EDDP'], source: SMITH },
  tramadol: { metabolites: ['O-desmethyltramadol', 'N-desmethyltramadol'], source: SMITH },
  tapentadol: { metabolites: ['nortapentadol', 'tapentadol glucuronide'], source: SMITH },
  meperidine: { metabolites: ['normeperidine'], source: SMITH },
  propoxyphene: { metabolites: ['norpropoxyphene'], source: SMITH },
  levorphanol: { metabolites: [], source: SMITH },
  butorphanol: { metabolites: [], source: SMITH },
  nalbuphine: { metabolites: [], source: SMITH },
  pentazocine: { metabolites: [], source: SMITH },
};

/** Prescribed substance (ingredient name from the order) → the parent drugs a urine test would find. */
export const SUBSTANCE_PARENTS: Readonly<Record<string, readonly string[]>> = {
  benzhydrocodone: ['hydrocodone'], // prodrug of hydrocodone (Apadaz)
  opium: ['morphine', 'codeine'], // opium tincture / belladonna-opium contain both alkaloids
};

/** Parent drugs a prescribed substance stands for (itself when it is one). */
export function parentsOf(substance: string): readonly string[] {
  return SUBSTANCE_PARENTS[substance] ?? (METABOLISM[substance] ? [substance] : []);
}

/**
 * Opioid antagonists found in urine (naloxone in buprenorphine/naloxone or a rescue dose, naltrexone): not
 * interpreted — they are not a misuse concern and the order lists do not track every rescue dose.
 */
export const ANTAGONISTS = new Set(['naloxone', 'naltrexone', '6-beta-naltrexol', 'nalorphine', 'naloxol']);

/** How a prescribed drug explains an analyte, or null. */
export function relationOf(drug: string, analyte: string): Relation | null {
  const p = METABOLISM[drug];
  if (!p || p.illicit) return null;
  if (drug === analyte) return 'parent';
  if (p.metabolites.includes(analyte)) return 'metabolite';
  if (p.minor?.includes(analyte)) return 'minor metabolite';
  return null;
}

/** The analyte is in the metabolism table (as a drug or a metabolite of one). */
export function isKnownAnalyte(analyte: string): boolean {
  if (METABOLISM[analyte]) return true;
  return Object.values(METABOLISM).some((p) => p.metabolites.includes(analyte) || p.minor?.includes(analyte));
}

/** Which drugs produce this analyte (for the wording "6-MAM, a heroin metabolite"). */
export function producersOf(analyte: string): string[] {
  return Object.entries(METABOLISM)
    .filter(([drug, p]) => drug !== analyte && (p.metabolites.includes(analyte) || p.minor?.includes(analyte)))
    .map(([drug]) => drug);
}

/**
 * Class-level immunoassays (no analyte named): drugs detected reliably (a positive is expected) and drugs detected
 * only partly (a positive is "review with the clinician": not proof of anything). `negative` lists the drugs whose
 * prescription makes a negative result of this class unexpected. Non-opioid classes use the substance labels of
 * medications/prescribed.ts.
 * Sources: Argoff 2018; Milone 2012 (opiate immunoassays target morphine; codeine, hydrocodone and hydromorphone
 * cross-react; oxycodone/oxymorphone cross-react poorly except at high concentrations; hydrocodone false negatives
 * are reported — clinical-rules.md pitfall 13, so only morphine/codeine make a negative opiate screen unexpected).
 */
export const CLASS_DETECTS: Readonly<Record<string, { reliable: readonly string[]; partial: readonly string[]; negative: readonly string[]; label: string }>> = {
  'general-opiate': { reliable: ['morphine', 'codeine', 'hydrocodone', 'hydromorphone', 'dihydrocodeine'], partial: ['oxycodone', 'oxymorphone'], negative: ['morphine', 'codeine'], label: 'opiates (screen)' },
  'opiate-specific': { reliable: ['morphine', 'codeine'], partial: ['hydrocodone', 'hydromorphone'], negative: ['morphine', 'codeine'], label: 'opiates' },
  oxycodone: { reliable: ['oxycodone', 'oxymorphone'], partial: [], negative: ['oxycodone'], label: 'oxycodone/oxymorphone' },
  'fentanyl-type': { reliable: ['fentanyl'], partial: ['sufentanil', 'alfentanil'], negative: ['fentanyl'], label: 'fentanyl' },
  buprenorphine: { reliable: ['buprenorphine'], partial: [], negative: ['buprenorphine'], label: 'buprenorphine' },
  methadone: { reliable: ['methadone'], partial: [], negative: ['methadone'], label: 'methadone' },
  heroin: { reliable: [], partial: [], negative: [], label: 'heroin (6-MAM)' },
  'synthetic-opioid': { reliable: [], partial: ['fentanyl', 'tramadol', 'tapentadol', 'meperidine', 'methadone'], negative: [], label: 'synthetic opioids' },
  benzodiazepine: { reliable: ['benzodiazepine'], partial: [], negative: [], label: 'benzodiazepines' },
  barbiturate: { reliable: ['barbiturate'], partial: [], negative: [], label: 'barbiturates' },
  amphetamine: { reliable: ['amphetamine'], partial: [], negative: [], label: 'amphetamines' },
  cannabinoid: { reliable: ['cannabinoid'], partial: [], negative: [], label: 'cannabinoids' },
  cocaine: { reliable: [], partial: [], negative: [], label: 'cocaine' },
  phencyclidine: { reliable: [], partial: [], negative: [], label: 'phencyclidine (PCP)' },
  xylazine: { reliable: [], partial: [], negative: [], label: 'xylazine' },
};

export const OPIOID_CLASSES = new Set(['general-opiate', 'opiate-specific', 'oxycodone', 'fentanyl-type', 'buprenorphine', 'methadone', 'heroin', 'synthetic-opioid']);

/**
 * LOINC component name (lower case, "Deprecated", "Free", "cutoff" and ratios removed) → canonical analyte.
 * Names not listed keep their own lower-case component name when the code is in an opioid class (e.g. an illicit
 * fentanyl analogue) and are then judged at class level. Used by scripts/gen-valuesets.ts.
 */
export const ANALYTE_SYNONYMS: Readonly<Record<string, string>> = {
  morphine: 'morphine', codeine: 'codeine', hydrocodone: 'hydrocodone', hydromorphone: 'hydromorphone',
  oxycodone: 'oxycodone', oxymorphone: 'oxymorphone', dihydrocodeine: 'dihydrocodeine', hydrocodol: 'dihydrocodeine',
  norhydrocodone: 'norhydrocodone', noroxycodone: 'noroxycodone', noroxymorphone: 'noroxymorphone',
  norcodeine: 'norcodeine', normorphine: 'normorphine',
  'morphine-6-glucuronide': 'morphine glucuronide', 'morphine-3-glucuronide': 'morphine glucuronide', 'morphine glucuronide': 'morphine glucuronide',
  'codeine-6-glucuronide': 'codeine-6-glucuronide', 'hydromorphone-3-glucuronide': 'hydromorphone-3-glucuronide',
  'oxymorphone-3-glucuronide': 'oxymorphone-3-glucuronide',
  '6mam': '6-MAM', '6-mam': '6-MAM', '6-monoacetylmorphine': '6-MAM', '6-acetylmorphine': '6-MAM', '6-monoacetylmorphine (6-mam)': '6-MAM', acetylmorphine: '6-MAM', monoacetylmorphine: '6-MAM',
  diamorphine: 'heroin', heroin: 'heroin', '6-acetylcodeine': '6-acetylcodeine',
  fentanyl: 'fentanyl', norfentanyl: 'norfentanyl', despropionylfentanyl: 'despropionylfentanyl',
  sufentanil: 'sufentanil', norsufentanil: 'norsufentanil', alfentanil: 'alfentanil',
  buprenorphine: 'buprenorphine', norbuprenorphine: 'norbuprenorphine',
  b3g: 'buprenorphine glucuronide', n3g: 'norbuprenorphine glucuronide', 'buprenorphine-3-glucuronide': 'buprenorphine glucuronide', 'norbuprenorphine-3-glucuronide': 'norbuprenorphine glucuronide',
  methadone: 'methadone', eddp: 'EDDP', '2-ethylidene-1,5-dimethyl-3,3-diphenylpyrrolidine (eddp)': 'EDDP',
  tramadol: 'tramadol', 'o-desmethyltramadol': 'O-desmethyltramadol', nortramadol: 'N-desmethyltramadol', 'n-nortramadol': 'N-desmethyltramadol', 'n-desmethyltramadol': 'N-desmethyltramadol',
  tapentadol: 'tapentadol', nortapentadol: 'nortapentadol', 'tapentadol glucuronide': 'tapentadol glucuronide',
  meperidine: 'meperidine', normeperidine: 'normeperidine', propoxyphene: 'propoxyphene', norpropoxyphene: 'norpropoxyphene',
  levorphanol: 'levorphanol', butorphanol: 'butorphanol', nalbuphine: 'nalbuphine', pentazocine: 'pentazocine',
  naloxone: 'naloxone', naltrexone: 'naltrexone', '6-beta naltrexol': '6-beta-naltrexol', naltrexol: '6-beta-naltrexol', nalorphine: 'nalorphine', naloxol: 'naloxol',
};

/** Short description of an analyte for the finding text: "6-MAM (a heroin metabolite)". */
export function describeAnalyte(analyte: string): string {
  if (METABOLISM[analyte]) return analyte;
  const by = producersOf(analyte);
  return by.length ? `${analyte} (a ${by.join('/')} metabolite)` : analyte;
}
