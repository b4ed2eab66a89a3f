/**
 * Survey scores: PHQ-9 (total 44261-6, or the sum of 9 items in a 44249-1 panel; item 9 = 44260-8), PHQ-2
 * (55758-7 total, also as a component of the 55757-9 panel), GAD-7 (70274-6) and ORT (91392-1), with severity
 * bands (clinical-rules.md §3). Panels are never read as totals (pitfall 10).
 */
import type { Observation } from 'fhir/r4';
import { codeSet, LOINC } from '../codes/systems.ts';
import type { Policy } from '../policy/types.ts';
import type { IsoDate, ScoreEntry } from '../types.ts';
import { componentValue, hasCode, numericValue, observationDate } from './values.ts';

export function phq9Band(score: number): string {
  if (score >= 20) return 'severe';
  if (score >= 15) return 'moderately severe';
  if (score >= 10) return 'moderate';
  if (score >= 5) return 'mild';
  return 'minimal';
}

export function gad7Band(score: number): string {
  if (score >= 15) return 'severe';
  if (score >= 10) return 'moderate';
  if (score >= 5) return 'mild';
  return 'minimal';
}

export function ortBand(score: number, policy: Policy): string {
  if (score >= policy.risk.ortHigh.value) return 'high';
  if (score >= policy.risk.ortModerate.value) return 'moderate';
  return 'low';
}

const PHQ9_PANEL = codeSet([{ system: LOINC, code: '44249-1' }]);
const PHQ2_PANEL = codeSet([{ system: LOINC, code: '55757-9' }]);
const PHQ9_ITEMS = ['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8'];

export interface Phq9Entry extends ScoreEntry {
  item9: number | null;
}

/** One entry per date (the last observation of the day wins); oldest first. */
function perDate<T extends ScoreEntry>(entries: T[]): T[] {
  const byDate = new Map<string, T>();
  for (const e of entries) byDate.set(e.date, e);
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export function readPhq9(obs: readonly Observation[], policy: Policy): Phq9Entry[] {
  const total = codeSet(policy.codes.phq9Total.codes);
  const item9 = codeSet(policy.codes.phq9Item9.codes);
  const items = PHQ9_ITEMS.map((code) => codeSet([{ system: LOINC, code }]));
  const entries: Phq9Entry[] = [];
  const item9ByDate = new Map<string, number>();
  for (const o of obs) {
    try {
      const date = observationDate(o) as IsoDate;
      if (hasCode(o, item9)) {
        const v = numericValue(o);
        if (v !== null) item9ByDate.set(date, v);
        continue;
      }
      let value: number | null = null;
      if (hasCode(o, total)) value = numericValue(o);
      else if (hasCode(o, PHQ9_PANEL)) {
        value = componentValue(o, total); // never the panel's own value (pitfall 10)
        if (value === null) {
          const parts = items.map((s) => componentValue(o, s));
          if (parts.every((p) => p !== null)) value = (parts as number[]).reduce((a, b) => a + b, 0);
        }
      } else continue;
      if (value === null) continue;
      entries.push({ date, value, band: phq9Band(value), observationId: o.id, item9: componentValue(o, item9) });
    } catch {
      // malformed resource (a field of the wrong type): skipped, never fatal
    }
  }
  return perDate(entries).map((e) => ({ ...e, item9: e.item9 ?? item9ByDate.get(e.date) ?? null }));
}

/** Item codes of the short instruments, summed when a panel carries its items but no total. */
const PHQ2_ITEMS = ['44250-9', '44255-8'];
const GAD7_ITEMS = ['69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7'];

function readSimple(obs: readonly Observation[], codes: Set<string>, panel: Set<string> | null, band?: (n: number) => string, items: string[] = []): ScoreEntry[] {
  const itemSets = items.map((code) => codeSet([{ system: LOINC, code }]));
  const entries: ScoreEntry[] = [];
  for (const o of obs) {
    try {
      let value: number | null = null;
      if (hasCode(o, codes)) value = numericValue(o);
      else if (panel && hasCode(o, panel)) {
        value = componentValue(o, codes); // never the panel's own value (pitfall 10)
        if (value === null && itemSets.length) {
          const parts = itemSets.map((set) => componentValue(o, set));
          if (parts.every((p) => p !== null)) value = (parts as number[]).reduce((a, b) => a + b, 0);
        }
      }
      if (value === null) continue;
      entries.push({ date: observationDate(o) as IsoDate, value, band: band?.(value), observationId: o.id });
    } catch {
      // malformed resource (a field of the wrong type): skipped, never fatal
    }
  }
  return perDate(entries);
}

export const readPhq2 = (obs: readonly Observation[], policy: Policy) => readSimple(obs, codeSet(policy.codes.phq2Total.codes), PHQ2_PANEL, undefined, PHQ2_ITEMS);
export const readGad7 = (obs: readonly Observation[], policy: Policy) =>
  readSimple(obs, codeSet(policy.codes.gad7Total.codes), codeSet([{ system: LOINC, code: '69737-5' }]), gad7Band, GAD7_ITEMS);
export const readOrt = (obs: readonly Observation[], policy: Policy) =>
  readSimple(obs, codeSet(policy.codes.ortTotal.codes), null, (n) => ortBand(n, policy));
