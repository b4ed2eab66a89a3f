/**
 * Reads a urine drug test result as positive / negative / unknown: valueCodeableConcept (SNOMED positive
 * 10828004, detected 260373001, negative 260385009, not detected 260415000, or its text), valueString
 * ("pos…"/"neg…", "detected"/"not detected"), Observation.interpretation (POS/DET, NEG/ND), then valueQuantity
 * against referenceRange.high as the cut-off (≥ cut-off = positive).
 */
import type { Observation } from 'fhir/r4';
import { normalizedCodings, SNOMED } from '../codes/systems.ts';

export type UdtReading = 'positive' | 'negative' | 'unknown';

const SCT_POSITIVE = new Set(['10828004', '260373001', '52101004']);
const SCT_NEGATIVE = new Set(['260385009', '260415000', '2667000']);

export function readText(text: string | undefined): UdtReading {
  if (!text) return 'unknown';
  const t = text.trim().toLowerCase();
  if (/^(neg|not detected|none detected|non-?reactive|absent|not present|undetected)/.test(t)) return 'negative';
  if (/^(pos|detected|present|reactive|presumptive pos)/.test(t)) return 'positive';
  return 'unknown';
}

export function readUdtResult(o: Observation): { reading: UdtReading; shown: string } {
  const cc = o.valueCodeableConcept;
  if (cc) {
    for (const c of normalizedCodings(cc)) {
      if (c.system === SNOMED && SCT_POSITIVE.has(c.code)) return { reading: 'positive', shown: c.display || 'Positive' };
      if (c.system === SNOMED && SCT_NEGATIVE.has(c.code)) return { reading: 'negative', shown: c.display || 'Negative' };
    }
    const text = cc.text ?? cc.coding?.find((c) => c.display)?.display;
    const r = readText(text);
    if (r !== 'unknown') return { reading: r, shown: text as string };
  }
  if (typeof o.valueString === 'string') {
    const r = readText(o.valueString);
    if (r !== 'unknown') return { reading: r, shown: o.valueString };
  }
  for (const i of o.interpretation ?? []) {
    for (const c of i.coding ?? []) {
      if (c.code === 'POS' || c.code === 'DET') return { reading: 'positive', shown: c.display ?? 'Positive' };
      if (c.code === 'NEG' || c.code === 'ND') return { reading: 'negative', shown: c.display ?? 'Negative' };
    }
  }
  const q = o.valueQuantity;
  const cutoff = o.referenceRange?.[0]?.high?.value;
  if (typeof q?.value === 'number' && typeof cutoff === 'number') {
    const shown = `${q.value} ${q.unit ?? q.code ?? ''}`.trim();
    return { reading: q.value >= cutoff ? 'positive' : 'negative', shown: `${shown} (cut-off ${cutoff})` };
  }
  return { reading: 'unknown', shown: o.valueString ?? (q?.value !== undefined ? String(q.value) : 'no result value') };
}
