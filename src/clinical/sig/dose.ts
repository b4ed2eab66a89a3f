/**
 * Dose patterns: "1 - 2 tabs", "0.5 tablet", "10 mg", "2.5 ml", "1 tsp" (5 mL), a unit-less "take 1 daily",
 * "a patch" / "change patch" (one patch). A restated amount is kept apart from the dose (`stated`), never
 * multiplied: "1 tablet (80 mg total)", "1 - 2 tablets (5 - 10 mg total)", Cerner's "650 mg = 2 cap" and the
 * strength-first "10 mg 1 tablet": the dose is then the count (or the mL), because mg of a combination product
 * do not say which ingredient.
 *
 * @example
 *   "1 - 2 tablets ( 5 - 10 mg total ) " → { kind: 'dose', amount: {low:1, high:2, unit: tablet}, stated: {low:5, high:10, unit: mg} }
 */
import { NO_UNIT, UNITS, UNIT_ALT, type UnitInfo } from './lexicon.ts';
import { amountOf, fixed, RANGE, rule, type Amount, type Piece, type Rule } from './pieces.ts';

const alt = (pred: (u: UnitInfo, word: string) => boolean) =>
  [...UNITS.entries()].filter(([w, u]) => pred(u, w)).map(([w]) => w).sort((a, b) => b.length - a.length).join('|');

const MASS = alt((u) => u.kind === 'mass');
const COUNT_OR_VOLUME = alt((u) => u.kind !== 'mass');
const MASS_OR_VOLUME = alt((u) => u.kind !== 'count');
const SINGULAR_COUNT = alt((u, w) => u.kind === 'count' && w === u.one);

function unitOf(word: string): UnitInfo {
  const u = UNITS.get(word);
  if (!u) throw new Error(`unit word "${word}" missing from the lexicon`); // the patterns only match lexicon words
  return u;
}

/** A dose piece from an amount and an optional restated amount (either may be a refusal). */
function dose(amount: Amount | { reason: string }, stated?: Amount | { reason: string }): Piece {
  if ('reason' in amount) return { kind: 'reject', reason: amount.reason };
  if (stated && 'reason' in stated) return { kind: 'reject', reason: stated.reason };
  return stated ? { kind: 'dose', amount, stated } : { kind: 'dose', amount };
}

export const DOSE_RULES: Rule[] = [
  // "1 - 2 tablets", optionally followed by "( 5 - 10 mg total )"
  rule(`${RANGE} (${UNIT_ALT})(?: \\( ${RANGE} (${MASS_OR_VOLUME})(?: of [a-z]+)?(?: total| each| per dose)? \\))?`, (m) =>
    dose(amountOf(m[1], m[2], unitOf(m[3])), m[4] ? amountOf(m[4], m[5], unitOf(m[6])) : undefined),
  ),
  // "650 mg 2 cap" (Cerner "650 mg = 2 cap"), "10 mg 1 tablet", "40 mcg 1 ml"
  rule(`${RANGE} (${MASS}) ${RANGE} (${COUNT_OR_VOLUME})`, (m) =>
    dose(amountOf(m[4], m[5], unitOf(m[6])), amountOf(m[1], m[2], unitOf(m[3]))),
  ),
  // "10 ml ( 800 mg )"-style restatement is covered above; a bare number is a count of the product's units
  rule(RANGE, (m) => dose(amountOf(m[1], m[2], NO_UNIT))),
  // "a patch", "an each" (article = one)
  rule(`(?:a|an) (${SINGULAR_COUNT})`, (m) => dose({ low: 1, unit: unitOf(m[1]) })),
  // "change patch every 72 hours": "patch" after a patch verb, without a number, is one patch
  fixed('(?:apply|change|place|replace|wear|chnge) (?:the |new |a new )?patch', { kind: 'dose', amount: { low: 1, unit: unitOf('patch') }, implicit: true }),
];
