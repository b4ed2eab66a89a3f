/**
 * The pieces a sig is read into, and the rule shape every pattern module uses: a sticky regular expression
 * over the normalised text (tokens separated by one space, see normalize.ts) and a function that turns the
 * match into a piece. Every token of a sig must be covered by some rule, else the sig is not read.
 *
 * @example
 *   const r = rule(`${NUM} tabs`, (m) => ({ kind: 'filler' }));
 *   r.re.lastIndex = 0; r.re.exec('2 tabs po ')  // matches "2 tabs " (the rule adds the trailing space)
 */
import type { UnitInfo } from './lexicon.ts';

/** One number token: digits with an optional decimal part (normalize.ts turned words and fractions into these). */
export const NUM = String.raw`(\d+(?:\.\d+)?)`;
/** A number or a range "1 - 2" / "1 to 2" (two capture groups). */
export const RANGE = `${NUM}(?: (?:-|to) ${NUM})?`;

export interface FreqSpec {
  frequency: number;
  frequencyMax?: number;
  period: number;
  periodMax?: number;
  periodUnit: 'h' | 'd' | 'wk' | 'mo';
  when?: string[];
}

export interface Amount {
  low: number;
  high?: number;
  unit: UnitInfo;
}

export type Piece =
  | { kind: 'dose'; amount: Amount; stated?: Amount; implicit?: boolean }
  | { kind: 'route'; route: string }
  | { kind: 'freq'; spec: FreqSpec; words: string }
  | { kind: 'prn' }
  | { kind: 'indication'; text: string }
  | { kind: 'max'; value: number; unit?: UnitInfo | 'doses'; per: { value: number; unit: 'd' | 'h' } }
  | { kind: 'duration'; value: number; unit: 'd' | 'wk' | 'mo' }
  | { kind: 'count'; value: number }
  | { kind: 'meal' }
  | { kind: 'filler' }
  | { kind: 'reject'; reason: string };

export interface Rule {
  re: RegExp;
  make: (m: RegExpExecArray) => Piece;
}

/** A rule from a pattern source written with single spaces between tokens; it consumes the trailing space. */
export function rule(source: string, make: (m: RegExpExecArray) => Piece): Rule {
  return { re: new RegExp(`(?:${source}) `, 'y'), make };
}

/** A rule that always yields the same piece. */
export function fixed(source: string, piece: Piece): Rule {
  return rule(source, () => piece);
}

export const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : Number(s));

/** A range's pieces from two capture groups; a range that does not increase is refused. */
export function amountOf(low: string, high: string | undefined, unit: UnitInfo): Amount | { reason: string } {
  const lo = Number(low);
  const hi = num(high);
  if (hi === undefined) return { low: lo, unit };
  if (!(hi > lo)) return { reason: `range "${low}-${high}" does not increase` };
  return { low: lo, high: hi, unit };
}
