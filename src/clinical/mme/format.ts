/** Number display for derivations: up to 2 decimals, trailing zeros dropped (values are never rounded before summing). */
export function fmt(n: number): string {
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
