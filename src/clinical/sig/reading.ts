/**
 * The reading in plain words, for a clinician to check against the original sig. Ranges use an en dash,
 * teaspoons/tablespoons show their mL, a restated amount and an implied "1 patch" are said out loud.
 *
 * @example
 *   readingOf(combined)  // "1–2 tablets by mouth every 4–6 hours as needed for pain, at most 8 tablets a day"
 */
import type { Period } from 'fhir/r4';
import type { Combined } from './combine.ts';
import { NO_UNIT } from './lexicon.ts';
import type { Amount, FreqSpec } from './pieces.ts';

export const fmt = (n: number) => String(Math.round(n * 1e6) / 1e6);

const ROUTE_WORDS: Record<string, string> = {
  oral: 'by mouth', sublingual: 'under the tongue (sublingual)', buccal: 'in the cheek (buccal)', transdermal: 'on the skin (transdermal)',
  topical: 'on the skin (topical)', rectal: 'rectally', nasal: 'in the nose', vaginal: 'vaginally', inhalation: 'inhaled',
};
const WHEN_WORDS: Record<string, string> = { HS: 'at bedtime', MORN: 'in the morning', EVE: 'in the evening', NIGHT: 'at night' };
const UNIT_WORDS: Record<FreqSpec['periodUnit'], [string, string]> = { h: ['hour', 'hours'], d: ['day', 'days'], wk: ['week', 'weeks'], mo: ['month', 'months'] };

export function amountText(a: Amount): string {
  const n = a.high === undefined ? fmt(a.low) : `${fmt(a.low)}–${fmt(a.high)}`;
  if (a.unit === NO_UNIT) return `${n} (no unit written: the product's own unit)`;
  const top = a.high ?? a.low;
  const word = top > 1 ? a.unit.many : a.unit.one;
  const mL = a.unit.factor === 1 ? '' : ` (${a.high === undefined ? fmt(a.low * a.unit.factor) : `${fmt(a.low * a.unit.factor)}–${fmt(a.high * a.unit.factor)}`} mL)`;
  return `${n} ${word}${mL}`;
}

function timesText(lo: number, hi: number | undefined): string {
  if (hi !== undefined) return `${lo}–${hi} times`;
  return lo === 1 ? 'once' : lo === 2 ? 'twice' : `${lo} times`;
}

export function frequencyText(f: FreqSpec): string {
  const [one, many] = UNIT_WORDS[f.periodUnit];
  let text: string;
  if (f.period === 1 && (f.frequency > 1 || f.frequencyMax !== undefined || f.periodUnit !== 'h')) {
    text = `${timesText(f.frequency, f.frequencyMax)} a ${one}`;
  } else {
    const every = f.period === 1 ? one : f.period === 2 && f.periodMax === undefined && f.periodUnit !== 'h' ? `other ${one}` : `${fmt(f.period)}${f.periodMax !== undefined ? `–${fmt(f.periodMax)}` : ''} ${many}`;
    text = `${f.frequency === 1 && f.frequencyMax === undefined ? '' : `${timesText(f.frequency, f.frequencyMax)} `}every ${every}`;
  }
  const when = (f.when ?? []).map((w) => WHEN_WORDS[w] ?? w).join(' and ');
  return when ? `${text} ${when}` : text;
}

export function readingOf(c: Combined, bounds?: Period): string {
  const parts: string[] = [amountText(c.dose)];
  if (c.stated) parts.push(`(also written: ${amountText(c.stated)})`);
  if (c.implicit) parts.push('(the sig says "patch" without a number)');
  if (c.route) parts.push(ROUTE_WORDS[c.route] ?? c.route);
  parts.push(frequencyText(c.freq));
  if (c.prn) parts.push(c.indication ? `as needed for ${c.indication}` : 'as needed');
  else if (c.indication) parts.push(`for ${c.indication}`);
  let text = parts.join(' ');
  if (c.max) {
    const per = c.max.per.unit === 'd' && c.max.per.value === 1 ? 'a day' : `in ${fmt(c.max.per.value)} ${c.max.per.unit === 'h' ? 'hours' : 'days'}`;
    const amount = amountText({ low: c.max.value, unit: c.max.unit });
    if (c.max.doses !== undefined) text += `, at most ${fmt(c.max.doses)} doses ${per} (${amount})`;
    else if (c.max.written) text += `, at most ${amountText({ low: c.max.written.value, unit: c.max.written.unit })} ${per} (= ${amount} by the sig's own "${amountText(c.stated ?? c.dose)}" per ${amountText(c.dose)})`;
    else text += `, at most ${amount} ${per}`;
  }
  if (c.duration) text += `, for ${fmt(c.duration.value)} ${UNIT_WORDS[c.duration.unit][c.duration.value === 1 ? 0 : 1]}`;
  if (c.count !== undefined) text += `, for up to ${fmt(c.count)} doses`;
  if (bounds?.start) text += `, from ${bounds.start}${bounds.end ? ` to ${bounds.end}` : ''}`;
  return text;
}
