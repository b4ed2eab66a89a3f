/**
 * Frequency patterns → FHIR timing.repeat values (FHIR Timing: periodMax is the LONGER interval, so
 * "q4-6h" is frequency 1, period 4, periodMax 6 h; "1-2 times daily" is frequency 1, frequencyMax 2 per 1 d).
 * Covers q4h / q 4 hrs / every 4 to 6 hours / q4h-q6h, every N days / every other day (QOD) / every third day,
 * weekly and N times a week, BID/TID/QID, daily/QD/qday (and "daly"), N times a day, up to N times a day,
 * bedtime/qhs/nightly (when HS), morning (MORN), evening (EVE), at night (NIGHT), monthly.
 *
 * @example
 *   "q 4 - 6 h "          → { frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' }
 *   "1 - 2 times daily "  → { frequency: 1, frequencyMax: 2, period: 1, periodUnit: 'd' }
 *   "at bedtime "         → { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] }
 */
import { NUM, num, rule, type FreqSpec, type Piece, type Rule } from './pieces.ts';

const EVERY = '(?:once )?(?:q|every|evry|eveyr|each)';
const HOURS = '(?:hours|hour|hrs|hr|h|hourly|hous|hrly)';
const DAYS = '(?:days|day|d)';
const WEEKS = '(?:weeks|week|wks|wk)';
const PER = '(?:(?:a|per|each|every|/|in a|in 1) )?';
const TIMES = `(?:(once)|(twice)|(thrice)|${NUM}(?: (?:-|to) ${NUM})? (?:times|time|x))`;

function freq(spec: FreqSpec, words: string): Piece {
  const clean: FreqSpec = { frequency: spec.frequency, period: spec.period, periodUnit: spec.periodUnit };
  if (spec.frequencyMax !== undefined) clean.frequencyMax = spec.frequencyMax;
  if (spec.periodMax !== undefined) clean.periodMax = spec.periodMax;
  if (spec.when) clean.when = spec.when;
  return { kind: 'freq', spec: clean, words: words.trim() };
}

/** Every N (to M) units. */
const every = (unit: FreqSpec['periodUnit']) => (m: RegExpExecArray) => {
  const a = Number(m[1]);
  const b = num(m[2]);
  if (b !== undefined && !(b > a)) return { kind: 'reject', reason: `interval range "${m[1]}-${m[2]}" does not increase` } as Piece;
  return freq({ frequency: 1, period: a, periodMax: b, periodUnit: unit }, m[0]);
};

/** N (to M) times per unit. */
const times = (unit: FreqSpec['periodUnit']) => (m: RegExpExecArray) => {
  const n = m[1] ? 1 : m[2] ? 2 : m[3] ? 3 : Number(m[4]);
  const max = num(m[5]);
  if (max !== undefined && !(max > n)) return { kind: 'reject', reason: `frequency range "${m[4]}-${m[5]}" does not increase` } as Piece;
  return freq({ frequency: n, frequencyMax: max, period: 1, periodUnit: unit }, m[0]);
};

const daily = (n: number, when?: string) => (m: RegExpExecArray) => freq({ frequency: n, period: 1, periodUnit: 'd', when: when ? [when] : undefined }, m[0]);

export const FREQUENCY_RULES: Rule[] = [
  rule(`${EVERY} ${NUM}(?: (?:-|to) (?:q )?${NUM})? ${HOURS}`, every('h')),
  rule(`q ${NUM} ${HOURS} (?:-|to) (?:q )?${NUM} ${HOURS}`, every('h')),
  rule(`${EVERY} ${NUM}(?: (?:-|to) ${NUM})? (?:minutes|minute|mins|min)`, () => ({ kind: 'reject', reason: 'an interval in minutes (repeat-until-relief dosing) is not a daily schedule' })),
  rule('(bid|tid) (?:-|to) (tid|qid)', (m) => {
    const n: Record<string, number> = { bid: 2, tid: 3, qid: 4 };
    if (!(n[m[2]] > n[m[1]])) return { kind: 'reject', reason: `frequency range "${m[1]}-${m[2]}" does not increase` };
    return freq({ frequency: n[m[1]], frequencyMax: n[m[2]], period: 1, periodUnit: 'd' }, m[0]);
  }),
  rule(`(?:every|q) hour`, (m) => freq({ frequency: 1, period: 1, periodUnit: 'h' }, m[0])),
  rule(`${EVERY} ${NUM}(?: (?:-|to) ${NUM})? ${DAYS}`, every('d')),
  rule(`${EVERY} ${NUM}(?: (?:-|to) ${NUM})? ${WEEKS}`, every('wk')),
  rule('every other day|every 2 nd day|every second day|on alternate days|alternate days|qod|q other day|every other daily', (m) => freq({ frequency: 1, period: 2, periodUnit: 'd' }, m[0])),
  rule('every third day|every 3 rd day', (m) => freq({ frequency: 1, period: 3, periodUnit: 'd' }, m[0])),
  rule('every other week', (m) => freq({ frequency: 1, period: 2, periodUnit: 'wk' }, m[0])),
  rule(`(?:once )?weekly|once ${PER}week|every week|each week|q week|qweek|q wk|qwk|1 time ${PER}week`, (m) => freq({ frequency: 1, period: 1, periodUnit: 'wk' }, m[0])),
  rule(`(?:once )?monthly|once ${PER}month|every month|q month`, (m) => freq({ frequency: 1, period: 1, periodUnit: 'mo' }, m[0])),
  rule(`${TIMES} ${PER}(?:day|daily|days|dly)`, times('d')),
  rule(`${TIMES} ${PER}(?:week|weekly|wk)`, times('wk')),
  rule(`up to (?:(twice)|${NUM} (?:times|x)) ${PER}(?:day|daily)`, (m) => {
    const n = m[1] ? 2 : Number(m[2]);
    return freq({ frequency: 1, frequencyMax: n > 1 ? n : undefined, period: 1, periodUnit: 'd' }, m[0]);
  }),
  rule('bid|twice daily|twice a day', daily(2)),
  rule('tid', daily(3)),
  rule('qid', daily(4)),
  rule(`daily|daly|dialy|daiy|dly|qd|qday|q day|q 1 day|every day|everyday|evry day|each day|a day|per day|/ day|once`, (m) =>
    m[0].trim() === 'once' ? { kind: 'reject', reason: '"once" without "a day": a single dose, not a schedule' } : freq({ frequency: 1, period: 1, periodUnit: 'd' }, m[0]),
  ),
  rule('(?:(?:every|each|in the) evening )?(?:at bedtime|at bed time|at bed|at hs|before bedtime|before bed)|bedtime|qhs|q hs|hs|nightly|nitely|every night at bedtime|each night at bedtime', daily(1, 'HS')),
  rule('every night|each night|at night|q night|qnight|in the night', daily(1, 'NIGHT')),
  rule('every evening|each evening|in the evening|in evening|q evening|qpm|q pm|every pm|in the pm', daily(1, 'EVE')),
  rule('every morning|each morning|in the morning|in morning|q morning|qam|q am|every am|in the am|in am', daily(1, 'MORN')),
];
