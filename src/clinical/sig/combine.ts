/**
 * Combines the scanned pieces into one reading, refusing what does not add up: no dose, no frequency,
 * two different doses (several drugs, steps or alternatives), frequencies with different rates, two routes,
 * two maxima, a maximum in another kind of unit than the dose (e.g. "max 3000 mg" of the acetaminophen in a
 * tablet), a maximum lower than one dose, and implausible numbers (0, absurd doses or intervals).
 * Repeated identical pieces are fine ("as needed ... as needed"), and so are equal rates written twice
 * ("daily at bedtime", "twice daily every 12 hours").
 *
 * @example
 *   combine([dose 1-2 tablets, freq q4-6h, prn, max 8/day])
 *   // { ok: true, sig: { dose, freq: {1, period 4, periodMax 6, h}, prn: true, max: { value: 8, unit: tablet, ... } } }
 */
import { NO_UNIT } from './lexicon.ts';
import type { Amount, FreqSpec, Piece } from './pieces.ts';
import { belowSchedule, checkAmount, checkFrequency, checkMax, perDayRange, type Max } from './checks.ts';

export interface Combined {
  dose: Amount;
  stated?: Amount;
  implicit?: boolean;
  freq: FreqSpec;
  freqWords: string[];
  route?: string;
  prn: boolean;
  indication?: string;
  max?: Max;
  duration?: { value: number; unit: 'd' | 'wk' | 'mo' };
  count?: number;
}

type Of<K extends Piece['kind']> = Extract<Piece, { kind: K }>;
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The single distinct value of a kind of piece, or a reason when they differ. */
function one<K extends Piece['kind']>(pieces: Piece[], kind: K, what: string): Of<K> | undefined | { reason: string } {
  const all = pieces.filter((p): p is Of<K> => p.kind === kind);
  if (all.some((p) => !same(p, all[0]))) return { reason: `more than one ${what} in the text` };
  return all[0];
}

function mergeFrequencies(all: Of<'freq'>[]): FreqSpec | { reason: string } {
  const [first, ...rest] = all;
  let when = new Set(first.spec.when ?? []);
  for (const f of rest) {
    if (!same(perDayRange(f.spec), perDayRange(first.spec))) return { reason: `conflicting frequencies: "${first.words}" and "${f.words}"` };
    for (const w of f.spec.when ?? []) when.add(w);
  }
  if (when.has('HS') && (when.has('EVE') || when.has('NIGHT'))) when = new Set(['HS']); // "every evening at bedtime"
  if (when.size > 1) return { reason: `conflicting times of day: ${all.map((f) => `"${f.words}"`).join(' and ')}` };
  return when.size === 1 ? { ...first.spec, when: [...when] } : first.spec;
}

/** A dose form that cannot go by the written route (a patch by mouth, a tablet through the skin). */
function routeMismatch(code: string, route: string): string | undefined {
  const ok = code === '{patch}' ? ['transdermal', 'topical'] : code === '{suppository}' ? ['rectal', 'vaginal'] : undefined;
  if (ok ? !ok.includes(route) : route === 'transdermal') return `a ${code.replace(/[{}]/g, '')} dose with the ${route} route`;
  return undefined;
}

export function combine(pieces: Piece[]): { ok: true; sig: Combined } | { ok: false; reason: string } {
  const rejected = pieces.find((p): p is Of<'reject'> => p.kind === 'reject');
  if (rejected) return { ok: false, reason: rejected.reason };
  // A number without a unit is a dose only when it stands alone before the frequency ("1 po q6h"); elsewhere
  // it may be a quantity or a days supply ("1 tab bid 30", "take bid 30").
  const bareAt = pieces.findIndex((p) => p.kind === 'dose' && p.amount.unit === NO_UNIT);
  const freqAt = pieces.findIndex((p) => p.kind === 'freq');
  if (bareAt >= 0 && pieces.filter((p) => p.kind === 'dose').length > 1) return { ok: false, reason: 'a number without a unit besides another dose (quantity, days supply or a second dose?)' };
  if (bareAt >= 0 && freqAt >= 0 && bareAt > freqAt) return { ok: false, reason: 'a number without a unit after the frequency (quantity or days supply?)' };
  const dose = one(pieces, 'dose', 'dose (several drugs, steps or alternatives?)');
  // "to skin" is transdermal for a patch, topical otherwise; resolved before routes are compared
  const patch = dose && !('reason' in dose) && dose.amount.unit.code === '{patch}';
  const skin = (p: Piece): Piece => (p.kind === 'route' && p.route === 'skin' ? { kind: 'route', route: patch ? 'transdermal' : 'topical' } : p);
  const route = one(pieces.map(skin), 'route', 'route');
  const max = one(pieces, 'max', 'maximum');
  const duration = one(pieces, 'duration', 'duration');
  const count = one(pieces, 'count', 'number of doses');
  for (const p of [dose, route, max, duration, count]) if (p && 'reason' in p) return { ok: false, reason: p.reason };
  if (!dose || 'reason' in dose) return { ok: false, reason: 'no dose (amount per administration) in the text' };
  const freqs = pieces.filter((p): p is Of<'freq'> => p.kind === 'freq');
  if (freqs.length === 0) return { ok: false, reason: 'no frequency in the text' };
  const freq = mergeFrequencies(freqs);
  if ('reason' in freq) return { ok: false, reason: freq.reason };
  if (freq.when && pieces.some((p) => p.kind === 'meal')) return { ok: false, reason: `meal times together with "${freqs.map((f) => f.words).join('", "')}": how many times a day is not stated` };
  const bad = checkAmount(dose.amount, 'dose') ?? (dose.stated && checkAmount(dose.stated, 'stated amount')) ?? checkFrequency(freq);
  if (bad) return { ok: false, reason: bad };
  const limit = max && !('reason' in max) ? checkMax(max, dose.amount, dose.stated) : undefined;
  if (limit && 'reason' in limit) return { ok: false, reason: limit.reason };
  const prn = pieces.some((p) => p.kind === 'prn');
  if (limit && !prn && belowSchedule(limit, dose.amount, freq)) return { ok: false, reason: 'the maximum is below the scheduled daily amount (scheduled, not as needed)' };
  const r = route && !('reason' in route) ? route.route : undefined;
  const mismatch = r ? routeMismatch(dose.amount.unit.code, r) : undefined;
  if (mismatch) return { ok: false, reason: mismatch };
  const indications = [...new Set(pieces.filter((p): p is Of<'indication'> => p.kind === 'indication').map((p) => p.text))];
  const sig: Combined = {
    dose: dose.amount,
    freq,
    freqWords: freqs.map((f) => f.words),
    prn,
    route: r,
  };
  if (dose.stated) sig.stated = dose.stated;
  if (dose.implicit) sig.implicit = true;
  if (indications.length) sig.indication = indications.join('; ');
  if (limit) sig.max = limit;
  if (duration && !('reason' in duration)) sig.duration = { value: duration.value, unit: duration.unit };
  if (count && !('reason' in count)) sig.count = count.value;
  return { ok: true, sig };
}
