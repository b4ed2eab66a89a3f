/**
 * Urine drug test interpretation by analyte, with opioid metabolism (udt-metabolism.ts): every resulted test gets a
 * verdict and a plain-words explanation.
 *
 * - A positive analyte is **expected** when a drug prescribed in the look-back (30 days, CDC CDS
 *   possible-unexpected-results) is that analyte or produces it: hydromorphone on a hydrocodone prescription is
 *   "a metabolite of the prescribed hydrocodone"; oxymorphone alone on oxycodone is explained.
 * - It is **unexpected** when nothing prescribed explains it: a non-prescribed parent drug (hydrocodone with only
 *   oxycodone prescribed), or a marker no prescription explains (6-MAM → heroin).
 * - A **class-level** screen (no analyte named, e.g. the opiate immunoassay) stays class-level: positive with a drug the
 *   class detects reliably → expected; with a drug it detects only partly (oxycodone on an opiate screen) → "review
 *   with the clinician" (not proof of anything); with nothing of the class prescribed → unexpected.
 * - A **negative** is unexpected only when a test on that collection date targets a prescribed opioid (names it, or is a
 *   class screen that reliably detects it) and neither the drug nor any of its metabolites was found on any test of
 *   that date. A metabolite-only test that is negative is never enough (minor metabolites are often absent).
 * - Non-opioid analytes (benzodiazepines, barbiturates, amphetamines, cannabinoids) are judged by class, as before;
 *   cocaine, PCP and xylazine are never explained by a prescription; antagonists (naloxone, naltrexone) and drugs
 *   this app does not track (antidepressants, …) are not interpreted.
 *
 * Every text is neutral ("Unexpected result — review with the clinician: …"): a result is a prompt to talk with the
 * patient and, if needed, confirm — never a label (CDC 2022 Rec 10; clinical-rules.md pitfall 13).
 */
import type { IsoDate } from '../types.ts';
import {
  ANTAGONISTS, CLASS_DETECTS, isKnownAnalyte, METABOLISM, OPIOID_CLASSES, parentsOf, producersOf, relationOf, type Relation,
} from './udt-metabolism.ts';
import type { UdtReading } from './udt-result.ts';

export type UdtVerdict = 'expected' | 'unexpected-positive' | 'unexpected-negative' | 'review-positive' | 'not-interpreted';

/** What interpretation needs from a resulted test (UdtTest in udt.ts carries more). */
export interface UdtResultLike {
  date: IsoDate;
  test: string;
  cls: string;
  /** Canonical analyte(s), '+'-joined ('' = class-level). */
  analyte: string;
  reading: UdtReading;
  shown: string;
  observationId?: string;
}

export interface UdtInterpretation {
  date: IsoDate;
  test: string;
  result: string;
  observationId?: string;
  verdict: UdtVerdict;
  analytes: string[];
  /** The finding in plain words ("Expected: hydromorphone is a metabolite of the prescribed hydrocodone"). */
  text: string;
  /** Supporting detail (what the test detects, what helps). */
  explanation?: string;
  /** For negatives: the prescribed substance the tests of that date did not find. */
  substance?: string;
}

export const UNEXPECTED = 'Unexpected result — review with the clinician';
export const REVIEW = 'Review with the clinician';
const LOOKBACK = 'in the 30 days before the test';
const CLASS_LABELS = new Set(['benzodiazepine', 'barbiturate', 'amphetamine', 'cannabinoid']);
const POPPY = 'Poppy seed foods can give low morphine/codeine results; a confirmatory test with levels helps tell them apart.';

const analytesOf = (t: UdtResultLike) => (t.analyte ? t.analyte.split('+') : []);

function relationText(analyte: string, drug: string, rel: Relation): string {
  if (rel === 'parent') return `${analyte} is prescribed`;
  return `${analyte} is ${rel === 'minor metabolite' ? 'a minor metabolite' : 'a metabolite'} of the prescribed ${drug}`;
}

function positiveLabel(analytes: string[]): { label: string; why: string } {
  const parts = analytes.map((a) => {
    if (a === '6-MAM') return '6-MAM (6-monoacetylmorphine, a marker specific to heroin)';
    if (a === 'heroin') return 'heroin (diamorphine)';
    if (METABOLISM[a]) return a;
    const by = producersOf(a).filter((d) => !METABOLISM[d].illicit);
    return by.length ? `${a} (a ${by.join('/')} metabolite)` : a;
  });
  const parents = analytes.flatMap((a) => (METABOLISM[a] && !METABOLISM[a].illicit ? [a] : producersOf(a).filter((d) => !METABOLISM[d].illicit)));
  const illicitOnly = analytes.every((a) => a === '6-MAM' || a === 'heroin' || a === '6-acetylcodeine');
  const allParents = analytes.every((a) => METABOLISM[a] && !METABOLISM[a].illicit);
  const why = illicitOnly ? 'no prescription explains it' : allParents || !parents.length ? `not prescribed ${LOOKBACK}` : `${[...new Set(parents)].join(' or ')} not prescribed ${LOOKBACK}`;
  return { label: parts.join(' or '), why };
}

function judgePositive(t: UdtResultLike, parents: Set<string>, labels: Set<string>): Omit<UdtInterpretation, 'date' | 'test' | 'result' | 'observationId'> {
  const analytes = analytesOf(t);
  const det = t.cls ? CLASS_DETECTS[t.cls] : undefined;
  if (analytes.length && analytes.every((a) => ANTAGONISTS.has(a))) {
    return { verdict: 'not-interpreted', analytes, text: `${analytes.join(' + ')}: an opioid antagonist, not interpreted` };
  }
  const opioidNamed = analytes.length > 0 && analytes.every((a) => isKnownAnalyte(a) || ANTAGONISTS.has(a));
  if (opioidNamed) {
    const matches: string[] = [];
    for (const a of analytes) for (const p of parents) {
      const rel = relationOf(p, a);
      if (rel) matches.push(relationText(a, p, rel));
    }
    if (matches.length) return { verdict: 'expected', analytes, text: `Expected: ${[...new Set(matches)].join('; ')}` };
    const { label, why } = positiveLabel(analytes.filter((a) => !ANTAGONISTS.has(a)));
    const poppy = analytes.some((a) => a === 'morphine' || a === 'codeine') && !analytes.includes('6-MAM');
    return {
      verdict: 'unexpected-positive',
      analytes,
      text: `${UNEXPECTED}: positive for ${label}, ${why}`,
      explanation: poppy ? POPPY : analytes.includes('6-MAM') ? '6-MAM is produced only from heroin and is short-lived; the result is a reason to talk with the patient and offer support.' : undefined,
    };
  }
  if (!det) return { verdict: 'not-interpreted', analytes, text: 'Not a drug this panel interprets' };
  // Class level: the test names no analyte, or one outside the metabolism table (an illicit fentanyl analogue, a
  // benzodiazepine metabolite, a synthetic cannabinoid). Non-opioid classes are judged by class.
  const has = (d: string) => parents.has(d) || labels.has(d);
  const reliable = det.reliable.filter(has);
  const partial = det.partial.filter(has);
  const named = analytes.join(' + ');
  const opioidClass = OPIOID_CLASSES.has(t.cls);
  const what = named ? `${named} (${det.label})` : det.label;
  if (reliable.length && !(named && opioidClass)) {
    return {
      verdict: 'expected',
      analytes,
      text: `Expected: the prescribed ${reliable.join(', ')} ${named && !opioidClass ? `(class ${det.label}) explains ${named}` : `is detected by this ${det.label} test`}`,
      explanation: named && !opioidClass ? `${det.label[0].toUpperCase()}${det.label.slice(1)} analytes are judged by class (metabolism within the class is not tabled).` : undefined,
    };
  }
  if (reliable.length || partial.length) {
    const drugs = [...reliable, ...partial].join(', ');
    return {
      verdict: 'review-positive',
      analytes,
      text: named
        ? `${REVIEW}: positive for ${what}; the prescribed ${drugs} is of the same class but does not produce ${named}`
        : `${REVIEW}: positive ${what}; this screen does not reliably detect the prescribed ${drugs}, so it cannot show which drug was found`,
      explanation: 'Not proof of anything: a confirmatory test (e.g. LC-MS/MS) names the drug; discuss the result with the patient.',
    };
  }
  if (!det.reliable.length && !det.partial.length) {
    return { verdict: 'unexpected-positive', analytes, text: `${UNEXPECTED}: positive for ${what}; no prescription explains it` };
  }
  return { verdict: 'unexpected-positive', analytes, text: `${UNEXPECTED}: positive for ${what}, not prescribed ${LOOKBACK}` };
}

/** Does a test target (name, or reliably detect at class level) any of these parent drugs? */
function targets(t: UdtResultLike, drugs: readonly string[]): boolean {
  const analytes = analytesOf(t);
  if (analytes.length) return analytes.some((a) => drugs.includes(a));
  return !!t.cls && (CLASS_DETECTS[t.cls]?.negative ?? []).some((d) => drugs.includes(d));
}

/** Was any of these drugs, or a metabolite of one, found on this (positive) test? */
function finds(t: UdtResultLike, drugs: readonly string[]): boolean {
  const analytes = analytesOf(t);
  if (analytes.length) return analytes.some((a) => drugs.some((d) => relationOf(d, a) !== null));
  return !!t.cls && (CLASS_DETECTS[t.cls]?.reliable ?? []).some((d) => drugs.includes(d));
}

/**
 * Interprets every resulted test (reading positive or negative; unknown readings are skipped). `prescribedAt(date)`
 * gives the substances prescribed around that date (medications/prescribed.ts: opioid ingredient names and the
 * labels benzodiazepine / barbiturate / amphetamine / cannabinoid).
 */
export function interpretUdt(tests: readonly UdtResultLike[], prescribedAt: (date: IsoDate) => Set<string>): UdtInterpretation[] {
  const out: UdtInterpretation[] = [];
  const byDate = new Map<IsoDate, UdtResultLike[]>();
  for (const t of tests) {
    if (t.reading === 'unknown') continue;
    const list = byDate.get(t.date) ?? [];
    list.push(t);
    byDate.set(t.date, list);
  }
  for (const [date, sameDay] of byDate) {
    const substances = prescribedAt(date);
    const parents = new Set([...substances].flatMap((s) => parentsOf(s)));
    const labels = new Set([...substances].filter((s) => CLASS_LABELS.has(s)));
    for (const t of sameDay) {
      const base = { date: t.date, test: t.test, result: t.shown, observationId: t.observationId };
      if (t.reading === 'positive') {
        out.push({ ...base, ...judgePositive(t, parents, labels) });
        continue;
      }
      // Negative results: expected unless they are the targeting test of an unexpected negative (below).
      out.push({ ...base, verdict: 'expected', analytes: analytesOf(t), text: 'Negative' });
    }
    for (const s of [...substances].sort()) {
      const drugs = parentsOf(s).filter((d) => !METABOLISM[d]?.illicit);
      if (!drugs.length) continue;
      const targeting = sameDay.filter((t) => t.reading === 'negative' && targets(t, drugs));
      if (!targeting.length) continue;
      if (sameDay.some((t) => t.reading === 'positive' && finds(t, drugs))) continue;
      const first = targeting[0];
      const idx = out.findIndex((o) => o.date === date && o.test === first.test && o.observationId === first.observationId && o.verdict === 'expected' && o.text === 'Negative');
      const metabolites = drugs.flatMap((d) => METABOLISM[d]?.metabolites ?? []);
      const alsoChecked = sameDay.filter((t) => t.reading === 'negative' && analytesOf(t).some((a) => metabolites.includes(a))).flatMap(analytesOf);
      const name = drugs.length === 1 && drugs[0] === s ? s : `${s} (${drugs.join(', ')})`;
      const finding: UdtInterpretation = {
        date,
        test: first.test,
        result: first.shown,
        observationId: first.observationId,
        verdict: 'unexpected-negative',
        analytes: analytesOf(first),
        substance: s,
        text: `${UNEXPECTED}: negative for prescribed ${name}`,
        explanation: `Neither ${drugs.join('/')} nor a metabolite of it was found on the tests of ${date}${alsoChecked.length ? ` (also negative: ${[...new Set(alsoChecked)].join(', ')})` : ''}. Timing of the last dose, dilution and the test's cut-off can explain a negative; discuss with the patient.`,
      };
      if (idx >= 0) out[idx] = finding;
      else out.push(finding);
    }
  }
  return out;
}
