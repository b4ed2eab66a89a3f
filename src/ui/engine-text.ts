/**
 * Engine wording as a clinician reads it: ISO dates the US way, resource ids replaced by the order's date and
 * product ("duplicate/overlapping refill of the 11/13/2026 order"), urine drug test class keys and data-source
 * keys in words. The engine's own texts (summarize JSON) keep their ids; only what is displayed is mapped.
 */
import { createContext, useContext } from 'react';
import type { PanelSummary, SourceKey } from '../clinical/types.ts';
import { formatDate, usDates } from './format.ts';
import { SOURCE_LABEL } from './labels.ts';

export type EngineText = (text: string) => string;

/** Urine drug test classes of the value sets, as a lab report would name them. */
const UDT_CLASS: Record<string, string> = {
  'general-opiate': 'opiates',
  'opiate-specific': 'opiates',
  'fentanyl-type': 'fentanyl',
  'synthetic-opioid': 'synthetic opioids',
};

const SOURCE_STATE: Record<string, string> = {
  'could not be read': 'could not be read',
  partial: 'only partly read',
  loading: 'still loading',
  'not-requested': 'not part of this launch',
};

/** "udt: could not be read (HTTP 503)" — the engine names a data source by its key. */
const SOURCE_GAP = new RegExp(`\\b(${Object.keys(SOURCE_LABEL).join('|')}): (could not be read|partial|loading|not-requested)`, 'g');

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function common(text: string): string {
  let out = text;
  for (const [key, words] of Object.entries(UDT_CLASS)) out = out.replace(new RegExp(`\\b${escape(key)}\\b`, 'g'), words);
  out = out.replace(SOURCE_GAP, (_, key: SourceKey, state: string) => `${SOURCE_LABEL[key]}: ${SOURCE_STATE[state] ?? state}`);
  return usDates(out);
}

/** Without a summary: dates, test classes and source keys only. */
export const plainEngineText: EngineText = (text) => common(text).replace(UUID, 'another record');

/** With the summary: each order id known to it reads as "the <date> order" (its product when it differs). */
export function engineTextFor(summary: Pick<PanelSummary, 'mme' | 'medications'> | null): EngineText {
  if (!summary) return plainEngineText;
  const names = new Map<string, string>();
  for (const o of [...summary.mme.orders.map((m) => ({ id: m.medicationRequestId, date: m.authoredOn })), ...summary.medications.map((m) => ({ id: m.medicationRequestId, date: m.authoredOn }))]) {
    if (!o.id || o.id === '(no id)' || names.has(o.id)) continue;
    names.set(o.id, o.date ? `the ${formatDate(o.date)} order` : 'an undated order');
  }
  const ids = [...names.keys()].sort((a, b) => b.length - a.length).map(escape);
  // Only where the engine names an order ("refill of <id>", "from <id>", "MedicationRequest/<id>"): a short id
  // such as "1" must not replace a number in the text.
  const pattern = ids.length ? new RegExp(`(\\b(?:of|from) |MedicationRequest/)(${ids.join('|')})(?![\\w-])`, 'g') : null;
  return (text) => {
    const mapped = pattern ? text.replace(pattern, (_, before: string, id: string) => `${before.startsWith('MedicationRequest') ? '' : before}${names.get(id) ?? 'another order'}`) : text;
    return common(mapped).replace(UUID, 'another record');
  };
}

export const EngineTextContext = createContext<EngineText>(plainEngineText);

export function useEngineText(): EngineText {
  return useContext(EngineTextContext);
}
