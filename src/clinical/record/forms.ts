/**
 * Surveys recorded as forms or as panels of separate item Observations become the Observations the score readers
 * already understand, so every survey is read by one set of rules:
 * - a QuestionnaireResponse (PEG, PHQ-9, PHQ-2, GAD-7) — recognised by its questionnaire's LOINC code or by its
 *   items' LOINC codes (linkId or definition) — becomes a panel Observation with one component per answered item;
 * - a panel Observation whose items are `hasMember` references (the US Core PHQ-9 pattern) gets those members as
 *   components.
 * Answers are numbers, or LOINC answer codes / ordinal values (PHQ "Not at all" = 0 … "Nearly every day" = 3).
 */
import type { Observation, ObservationComponent, QuestionnaireResponse, QuestionnaireResponseItem } from 'fhir/r4';
import { datePart } from '../dates.ts';
import { LOINC } from '../codes/systems.ts';
import { answerValue } from '../observations/values.ts';

interface Instrument {
  panel: string;
  name: RegExp;
  items: string[];
  total?: string;
}

/** LOINC panels and their item codes (LOINC; Kroenke 2001/2003, Spitzer 2006, Krebs 2009). */
export const INSTRUMENTS: Instrument[] = [
  { panel: '91148-7', name: /\bpeg\b/i, items: ['75893-8', '91145-3', '91146-1'], total: '91147-9' },
  { panel: '44249-1', name: /\bphq-?9\b/i, items: ['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8'], total: '44261-6' },
  { panel: '69737-5', name: /\bgad-?7\b/i, items: ['69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7'], total: '70274-6' },
  { panel: '55757-9', name: /\bphq-?2\b/i, items: ['44250-9', '44255-8'], total: '55758-7' },
];

const LOINC_CODE = /(\d{1,7}-\d)\s*$/;

/** The LOINC code an item names in its linkId or definition ("/44250-9", "http://loinc.org/44250-9", "44250-9"). */
function itemCode(item: QuestionnaireResponseItem): string | null {
  for (const s of [item.linkId, item.definition]) {
    const m = typeof s === 'string' ? LOINC_CODE.exec(s.replace(/[#/]+$/, '')) : null;
    if (m) return m[1];
  }
  return null;
}

function flatten(items: readonly QuestionnaireResponseItem[] | undefined, out: QuestionnaireResponseItem[] = []): QuestionnaireResponseItem[] {
  for (const i of items ?? []) {
    out.push(i);
    flatten(i.item, out);
    for (const a of i.answer ?? []) flatten(a.item, out);
  }
  return out;
}

function instrumentOf(qr: QuestionnaireResponse, codes: Set<string>): Instrument | null {
  const canonical = typeof qr.questionnaire === 'string' ? qr.questionnaire : '';
  const byCanonical = INSTRUMENTS.find((i) => canonical.includes(i.panel) || i.name.test(canonical));
  if (byCanonical) return byCanonical;
  // By items: the instrument whose items are answered most completely (PHQ-9 before its PHQ-2 subset).
  return INSTRUMENTS.find((i) => i.items.filter((c) => codes.has(c)).length >= Math.min(i.items.length, 3) || (i.items.length === 2 && i.items.every((c) => codes.has(c)))) ?? null;
}

const SCORED = new Set(['completed', 'amended']);

/** The form as a panel Observation the score readers understand, or null when it is not one of the instruments. */
export function formObservation(qr: QuestionnaireResponse): Observation | null {
  if (!SCORED.has(qr.status)) return null;
  const items = flatten(qr.item);
  const answered = new Map<string, number>();
  for (const item of items) {
    const code = itemCode(item);
    if (!code) continue;
    const value = answerValue(item.answer?.[0]);
    if (value !== null) answered.set(code, value);
  }
  const instrument = instrumentOf(qr, new Set(answered.keys()));
  const date = datePart(qr.authored);
  if (!instrument || !date) return null;
  const wanted = new Set([...instrument.items, ...(instrument.total ? [instrument.total] : [])]);
  const component: ObservationComponent[] = [...answered].filter(([code]) => wanted.has(code)).map(([code, value]) => ({ code: { coding: [{ system: LOINC, code }] }, valueQuantity: { value } }));
  if (component.length === 0) return null;
  return {
    resourceType: 'Observation',
    id: `questionnaire-${qr.id ?? 'unnamed'}-${instrument.panel}`,
    status: 'final',
    code: { coding: [{ system: LOINC, code: instrument.panel }] },
    effectiveDateTime: qr.authored,
    component,
  };
}

/** A panel whose items are hasMember references, with those members as components (members found among `all`). */
export function withMembers(panel: Observation, byRef: ReadonlyMap<string, Observation>): Observation | null {
  if (!Array.isArray(panel.hasMember) || panel.hasMember.length === 0 || (panel.component?.length ?? 0) > 0) return null;
  const component: ObservationComponent[] = [];
  for (const m of panel.hasMember) {
    const ref = typeof m?.reference === 'string' ? m.reference : '';
    const member = byRef.get(ref.replace(/^.*?(Observation\/[^/]+)(\/_history\/.*)?$/, '$1')) ?? byRef.get(ref);
    if (!member) continue;
    component.push({ code: member.code, valueQuantity: member.valueQuantity, valueInteger: member.valueInteger, valueCodeableConcept: member.valueCodeableConcept, valueString: member.valueString } as ObservationComponent);
  }
  return component.length ? { ...panel, component } : null;
}
