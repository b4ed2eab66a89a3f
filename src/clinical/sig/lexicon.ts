/**
 * Words of US outpatient sigs: dose units (with the UCUM code the MME arithmetic reads, see
 * mme/quantity.ts), routes, and number words. Misspellings are listed explicitly: nothing is fuzzy-matched.
 *
 * @example
 *   UNITS.get('tabs')  // { code: '{tbl}', one: 'tablet', many: 'tablets', kind: 'count', factor: 1 }
 *   UNITS.get('tsp')   // { code: 'mL', one: 'teaspoon', ..., kind: 'volume', factor: 5 }  (1 teaspoon = 5 mL)
 */

export interface UnitInfo {
  /** UCUM code written into the Quantity (annotations such as {tbl} are counts for quantity.ts). */
  code: string;
  one: string;
  many: string;
  kind: 'count' | 'mass' | 'volume';
  /** Multiplier from the written unit to `code` (teaspoon → 5 mL); 1 otherwise. */
  factor: number;
}

const unit = (code: string, one: string, many: string, kind: UnitInfo['kind'], factor = 1): UnitInfo => ({ code, one, many, kind, factor });

const TABLET = unit('{tbl}', 'tablet', 'tablets', 'count');
const CAPSULE = unit('{capsule}', 'capsule', 'capsules', 'count');
const PATCH = unit('{patch}', 'patch', 'patches', 'count');
const FILM = unit('{film}', 'film', 'films', 'count');
const SPRAY = unit('{spray}', 'spray', 'sprays', 'count');
const SUPP = unit('{suppository}', 'suppository', 'suppositories', 'count');
const LOZENGE = unit('{lozenge}', 'lozenge', 'lozenges', 'count');
const PUFF = unit('{puff}', 'puff', 'puffs', 'count');
const DROP = unit('{drop}', 'drop', 'drops', 'count');
const PILL = unit('{pill}', 'pill', 'pills', 'count');
const EACH = unit('{each}', 'each', 'each', 'count');
const MG = unit('mg', 'mg', 'mg', 'mass');
const MCG = unit('ug', 'mcg', 'mcg', 'mass');
const GRAM = unit('g', 'g', 'g', 'mass');
const ML = unit('mL', 'mL', 'mL', 'volume');
const TSP = unit('mL', 'teaspoon', 'teaspoons', 'volume', 5);
const TBSP = unit('mL', 'tablespoon', 'tablespoons', 'volume', 15);

/** A dose written without any unit ("take 1 by mouth daily"): one of the product's own units. */
export const NO_UNIT: UnitInfo = unit('{each}', '(unit not written)', '(unit not written)', 'count');

const WORDS: [UnitInfo, string[]][] = [
  [TABLET, ['tab', 'tabs', 'tablet', 'tablets', 'tablts', 'tablt', 'tabelts', 'tablest', 'tabets', 'tabl', 'tabls', 'tbl']],
  [CAPSULE, ['cap', 'caps', 'capsule', 'capsules', 'capsul', 'capsuls', 'capsle', 'capsles']],
  [PATCH, ['patch', 'patches', 'ptch']],
  [FILM, ['film', 'films', 'strip', 'strips']],
  [SPRAY, ['spray', 'sprays']],
  [SUPP, ['supp', 'supps', 'suppository', 'suppositories']],
  [LOZENGE, ['lozenge', 'lozenges', 'troche', 'troches']],
  [PUFF, ['puff', 'puffs']],
  [DROP, ['drop', 'drops', 'gtt', 'gtts']],
  [PILL, ['pill', 'pills']],
  [EACH, ['each', 'ea']],
  [MG, ['mg', 'mgs', 'milligram', 'milligrams']],
  [MCG, ['mcg', 'mcgs', 'ug', 'microgram', 'micrograms']],
  [GRAM, ['g', 'gm', 'gram', 'grams']],
  [ML, ['ml', 'mls', 'cc', 'milliliter', 'milliliters', 'millilitre', 'millilitres']],
  [TSP, ['tsp', 'tsps', 'teaspoon', 'teaspoons', 'teaspoonful', 'teaspoonfuls']],
  [TBSP, ['tbsp', 'tbsps', 'tablespoon', 'tablespoons', 'tablespoonful', 'tablespoonfuls']],
];

export const UNITS: ReadonlyMap<string, UnitInfo> = new Map(WORDS.flatMap(([info, words]) => words.map((w) => [w, info] as const)));

/** Alternation of every unit word, longest first (for the dose patterns). */
export const UNIT_ALT = [...UNITS.keys()].sort((a, b) => b.length - a.length).join('|');

/** Route phrases (normalised text, tokens separated by one space) → route text. 'skin' is resolved by the unit. */
export const ROUTES: [string, string][] = [
  ['by mouth|orally|oral|po|per os|by oral route|by the oral route|by oral|p o|via mouth|on (?:top of )?the tongue', 'oral'],
  ['sublingually|sublingual|sublin|sl|under the tongue|by sublingual route|sub lingual|sub-lingual', 'sublingual'],
  ['buccally|buccal|by buccal route|between (?:the )?cheek and gum|inside (?:the )?cheek|against (?:the )?(?:inside of (?:the )?)?cheek', 'buccal'],
  ['transdermally|transdermal|transderml|td|by transdermal route|topically transdermal', 'transdermal'],
  ['(?:on|onto|to) (?:the )?(?:dry , cleaned |clean , dry |clean dry |dry clean |clean |intact |healthy |hairless )?skin(?: of (?:the )?(?:upper arm|chest|back|upper back))?', 'skin'],
  ['rectally|pr|per rectum|by rectal route|in(?:to)? (?:the )?rectum|rectal', 'rectal'],
  ['intranasally|nasally|intranasal|by nasal route|in (?:1|one|a single) nostril|in the nose|nasal', 'nasal'],
  ['vaginally|by vaginal route|pv', 'vaginal'],
  ['topically|topical|by topical route|to (?:the )?affected (?:area|areas|area s)', 'topical'],
  ['by inhalation(?: route)?|inhalation|via inhaler|from the inhaler|inhaled|via nebulizer|via neb|by nebulizer', 'inhalation'],
];

/** Routes this reader does not handle, each with its reason. */
export const UNSUPPORTED_ROUTES: [string, string][] = [
  ['im|intramuscular|intramuscularly|iv|intravenous|intravenously|ivpb|subcutaneous|subcutaneously|subq|sub q|sq|sc|intradermal|injection|inject|by (?:intramuscular|subcutaneous|intravenous|intradermal) route|under the skin|into the skin|into the muscle|in the muscle', 'an injection route is not read by this sig reader'],
  ['in (?:each|both) (?:affected )?(?:nostril|eye|ear)s?|into (?:each|both) (?:nostril|eye|ear)s?|in each nostril|each nostril|in both nostrils|in each eye|each eye|in both eyes|both eyes|in each ear|each ear|in both ears', 'dose given per nostril/eye/ear: the amount per administration is not stated'],
];

/** Number words; "once/twice/thrice" are kept as words (they are frequencies). */
export const NUMBER_WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11,
  twelve: 12, fourteen: 14, fifteen: 15, twenty: 20, thirty: 30, forty: 40, sixty: 60, ninety: 90,
  'twenty-four': 24, 'forty-eight': 48, 'seventy-two': 72,
};
