/**
 * Reads normalised sig text left to right: at each token the LONGEST matching rule wins; a free-text
 * indication may follow "as needed [for]" or "for" (plain words only, no numbers or dosing words). A token no
 * rule covers stops the reading with a reason: every word must be understood, nothing is skipped.
 * Phrases that make a sig unreadable as one schedule ("then", "as directed", "taper", sliding scales,
 * "until gone") are refused first, with their own reasons.
 *
 * @example
 *   scanSig('1 - 2 tabs po q 4 - 6 h prn pain , max 8 / day ')
 *   // { pieces: [dose, route, freq, prn, indication 'pain', filler, max] }
 */
import { DOSE_RULES } from './dose.ts';
import { FREQUENCY_RULES } from './frequency.ts';
import { LIMIT_RULES } from './limits.ts';
import { UNITS } from './lexicon.ts';
import { CONNECTORS, PHRASE_RULES } from './phrases.ts';
import type { Piece, Rule } from './pieces.ts';

const RULES: Rule[] = [...LIMIT_RULES, ...FREQUENCY_RULES, ...DOSE_RULES, ...PHRASE_RULES];

const REFUSALS: [RegExp, string][] = [
  [/\bthen\b|\bfollowed by\b|\bafter that\b/, 'sequential steps ("then"): each step needs its own dosage line'],
  [/\b(?:as|per|use as) (?:directed|dir|instructed)\b|\bper instructions\b|\bud\b|\bas per (?:md|doctor|physician)\b/, '"as directed": the directions are not in the text'],
  [/\btaper|\btitrat|\bwean|\bincreas|\bdecreas|\breduce\b|\bstep down\b/, 'dose changes over time (taper / titration)'],
  [/\bsliding scale|\bper scale\b|\bpain scores?\b|\bper protocol\b|\bpain (?:level|rating)\b/, 'sliding scale: the dose depends on a score or a protocol'],
  [/\buntil (?:gone|finished|all (?:gone|taken)|complete|completed|done|resolved|better)\b/, '"until gone": a course, not a daily schedule'],
  [/\balternat(?:e|ing) with\b/, 'alternating with another drug'],
  [/\b(?:and|plus|\+|also) (?:prn|as needed|when needed|if needed)\b/, 'scheduled doses plus as-needed doses: the daily total is not stated'],
];

/** Words that end an indication (they change the dose or schedule, so they must not hide in one). */
const RESERVED = new Set([
  'while', 'awake', 'until', 'hold', 'if', 'unless', 'except', 'before', 'after', 'during', 'times', 'time', 'daily', 'day',
  'days', 'hours', 'hour', 'week', 'every', 'each', 'dose', 'doses', 'max', 'maximum', 'more', 'exceed', 'total',
  'additional', 'extra', 'repeat', 'may', 'can', 'other', 'then', 'once', 'twice', 'x', 'q', 'per', 'up', 'not', 'no',
  'units', 'unit', 'iu', 'do', 'dont', "don't",
]);

const UNKNOWN_REASONS: Record<string, string> = {
  or: 'alternatives ("or") are not read',
  '-': 'a stray "-" (negative number or an unfinished range)',
  t: '"T" can mean tablet or tablespoon; not read',
  units: '"units" are not a count of tablets or capsules (e.g. insulin units); not read',
  unit: '"units" are not a count of tablets or capsules (e.g. insulin units); not read',
  iu: '"units" are not a count of tablets or capsules (e.g. insulin units); not read',
  may: '"may repeat / may take" instructions are not read',
  repeat: '"may repeat" instructions are not read',
  if: 'a conditional instruction ("if ...") is not read',
  hold: 'hold parameters ("hold if ...") are not read',
  while: '"while awake" changes how often; not read',
  until: '"until ..." is not read',
  stat: 'a single dose ("stat"), not a schedule',
  now: 'a single dose ("now"), not a schedule',
  x: '"x" without a number of days',
  time: 'a single dose ("one time"), not a schedule',
};

function longest(text: string, pos: number): { piece: Piece; end: number } | undefined {
  let best: { piece: Piece; end: number } | undefined;
  for (const r of RULES) {
    r.re.lastIndex = pos;
    const m = r.re.exec(text);
    if (m && (!best || r.re.lastIndex > best.end)) best = { piece: r.make(m), end: r.re.lastIndex };
  }
  return best;
}

const SEPARATOR = /^[,;.()]$/;

const tokenAt = (text: string, pos: number) => text.slice(pos, text.indexOf(' ', pos));

/** Plain words of an indication from pos; stops at any rule other than a connector, or at a reserved word. */
function indication(text: string, pos: number): { text: string; end: number } {
  const words: string[] = [];
  let end = pos;
  let p = pos;
  while (p < text.length && words.length < 12) {
    const tok = tokenAt(text, p);
    const isConnector = CONNECTORS.has(tok);
    if (!isConnector && (!/^[a-z][a-z'-]*$/.test(tok) || RESERVED.has(tok) || UNITS.has(tok) || longest(text, p))) break;
    words.push(tok);
    p += tok.length + 1;
    if (!isConnector) end = p;
  }
  const kept = text.slice(pos, end).trim();
  return { text: kept.replace(/ ([,/]) /g, '$1 ').replace(/ ,/g, ','), end };
}

export type Scan = { pieces: Piece[] } | { reason: string };

export function scanSig(text: string): Scan {
  for (const [re, reason] of REFUSALS) if (re.test(text)) return { reason };
  const pieces: Piece[] = [];
  let pos = 0;
  let afterPrn = false; // an indication may follow "as needed" directly, also after "(" or ","
  while (pos < text.length) {
    const hit = longest(text, pos);
    const forWord = tokenAt(text, pos) === 'for';
    if (hit) {
      pieces.push(hit.piece);
      afterPrn = hit.piece.kind === 'prn' || (afterPrn && SEPARATOR.test(tokenAt(text, pos)));
      pos = hit.end;
    } else if (forWord || afterPrn) {
      afterPrn = false;
      const ind = indication(text, forWord ? pos + 4 : pos);
      if (ind.text === '') return { reason: unknown(text, pos, pieces) };
      pieces.push({ kind: 'indication', text: ind.text });
      pos = ind.end;
      if (/^\d/.test(tokenAt(text, pos)) && longest(text, pos)?.piece.kind === 'dose') return { reason: `a number follows the indication "${ind.text}" (pain score or sliding scale?)` };
    } else {
      return { reason: unknown(text, pos, pieces) };
    }
  }
  return { pieces };
}

function unknown(text: string, pos: number, pieces: Piece[] = []): string {
  const earlier = pieces.find((p) => p.kind === 'reject');
  if (earlier?.kind === 'reject') return earlier.reason; // the first problem in the text is the one reported
  const tok = tokenAt(text, pos);
  if (tok === 'at' && /^at \d/.test(text.slice(pos))) return 'clock times ("at 10:00") are not read';
  if (UNKNOWN_REASONS[tok]) return UNKNOWN_REASONS[tok];
  const context = text.slice(pos).trim().split(' ').slice(0, 4).join(' ');
  if (context.split(' ')[1] === '-') return UNKNOWN_REASONS['-'];
  if (context.split(' ').includes('or')) return `alternatives ("or") are not read (in "${context}")`;
  return `did not understand "${tok}" (in "${context}")`;
}
