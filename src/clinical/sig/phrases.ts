/**
 * Route, as-needed and harmless filler phrases. Fillers carry nothing the daily amount needs (verbs such as
 * "take", "with food", "do not crush", "remove old patch", separators, a dispense/refill tail such as Cerner's
 * ", 90 cap, 0 refills"), so they are consumed without a value. Unsupported routes (injections) and
 * per-nostril/per-eye doses are refusals.
 *
 * @example
 *   "by mouth "        → { kind: 'route', route: 'oral' }
 *   "as needed "       → { kind: 'prn' }
 *   "in each nostril " → { kind: 'reject', reason: 'dose given per nostril/eye/ear: ...' }
 */
import { ROUTES, UNIT_ALT, UNSUPPORTED_ROUTES } from './lexicon.ts';
import { fixed, NUM, type Piece, type Rule } from './pieces.ts';

const FILLER: Piece = { kind: 'filler' };

const VERBS =
  'take|takes|taking|tk|give|given|chew|chewed|swallow|dissolve|place|apply|use|insert|put|administer|inhale|instill|wear|change|replace|sig|and|also';

const FILLER_PHRASES = [
  'with food or milk|with milk or food|with food or water|with food|with water|with a full glass of water|with a glass of water|with milk|with or without food',
  'on an empty stomach',
  'swallow whole|swallow tablets? whole|swallow capsules? whole',
  'do not (?:crush|chew|split|break|cut|open)(?: (?:, )?(?:or |and )?(?:crush|chew|split|break|cut|open))*',
  'remove (?:the )?old patch(?:es)?(?: before applying (?:a |the )?new (?:patch|one))?|rotate (?:application )?sites',
  `remove (?:and|&) discard (?:the )?(?:old )?patch(?:es)? after ${NUM} (?:hours|hrs)(?: \\( before putting (?:a |the )?new (?:1|one) on \\))?`,
  'may cause drowsiness',
  '(?:for )?until (?:discontinued|stopped|further notice)',
];

/** Meal-time words: harmless beside "bid" or "q8h", but "with meals and at bedtime" is 4 times a day (see combine.ts). */
const MEALS = '(?:with|before|after) (?:each |a )?meals?|with each meal|ac|pc';

const SEPARATORS = '[,;.()]';

/** Cerner appends the dispense amount and refills: ", 90 cap, 0 refills"; e-prescriptions "# 30". */
const DISPENSE = `(?:${NUM} (?:${UNIT_ALT}) (?:, )?)?${NUM} refills?|refills ${NUM}|no refills|# ${NUM}`;

const PRN = 'prn|p r n|as needed|as neede|as neded|as need|as needs|if needed|when needed|if necessary|when necessary|as required|if required';

export const PHRASE_RULES: Rule[] = [
  ...ROUTES.map(([words, route]) => fixed(words, { kind: 'route', route })),
  ...UNSUPPORTED_ROUTES.map(([words, reason]) => fixed(words, { kind: 'reject', reason })),
  fixed(`(?:${PRN})(?: (?:${PRN}))*`, { kind: 'prn' }),
  fixed(VERBS, FILLER),
  fixed(MEALS, { kind: 'meal' }),
  ...FILLER_PHRASES.map((p) => fixed(p, FILLER)),
  fixed(SEPARATORS, FILLER),
  fixed(DISPENSE, FILLER),
];

/** Rules that never end an indication ("as needed for pain and nausea"). */
export const CONNECTORS = new Set(['and', 'or', '/', ',']);
