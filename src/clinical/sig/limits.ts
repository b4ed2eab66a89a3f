/**
 * Maximum-dose and duration patterns. A maximum needs a number and a period: "max 8 / day",
 * "not to exceed 6 tablets in 24 hours", "do not exceed 6 per day", "no more than 3 tablets per day",
 * "max daily dose 8 tablets", "MDD: 6" (MDD = maximum daily dose). "max 4 doses per day" counts doses.
 * A maximum without a period ("up to 2 tablets") is refused. Durations: "for 7 days", "x 7 d",
 * "for up to 2 weeks"; "for up to 40 doses" is a count of doses.
 *
 * @example
 *   "max 8 / day "                             → { kind: 'max', value: 8, per: { value: 1, unit: 'd' } }
 *   "not to exceed 6 tablets in 24 hours "   → { kind: 'max', value: 6, unit: tablet, per: { value: 24, unit: 'h' } }
 */
import { UNITS, UNIT_ALT } from './lexicon.ts';
import { NUM, rule, type Piece, type Rule } from './pieces.ts';

const DAILY_PREFIX = '(?:max|maximum) daily (?:dose|amount|dosage)(?: of)?|mdd|max daily|maximum daily|max per day|maximum per day';
const PREFIX =
  "(?:max|maximum)(?: total)?(?: dose| amount| dosage)?(?: of)?|not to exceed|nte|do not exceed|dont exceed|don't exceed|(?:do not|don't|never) (?:take|use|give) more than|(?:no|not|never) more than|up to|limit";
const PER_DAY = '(?:(?:per|a|an|each|every|in|in any|within|/|in 1|per 1) )?(?:day|daily|1 day)';
const PER_24H = '(?:(?:per|a|an|each|every|in|in any|within|/|in a|per a) )?24 (?:hours|hour|hrs|hr|h)(?: period)?';
const WHAT = `(?: (${UNIT_ALT}|doses|dose))?`;

function max(value: string, word: string | undefined, per: Extract<Piece, { kind: 'max' }>['per']): Piece {
  const unit = word === undefined ? undefined : word === 'doses' || word === 'dose' ? 'doses' : UNITS.get(word);
  return { kind: 'max', value: Number(value), unit, per };
}

const DAY = { value: 1, unit: 'd' } as const;
const H24 = { value: 24, unit: 'h' } as const;

export const LIMIT_RULES: Rule[] = [
  rule(`(?:${DAILY_PREFIX}) ${NUM}${WHAT}(?: ${PER_DAY})?`, (m) => max(m[1], m[2], DAY)),
  rule(`(?:${DAILY_PREFIX}) ${NUM}${WHAT} ${PER_24H}`, (m) => max(m[1], m[2], H24)),
  rule(`(?:${PREFIX}) ${NUM}${WHAT} ${PER_DAY}`, (m) => max(m[1], m[2], DAY)),
  rule(`(?:${PREFIX}) ${NUM}${WHAT} ${PER_24H}`, (m) => max(m[1], m[2], H24)),
  rule(`(?:${PREFIX}) ${NUM}${WHAT}`, (m) => ({ kind: 'reject', reason: `maximum "${m[0].trim()}" without a period (per day / in 24 hours)` })),
  rule(`(?:for|x|times) (?:up to |a total of |a maximum of |a max of |the next |next )?${NUM} (days|day|d|weeks|week|wks|wk|months|month|mos|mo)(?: total)?`, (m) => {
    const u = m[2].startsWith('w') ? 'wk' : m[2].startsWith('m') ? 'mo' : 'd';
    return { kind: 'duration', value: Number(m[1]), unit: u };
  }),
  rule(`${NUM} (days|day|weeks|week)`, (m) => ({ kind: 'duration', value: Number(m[1]), unit: m[2].startsWith('w') ? 'wk' : 'd' })),
  rule(`(?:for|x) (?:up to |a total of |a maximum of )?${NUM} doses?`, (m) => ({ kind: 'count', value: Number(m[1]) })),
];
