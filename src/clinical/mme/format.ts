// Number-to-text conversion of fractions is slow in V8 and the same few values (strengths, factors, doses per
// day) recur in every derivation, so texts are memoised; bounded so that it cannot grow without limit.
const FMT_CACHE = new Map<number, string>();
const FMT_CACHE_LIMIT = 4096;

/** Number display for derivations: up to 2 decimals, trailing zeros dropped (values are never rounded before summing). */
export function fmt(n: number): string {
  let text = FMT_CACHE.get(n);
  if (text === undefined) {
    text = format(n);
    if (FMT_CACHE.size >= FMT_CACHE_LIMIT) FMT_CACHE.clear();
    FMT_CACHE.set(n, text);
  }
  return text;
}

function format(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? '0' : String(r);
}

/** "1 tab", "2 tabs", "1.5 mL" */
export function count(n: number, noun: string): string {
  const plural = n !== 1 && noun !== 'mL' && !noun.endsWith('s') ? (noun === 'patch' ? 'es' : 's') : '';
  return `${fmt(n)} ${noun}${plural}`;
}

/** Removes binary floating-point noise (28.799999999999997 → 28.8) from a result; not a clinical rounding. */
export function clean(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
