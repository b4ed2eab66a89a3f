/**
 * Code-system URI normalisation and coding matchers (clinical-rules.md pitfall 10: COSRI writes LOINC as
 * https://loinc.org, some files use the WHO icd-10 URI for ICD-10-CM codes, OIDs appear as urn:oid:...).
 * Matching is always on system + code, over ALL codings of a CodeableConcept.
 */
import type { CodeableConcept, Coding } from 'fhir/r4';

export const LOINC = 'http://loinc.org';
export const SNOMED = 'http://snomed.info/sct';
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const ICD10CM = 'http://hl7.org/fhir/sid/icd-10-cm';

/** Aliases seen in the wild → canonical FHIR URI (lower-cased, trailing slash removed before lookup). */
const ALIASES: Record<string, string> = {
  'http://loinc.org': LOINC,
  'https://loinc.org': LOINC,
  'urn:oid:2.16.840.1.113883.6.1': LOINC,
  'http://snomed.info/sct': SNOMED,
  'https://snomed.info/sct': SNOMED,
  'urn:oid:2.16.840.1.113883.6.96': SNOMED,
  'http://www.nlm.nih.gov/research/umls/rxnorm': RXNORM,
  'https://www.nlm.nih.gov/research/umls/rxnorm': RXNORM,
  'urn:oid:2.16.840.1.113883.6.88': RXNORM,
  'http://hl7.org/fhir/sid/icd-10-cm': ICD10CM,
  'https://hl7.org/fhir/sid/icd-10-cm': ICD10CM,
  'urn:oid:2.16.840.1.113883.6.90': ICD10CM,
  // WHO ICD-10 URI used for ICD-10-CM codes in practice (pitfall 10): the code formats coincide for the
  // categories we match (F1x, T40, G47.3, D57, C00-C96), so we treat it as ICD-10-CM.
  'http://hl7.org/fhir/sid/icd-10': ICD10CM,
  'https://hl7.org/fhir/sid/icd-10': ICD10CM,
  'urn:oid:2.16.840.1.113883.6.3': ICD10CM,
};

const NORMALIZED = new Map<string, string>(); // few distinct systems; memoized for the registry's volume
export function normalizeSystem(system: string | undefined | null): string {
  if (!system) return '';
  let out = NORMALIZED.get(system);
  if (out === undefined) {
    const key = system.trim().replace(/\/+$/, '').toLowerCase();
    out = ALIASES[key] ?? system.trim();
    if (NORMALIZED.size < 1000) NORMALIZED.set(system, out);
  }
  return out;
}

/** Codes are compared trimmed; ICD-10-CM codes upper-cased (some feeds send "f11.20"). */
export function normalizeCode(system: string, code: string | undefined | null): string {
  if (!code) return '';
  const c = code.trim();
  return system === ICD10CM ? c.toUpperCase() : c;
}

export interface NormalizedCoding {
  system: string;
  code: string;
  display: string;
}

/** Malformed input (coding not an array, non-string codes) yields no codings rather than an exception. */
export function normalizedCodings(concept: CodeableConcept | undefined | null): NormalizedCoding[] {
  const out: NormalizedCoding[] = [];
  const codings = concept && Array.isArray(concept.coding) ? concept.coding : [];
  for (const c of codings) {
    if (!c || typeof c !== 'object') continue;
    const system = normalizeSystem(typeof c.system === 'string' ? c.system : '');
    const code = normalizeCode(system, typeof c.code === 'string' ? c.code : typeof c.code === 'number' ? String(c.code) : '');
    if (code) out.push({ system, code, display: typeof c.display === 'string' ? c.display : '' });
  }
  return out;
}

/** A simple code reference, as used in the policy file and the generated value sets. */
export interface CodeRef {
  system: string;
  code: string;
  display?: string;
}

/** Key "system|code" for set lookups. */
export function codeKey(system: string, code: string): string {
  const s = normalizeSystem(system);
  return `${s}|${normalizeCode(s, code)}`;
}

export function codeSet(refs: readonly CodeRef[]): Set<string> {
  return new Set(refs.map((r) => codeKey(r.system, r.code)));
}

/** The first coding of the concept that is in the set, or null. */
export function findCoding(concept: CodeableConcept | undefined | null, set: Set<string>): NormalizedCoding | null {
  for (const c of normalizedCodings(concept)) if (set.has(`${c.system}|${c.code}`)) return c;
  return null;
}

export function systemLabel(system: string): string {
  if (system === LOINC) return 'LOINC';
  if (system === SNOMED) return 'SNOMED';
  if (system === RXNORM) return 'RxNorm';
  if (system === ICD10CM) return 'ICD-10-CM';
  return system || 'no system';
}

export function codingLabel(c: Pick<Coding, 'system' | 'code'>): string {
  return `${systemLabel(normalizeSystem(c.system))} ${c.code ?? ''}`.trim();
}

/** Display text of a concept: text, else first display, else first code. */
export function conceptText(concept: CodeableConcept | undefined | null): string {
  if (!concept || typeof concept !== 'object') return '';
  if (typeof concept.text === 'string') return concept.text;
  const codings = normalizedCodings(concept);
  return codings.find((c) => c.display)?.display ?? codings[0]?.code ?? '';
}
