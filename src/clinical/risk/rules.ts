/**
 * Risk tier rules (issue 4; clinical-rules.md §5.2). Highest triggered tier wins; every trigger is a Reason
 * with its numbers and its source (guideline + policy key). Order of evaluation:
 *   1. excluded population (age < 18, sickle cell, active cancer treatment, hospice/end-of-life) → not-applicable
 *   2. no current opioid analgesic order (MOUD alone does not count) → not-applicable; unknown when the
 *      medication orders could not be read
 *   3. high / moderate triggers (a moderate tier also lists unread sources: they could hide a high trigger)
 *   4. low only when nothing triggered AND an ORT is on file AND the MME is complete AND every source that
 *      could hold a trigger was read; otherwise unknown with the missing pieces (missing data never yields low).
 */
import { addDays } from '../dates.ts';
import { fmt } from '../mme/format.ts';
import { CITE, clinicPolicy, reason } from '../policy/citations.ts';
import type { Policy } from '../policy/types.ts';
import type { Reason, RiskResult } from '../types.ts';
import { exclusionReasons, sourceGap } from './exclusions.ts';
import { currentAnalgesics, currentMoud, isLongActing, type RiskFacts } from './facts.ts';

export { exclusionReasons, sourceGap };

const r = reason;
const days = (n: number) => `${n} days`;
/** Latest date a condition is known to have been present: recorded/onset, or its abatement (active until then). */
const lastSeen = (c: { date: string | null; abatement: string | null }, asOf: string): string | null =>
  [c.date, c.abatement].filter((d): d is string => !!d && d <= asOf).sort().at(-1) ?? null;
const names = (xs: { medication?: string; display?: string }[]) => [...new Set(xs.map((x) => x.medication ?? x.display))].join(', ');

/** "Total MME 96 MME/day", or "MME at least 90 MME/day (1 order could not be converted)". */
function mmeText(f: RiskFacts): string {
  if (f.mme.complete) return `Total MME ${fmt(f.mme.atLeast)} MME/day`;
  const n = f.mme.orders.filter((o) => o.status === 'unknown').length;
  return `MME at least ${fmt(f.mme.atLeast)} MME/day (${n} order${n === 1 ? '' : 's'} could not be converted)`;
}

/** An MME that could not be fully computed: never "< 50", never low. */
export function mmeGap(f: Pick<RiskFacts, 'mme'>): Reason | null {
  if (f.mme.complete && f.mme.totalPerDay !== null) return null;
  const unknown = f.mme.orders.filter((o) => o.status === 'unknown');
  const least = f.mme.atLeast > 0 ? `at least ${fmt(f.mme.atLeast)} MME/day; ` : '';
  return r('U-mme-incomplete', `MME unknown — verify: ${least}${unknown.length} order${unknown.length === 1 ? '' : 's'} could not be converted (${names(unknown)}); the total could be higher`, [CITE.panelMissingData]);
}

export function highReasons(f: RiskFacts, policy: Policy): Reason[] {
  const p = policy.risk;
  const out: Reason[] = [];
  const recent = addDays(f.asOf, -p.sudRecentDays.value);
  const overdose = f.conditions.find((c) => c.kind === 'overdose');
  if (overdose) out.push(r('H1-overdose', `Opioid overdose/poisoning on record: ${overdose.display} (${overdose.code}${overdose.onsetOrRecorded ? `, ${overdose.onsetOrRecorded}` : ''})`, [CITE.cdc2022Rec8, CITE.storm]));
  // OUD not coded as remission: active, or inactive/resolved but recorded in the last 12 months (same recency rule
  // as other SUD; without it a recently resolved OUD fell through both tiers and could yield "low").
  const oud = f.conditions.find((c) => c.kind === 'oud' && (c.active || (!c.inRemission && (lastSeen(c, f.asOf) ?? '') >= recent)));
  if (oud) {
    const why = oud.active ? 'not in remission' : `${oud.clinicalStatus ?? 'not active'}, last recorded/abated ${lastSeen(oud, f.asOf)}, not coded as remission`;
    out.push(r('H2-oud', `Opioid use disorder, ${why}: ${oud.display} (${oud.code}) — offer MOUD`, [CITE.cdc2022Rec12, CITE.sixBBComplex, clinicPolicy(`recent means within ${days(p.sudRecentDays.value)}`)]));
  }
  const sud = f.conditions.find((c) => c.kind === 'other-sud' && !c.inRemission && (c.active || (lastSeen(c, f.asOf) ?? '') >= recent));
  if (sud) {
    const why = sud.active ? 'active' : `last recorded/abated ${lastSeen(sud, f.asOf)}`;
    out.push(r('H3-sud-recent', `Substance use disorder (${why}): ${sud.display} (${sud.code})`, [CITE.riskScheme, clinicPolicy(`recent means within ${days(p.sudRecentDays.value)}`), ...p.sudRecentDays.source]));
  }
  if (f.mme.atLeast >= p.highMme.value) {
    out.push(r('H4-mme-90', `${mmeText(f)} ≥ ${p.highMme.value}`, [clinicPolicy(`${p.highMme.value} MME/day or more is high`), ...p.highMme.source]));
  }
  const benzos = f.orders.filter((o) => o.class === 'benzodiazepine' && o.current);
  const opioids = currentAnalgesics(f.mme);
  if (benzos.length && opioids.length) {
    out.push(r('H5-benzo-overlap', `Benzodiazepine current with an opioid: ${names(benzos)} with ${names(opioids)}`, [CITE.cdc2022Rec11, CITE.riskScheme]));
  }
  const ort = f.ort.at(-1);
  if (ort && ort.value >= p.ortHigh.value) out.push(r('H6-ort-8', `ORT ${fmt(ort.value)} on ${ort.date} ≥ ${p.ortHigh.value}`, [clinicPolicy(`ORT ${p.ortHigh.value} or more is high`), ...p.ortHigh.source]));
  return out;
}

export function moderateReasons(f: RiskFacts, policy: Policy): Reason[] {
  const p = policy.risk;
  const out: Reason[] = [];
  const least = f.mme.atLeast;
  if (least >= p.moderateMme.value && least < p.highMme.value) {
    out.push(r('M1-mme-50', `${mmeText(f)} is ${f.mme.complete ? '' : 'at least '}${p.moderateMme.value}–${p.highMme.value - 1}`, [clinicPolicy(`${p.moderateMme.value}–${p.highMme.value - 1} MME/day is moderate`), ...p.moderateMme.source]));
  }
  const ort = f.ort.at(-1);
  if (ort && ort.value >= p.ortModerate.value && ort.value < p.ortHigh.value) {
    out.push(r('M2-ort-4', `ORT ${fmt(ort.value)} on ${ort.date} is ${p.ortModerate.value}–${p.ortHigh.value - 1}`, [clinicPolicy(`ORT ${p.ortModerate.value}–${p.ortHigh.value - 1} is moderate`), ...p.ortModerate.source]));
  }
  const recent = addDays(f.asOf, -p.sudRecentDays.value);
  const sudHistory = f.conditions.find(
    (c) => (c.kind === 'oud' || c.kind === 'other-sud') && (c.inRemission || (!c.active && (lastSeen(c, f.asOf) ?? '') < recent)),
  );
  if (sudHistory) {
    const why = sudHistory.inRemission ? 'in remission' : `not active, recorded ${sudHistory.date ?? 'date unknown'}`;
    out.push(r('M3-sud-history', `Substance use disorder history (${why}): ${sudHistory.display} (${sudHistory.code})`, [CITE.riskScheme, clinicPolicy(`history means in remission or older than ${days(p.sudRecentDays.value)}`)]));
  }
  const mental = f.conditions.find((c) => (c.kind === 'depression' || c.kind === 'anxiety-ptsd') && c.active);
  if (mental) out.push(r('M4-mental-health', `${mental.category[0].toUpperCase()}${mental.category.slice(1)} diagnosis: ${mental.display} (${mental.code})`, [CITE.cdc2022Rec8, CITE.webster]));
  const from = addDays(f.asOf, -p.mentalHealthScoreDays.value);
  const phq9 = f.phq9.filter((s) => s.date >= from && s.value >= p.phq9Moderate.value).at(-1);
  if (phq9) out.push(r('M4-phq9', `PHQ-9 ${fmt(phq9.value)} on ${phq9.date} ≥ ${p.phq9Moderate.value}`, [clinicPolicy(`PHQ-9 ${p.phq9Moderate.value} or more within ${days(p.mentalHealthScoreDays.value)}`), ...p.phq9Moderate.source, CITE.cdc2022Rec8]));
  const gad7 = f.gad7.filter((s) => s.date >= from && s.value >= p.gad7Moderate.value).at(-1);
  if (gad7) out.push(r('M4-gad7', `GAD-7 ${fmt(gad7.value)} on ${gad7.date} ≥ ${p.gad7Moderate.value}`, [clinicPolicy(`GAD-7 ${p.gad7Moderate.value} or more within ${days(p.mentalHealthScoreDays.value)}`), ...p.gad7Moderate.source, CITE.cdc2022Rec8]));
  const osa = f.conditions.find((c) => c.kind === 'sleep-apnea' && c.active);
  if (osa) out.push(r('M5-sleep-apnea', `Sleep apnea: ${osa.display} (${osa.code})`, [CITE.cdc2022Rec8]));
  const cns = f.orders.filter((o) => o.class === 'cns-depressant' && o.current);
  if (cns.length) out.push(r('M6-cns-depressant', `Other CNS depressant current: ${cns.map((o) => `${o.display} — ${o.detail?.replace('CNS depressant: ', '') ?? 'CNS depressant'}`).join('; ')} (sedation and breathing risk add up with opioids)`, [CITE.cdc2022Rec11, CITE.waRules]));
  if (f.age !== null && f.age >= p.olderAge.value) out.push(r('M7-age-65', `Age ${f.age} ≥ ${p.olderAge.value}`, [clinicPolicy(`age ${p.olderAge.value} or older`), ...p.olderAge.source]));
  const la = currentAnalgesics(f.mme).filter(isLongActing);
  if (la.length) out.push(r('M8-long-acting', `Extended-release/long-acting opioid or methadone: ${names(la)}`, [CITE.cdc2022Rec3]));
  return out;
}

/** What keeps the tier from being "low" when nothing triggered. */
export function missingPieces(f: RiskFacts): Reason[] {
  const out: Reason[] = [];
  const surveys = sourceGap(f, 'surveys');
  if (f.ort.length === 0) {
    out.push(surveys ? r('U-ort', `ORT could not be checked: surveys ${surveys}`, [CITE.panelMissingData, CITE.sixBBAssessments]) : r('U-no-ort', 'No ORT on file', [CITE.panelMissingData, CITE.sixBBAssessments, CITE.webster]));
  }
  const gap = mmeGap(f);
  if (gap) out.push(gap);
  for (const key of ['conditions', 'medications', 'patient'] as const) {
    const gap = sourceGap(f, key);
    if (gap) out.push(r(`U-source-${key}`, `${key[0].toUpperCase()}${key.slice(1)} ${gap}: risk factors cannot be ruled out`, [CITE.panelMissingData]));
  }
  if (surveys && f.ort.length > 0) out.push(r('U-source-surveys', `Surveys ${surveys}: PHQ-9/GAD-7 cannot be ruled out`, [CITE.panelMissingData]));
  if (f.age === null && !sourceGap(f, 'patient')) out.push(r('U-age', 'Birth date unknown: age ≥ 65 cannot be ruled out', [CITE.panelMissingData, CITE.cdc2022Rec8]));
  return out;
}

export function evaluateRisk(f: RiskFacts, policy: Policy): RiskResult {
  const opioids = currentAnalgesics(f.mme);
  // An excluded population is not-applicable whatever the orders are, so it is decided before the medication gap.
  const excluded = exclusionReasons(f, policy);
  if (excluded.length) return { tier: 'not-applicable', reasons: excluded };
  const medsGap = sourceGap(f, 'medications');
  if (opioids.length === 0 && medsGap) {
    return { tier: 'unknown', reasons: [r('U-source-medications', `Medication orders ${medsGap}: cannot tell whether an opioid is current`, [CITE.panelMissingData])] };
  }
  if (opioids.length === 0) {
    const moud = [...currentMoud(f.mme), ...f.orders.filter((o) => o.class === 'moud' && o.current)];
    const text = moud.length
      ? `No current opioid analgesic order; MOUD (${names(moud)}) is not counted`
      : 'No current opioid analgesic order';
    return { tier: 'not-applicable', reasons: [r('NA-no-opioid', text, [CITE.sixBB, CITE.cdc2022Rec12])] };
  }
  const high = highReasons(f, policy);
  if (high.length) return { tier: 'high', reasons: high };
  const moderate = moderateReasons(f, policy);
  // A source that was not fully read, or an MME that could not be computed, could hide a high trigger: say so
  // beside the moderate reasons (never silent).
  if (moderate.length) {
    const hidden = missingPieces(f).filter((m) => m.id.startsWith('U-source-') || (m.id === 'U-mme-incomplete' && f.mme.atLeast < policy.risk.highMme.value));
    return { tier: 'moderate', reasons: [...moderate, ...hidden] };
  }
  const missing = missingPieces(f);
  if (missing.length) return { tier: 'unknown', reasons: missing };
  const ort = f.ort.at(-1)!;
  return {
    tier: 'low',
    reasons: [r('L0-low', `No risk factor found; ORT ${fmt(ort.value)} on ${ort.date}; total MME ${fmt(f.mme.totalPerDay ?? 0)} MME/day, complete`, [CITE.panelMissingData, CITE.webster])],
  };
}
