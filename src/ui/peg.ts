/**
 * PEG (Krebs et al., J Gen Intern Med 2009): the validated wording, answer parsing and the mean.
 * The mean keeps its decimals; only the display rounds to one.
 */
import type { IsoDate } from '../clinical/types.ts';
import { formatDate, formatPeg } from './format.ts';

export type PegItemKey = 'pain' | 'enjoyment' | 'activity';

export interface PegQuestion {
  key: PegItemKey;
  label: string;
  question: string;
  anchors: string;
}

/** In the validated order (P, E, G). */
export const PEG_QUESTIONS: PegQuestion[] = [
  {
    key: 'pain',
    label: 'Pain',
    question: 'What number best describes your pain on average in the past week?',
    anchors: '0 = no pain, 10 = pain as bad as you can imagine',
  },
  {
    key: 'enjoyment',
    label: 'Enjoyment of life',
    question: 'What number best describes how, during the past week, pain has interfered with your enjoyment of life?',
    anchors: '0 = does not interfere, 10 = completely interferes',
  },
  {
    key: 'activity',
    label: 'General activity',
    question: 'What number best describes how, during the past week, pain has interfered with your general activity?',
    anchors: '0 = does not interfere, 10 = completely interferes',
  },
];

export type PegAnswers = Record<PegItemKey, number>;
export type PegDraft = Record<PegItemKey, string>;

export const EMPTY_DRAFT: PegDraft = { pain: '', enjoyment: '', activity: '' };

/** A whole number 0–10, or the message that refuses the input. */
export function parsePegAnswer(raw: string): { value: number } | { error: string } {
  const text = raw.trim();
  if (text === '') return { error: 'Required: enter a whole number from 0 to 10.' };
  if (!/^\d{1,2}$/.test(text) || Number(text) > 10) return { error: 'Enter a whole number from 0 to 10.' };
  return { value: Number(text) };
}

/** All three answers when every one is valid, else null. */
export function parseDraft(draft: PegDraft): PegAnswers | null {
  const out: Partial<PegAnswers> = {};
  for (const { key } of PEG_QUESTIONS) {
    const parsed = parsePegAnswer(draft[key]);
    if (!('value' in parsed)) return null;
    out[key] = parsed.value;
  }
  return out as PegAnswers;
}

export function pegMean(a: PegAnswers): number {
  return (a.pain + a.enjoyment + a.activity) / 3;
}

/** Text for the chart when the app may not write: what to paste into the EHR. */
export function pegCopyText(a: PegAnswers, date: IsoDate): string {
  return (
    `PEG ${formatDate(date)}: pain ${a.pain}/10, enjoyment of life interference ${a.enjoyment}/10, ` +
    `general activity interference ${a.activity}/10; PEG score (mean) ${formatPeg(pegMean(a))} (LOINC 91148-7).`
  );
}
