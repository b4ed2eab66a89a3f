import type { Patient } from 'fhir/r4';

/** "Ana Ruiz" (given family) for Task.for.display; null without a name. */
export function displayName(p: Patient | undefined): string | null {
  const n = p?.name?.find((x) => x.use === 'official') ?? p?.name?.[0];
  if (!n) return null;
  return n.text ?? ([...(n.given ?? []), n.family].filter(Boolean).join(' ') || null);
}
