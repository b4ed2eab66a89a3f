/**
 * Sig text → one lower-case line of tokens separated by single spaces (with a trailing space), or a reason it
 * cannot be read at all. Numbers become digits ("two" → 2, "1/2" and "½" → 0.5), dotted abbreviations lose
 * their dots ("b.i.d." → bid), digits and letters are split ("q4-6hrs" → "q 4 - 6 hrs"), Epic's restated
 * numbers are checked and dropped ("every 12 (twelve) hours" → "every 12 hours"; a mismatch is refused).
 *
 * @example
 *   normalizeSig('Take 1-2 tabs PO q4-6h PRN pain, max 8/day')
 *   // { ok: true, text: 'take 1 - 2 tabs po q 4 - 6 h prn pain , max 8 / day ' }
 */
import { NUMBER_WORDS } from './lexicon.ts';

export type Normalized = { ok: true; text: string } | { ok: false; reason: string };

/** Longest sig text read; anything longer is not a single sig. */
export const MAX_SIG_LENGTH = 500;

const FRACTION_CHARS: Record<string, string> = { '½': '.5', '¼': '.25', '¾': '.75' };
const FRACTIONS: Record<string, number> = { '1/2': 0.5, '1/4': 0.25, '3/4': 0.75 };

function fractions(t: string): string {
  return t
    .replace(/(\d*)\s*([½¼¾])/g, (_m, whole: string, f: string) => `${whole || '0'}${FRACTION_CHARS[f]}`)
    .replace(/\b(?:one|a)[- ]half\b|\bhalf(?: a| of a| of 1)?\b/g, '0.5')
    .replace(/\b(?:1|one) and (?:a|one)[- ]half\b/g, '1.5')
    .replace(/(?<![\d./])(?:(\d+)(?: and |\s+))?([13])\/([24])(?![\d/])/g, (m, whole: string | undefined, n: string, d: string) => {
      const f = FRACTIONS[`${n}/${d}`];
      return f === undefined ? m : String((whole ? Number(whole) : 0) + f);
    });
}

function punctuation(t: string): string {
  return t
    .replace(/\b(?:[a-z]\.){1,4}[a-z]?(?![a-z])/g, (m) => m.replace(/\./g, '')) // b.i.d. → bid, p.o. → po
    .replace(/(\d),(\d{3})(?!\d)/g, '$1$2') // 1,000 → 1000
    .replace(/\((e?s)\)/g, '$1') // tablet(s) → tablets
    .replace(/\(\s*also known as [^)]*\)|^\s*\([a-z][a-z \-]*\)/g, ' ') // brand names
    .replace(/(\d)\s*(h|hr|hrs|hours?)prn\b/g, '$1$2 prn') // q4hprn
    .replace(/(\d)\.(?!\d)|(?<!\d)\./g, '$1 . ') // sentence dots, not decimal points
    .replace(/[:=*"]/g, ' ')
    .replace(/&/g, ' and ')
    .replace(/@/g, ' at ')
    .replace(/[,;()/#+%<>~]/g, (c) => ` ${c} `)
    .replace(/(?<=\d)\s*-|-\s*(?=\d)|\s-|-\s|^-|-$/g, ' - ')
    .replace(/(\d)([a-z])/g, '$1 $2')
    .replace(/([a-z])(\d)/g, '$1 $2');
}

function numberWords(t: string): string {
  return t.replace(/\b[a-z]+(?:-[a-z]+)?\b/g, (w) => (w in NUMBER_WORDS ? String(NUMBER_WORDS[w]) : w));
}

/** "12 ( 12 )" → "12"; a restatement that disagrees is a reason to refuse. */
function restatements(t: string): Normalized {
  let conflict: string | undefined;
  const text = t.replace(/(\d+(?:\.\d+)?) \( (\d+(?:\.\d+)?) \)/g, (m, a: string, b: string) => {
    if (Number(a) !== Number(b)) conflict ??= m.replace(/ \( /, ' (').replace(/ \)/, ')');
    return a;
  });
  return conflict ? { ok: false, reason: `a number and its restatement disagree: "${conflict}"` } : { ok: true, text };
}

export function normalizeSig(input: unknown): Normalized {
  if (typeof input !== 'string') return { ok: false, reason: 'sig is not text' };
  const raw = input.trim();
  if (raw === '') return { ok: false, reason: 'empty sig' };
  if (raw.length > MAX_SIG_LENGTH) return { ok: false, reason: `too long for one sig (${raw.length} characters; at most ${MAX_SIG_LENGTH} are read)` };
  let t = raw.toLowerCase().replace(/[–—−‐]/g, '-').replace(/[’‘]/g, "'").replace(/µ/g, 'u').replace(/\s+/g, ' ');
  if (/[^\x20-\x7e½¼¾]/.test(t)) return { ok: false, reason: 'text has characters outside English (A–Z) text; not read' };
  if (/(?:^|[\s(=:,])\.\d/.test(t)) return { ok: false, reason: 'number with a naked decimal point (".5"): error-prone (ISMP), not read' };
  if (/\b\d+(?:\.\d+)?e[+-]?\d+\b/.test(t)) return { ok: false, reason: 'number in exponent notation; not read' };
  t = punctuation(fractions(t));
  t = numberWords(t);
  const checked = restatements(t.replace(/\s+/g, ' ').trim());
  if (!checked.ok) return checked;
  return { ok: true, text: `${checked.text} ` };
}
