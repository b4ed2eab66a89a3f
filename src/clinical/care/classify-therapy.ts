/**
 * Non-drug pain therapy of a ServiceRequest / Procedure / referral code: curated SNOMED CT codes, CPT ranges and
 * ICD-10-PCS prefixes (care/therapy-codes.ts, each with its source), then the concept's text and displays as a
 * labelled fallback ("text …"). A code VSAC 1032.36 lists whose kind nothing names is "other". Text matching is
 * word-bounded and conservative: "PT/INR" is a blood test, "declined physical therapy" is no therapy, and a referral
 * to psychology says "pain" before it is called pain psychology.
 */
import type { CodeableConcept } from 'fhir/r4';
import { NONPHARM_ICD10PCS, NONPHARM_SNOMED } from '../codes/care.generated.ts';
import { normalizedCodings, SNOMED } from '../codes/systems.ts';
import { NOT_PAIN_THERAPY_SNOMED, THERAPY_CPT_RANGES, THERAPY_PCS_PREFIXES, THERAPY_SNOMED } from './therapy-codes.ts';
import type { TherapyClass, TherapyKind } from './types.ts';

const CPT = new Set(['http://www.ama-assn.org/go/cpt', 'https://www.ama-assn.org/go/cpt', 'urn:oid:2.16.840.1.113883.6.12', 'http://ama-assn.org/go/cpt']);
const PCS = new Set(['http://www.cms.gov/medicare/coding/icd10', 'http://hl7.org/fhir/sid/icd-10-pcs', 'http://www.icd10data.com/icd10pcs', 'urn:oid:2.16.840.1.113883.6.4']);
const VSAC_1032_36 = 'VSAC 2.16.840.1.113762.1.4.1032.36 "Non pharmacologic treatments for chronic pain"';

const BY_SNOMED = new Map(THERAPY_SNOMED.map((t) => [t.code, t]));
const IN_VSAC_SNOMED = new Set(NONPHARM_SNOMED);
const IN_VSAC_PCS = new Set(NONPHARM_ICD10PCS);

/** Text patterns, most specific first (case-insensitive, word-bounded). */
const TEXT_RULES: readonly [TherapyKind, RegExp, string?][] = [
  ['multidisciplinary pain program', /\b(multi|inter)-?disciplinary\b[^.;]{0,40}\bpain\b|\bpain\b[^.;]{0,30}\b(multi|inter)-?disciplinary\b|\bfunctional restoration\b|\bpain (rehabilitation|rehab) program|\bpain management program\b/i],
  ['pain psychology', /\bpain psycholog|\bpsycholog\w*\b[^.;]{0,40}\bpain\b|\bpain\b[^.;]{0,40}\bpsycholog|\bpain coping skills\b|\bbehavioral (medicine|health)\b[^.;]{0,40}\bpain\b/i],
  ['CBT / psychotherapy', /\bcognitive[- ]behavio(u)?ral\b|\bCBT\b|\bpsychotherap|\bacceptance and commitment therapy\b|\bmindfulness[- ]based\b|\bpsychologist\b|\bbehavioral health therapy\b/i],
  ['occupational therapy', /\boccupational therap|\bOT (eval|evaluation|referral|consult)\b/i],
  ['physical therapy', /\bphysical therap|\bphysiotherap|\bphysio\b|\bPT (eval|evaluation|referral|consult|visit)\b|\bphysical medicine (and|&) rehab/i],
  ['chiropractic', /\bchiropract|\bspinal manipulat/i],
  ['acupuncture', /\bacupunct|\belectroacupunct/i],
  ['massage', /\bmassage\b/i],
  ['exercise therapy', /\bexercise (therapy|program|programme|on prescription|prescription|class)\b|\btherapeutic exercise|\byoga\b|\btai[- ]chi\b|\baquatic therapy\b|\bhydrotherapy\b|\bstretching exercise/i],
  ['other', /\bosteopathic manipulat|\bOMT\b|\btranscutaneous electrical nerve stimulation\b|\bTENS\b|\bbiofeedback\b|\bheat therapy\b|\bcold therapy\b|\bice therapy\b|\bcognitive functional therapy\b/i, 'other non-drug therapy'],
];
const NEGATED = /\b(no|not|declined?|declines|refused?|refuses|without|cancel(l)?ed|never)\b[^.;]{0,25}$/i;
const REFERRAL = /\brefer(ral|red|)\b|\bconsult\b/i;

/** The therapy a text names, or null; the match must not be negated just before it ("declined physical therapy"). */
export function therapyOfText(text: string): { therapy: TherapyKind; matched: string; detail?: string } | null {
  if (!text || typeof text !== 'string') return null;
  for (const [therapy, re, detail] of TEXT_RULES) {
    const m = re.exec(text);
    if (!m) continue;
    if (NEGATED.test(text.slice(0, m.index))) return null;
    return { therapy, matched: m[0], ...(detail ? { detail } : {}) };
  }
  return null;
}

function texts(concept: CodeableConcept): string[] {
  const out: string[] = [];
  if (typeof concept.text === 'string') out.push(concept.text);
  for (const c of Array.isArray(concept.coding) ? concept.coding : []) if (c && typeof c.display === 'string') out.push(c.display);
  return out.filter((t) => t.trim() !== '');
}

const rawCodings = (concept: CodeableConcept) =>
  (Array.isArray(concept.coding) ? concept.coding : []).filter((c) => c && typeof c.code === 'string' && typeof c.system === 'string').map((c) => ({ system: (c.system as string).trim().replace(/\/+$/, '').toLowerCase(), code: (c.code as string).trim() }));

/** Non-drug pain therapy a ServiceRequest / Procedure / referral code names, or null. */
export function classifyTherapy(concept: CodeableConcept | null | undefined): TherapyClass | null {
  if (!concept || typeof concept !== 'object') return null;
  const snomed = normalizedCodings(concept).filter((c) => c.system === SNOMED);
  const allTexts = texts(concept);
  const referralText = allTexts.some((t) => REFERRAL.test(t));
  if (snomed.some((c) => NOT_PAIN_THERAPY_SNOMED[c.code])) return null;
  for (const c of snomed) {
    const t = BY_SNOMED.get(c.code);
    if (t) {
      return {
        therapy: t.therapy,
        matchedBy: `SNOMED ${t.code} "${t.display}" (curated, display from ${t.source}${t.vsac ? '; in VSAC 1032.36' : ''})`,
        ...(t.vsac ? { valueSet: VSAC_1032_36 } : {}),
        ...(t.therapy === 'other' ? { detail: t.display } : {}),
        ...(t.referral ? { referral: true } : {}),
      };
    }
  }
  for (const c of rawCodings(concept)) {
    if (CPT.has(c.system) && /^\d{5}$/.test(c.code)) {
      const n = Number(c.code);
      const r = THERAPY_CPT_RANGES.find((x) => n >= x.from && n <= x.to);
      if (r) return { therapy: r.therapy, matchedBy: `CPT ${c.code}: ${r.label}`, ...(r.therapy === 'other' ? { detail: r.label.replace(/ \d.*$/, '') } : {}) };
    }
    if (PCS.has(c.system)) {
      const code = c.code.toUpperCase();
      const p = THERAPY_PCS_PREFIXES.find((x) => code.startsWith(x.prefix));
      if (p) return { therapy: p.therapy, matchedBy: `ICD-10-PCS ${code}: ${p.label}`, ...(IN_VSAC_PCS.has(code) ? { valueSet: VSAC_1032_36 } : {}), ...(p.therapy === 'other' ? { detail: 'osteopathic manipulative treatment' } : {}) };
    }
  }
  const listed = snomed.find((c) => IN_VSAC_SNOMED.has(c.code));
  const listedPcs = rawCodings(concept).find((c) => PCS.has(c.system) && IN_VSAC_PCS.has(c.code.toUpperCase()));
  for (const t of allTexts) {
    const m = therapyOfText(t);
    if (!m) continue;
    const code = listed ? `SNOMED ${listed.code} in ${VSAC_1032_36}; kind from its text "${t}"` : `text "${t}" (no code recognised)`;
    return { therapy: m.therapy, matchedBy: code, ...(listed ? { valueSet: VSAC_1032_36 } : {}), ...(m.detail ? { detail: m.detail } : {}), ...(referralText ? { referral: true } : {}) };
  }
  if (listed || listedPcs) {
    const what = listed ? `SNOMED ${listed.code}` : `ICD-10-PCS ${listedPcs!.code}`;
    return { therapy: 'other', matchedBy: `${what} in ${VSAC_1032_36} (kind not named)`, valueSet: VSAC_1032_36, detail: allTexts[0] ?? 'non-pharmacologic treatment' };
  }
  return null;
}
