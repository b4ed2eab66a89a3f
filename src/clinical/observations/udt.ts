/**
 * Urine drug tests: resulted Observations (final/amended/corrected) whose code is in the urine drug screening
 * value sets (opioid-cds-r4 + VSAC 1032.28, generated) or the clinic's policy.codes.udtExtra. The date is the
 * collection (effective) date; orders (ServiceRequest) are never evidence (pitfall 13). Each test carries its
 * class and the analyte(s) its LOINC code names (generated from the LOINC displays; '' = class-level screen).
 * Unexpected results (CDC CDS possible-unexpected-results, refined by analyte and opioid metabolism in
 * udt-interpret.ts / udt-metabolism.ts) are shown as "Unexpected result — review with the clinician": never a
 * tier change or a label.
 */
import type { Observation } from 'fhir/r4';
import { codeKey, codeSet, conceptText, findCoding, LOINC, normalizedCodings } from '../codes/systems.ts';
import { UDT_LOINC, type UdtClass } from '../codes/udt.generated.ts';
import type { Policy } from '../policy/types.ts';
import type { IsoDate, UdtFinding } from '../types.ts';
import { interpretUdt, type UdtInterpretation, type UdtResultLike } from './udt-interpret.ts';
import { readUdtResult, type UdtReading } from './udt-result.ts';
import { observationDate } from './values.ts';

const BY_CODE = new Map(UDT_LOINC.map(([code, cls, analyte]) => [codeKey(LOINC, code), { cls, analyte }]));

export interface UdtTest {
  observation: Observation;
  date: IsoDate;
  test: string;
  cls: UdtClass | '';
  analyte: string;
  reading: UdtReading;
  shown: string;
}

export function readUdtTests(obs: readonly Observation[], policy: Policy): UdtTest[] {
  const extra = codeSet(policy.codes.udtExtra.codes);
  const out: UdtTest[] = [];
  for (const o of obs) {
    try {
      const codings = normalizedCodings(o.code);
      const known = codings.map((c) => BY_CODE.get(`${c.system}|${c.code}`)).find((x) => x);
      if (!known && !findCoding(o.code, extra)) continue;
      const date = observationDate(o) as IsoDate;
      const { reading, shown } = readUdtResult(o);
      out.push({ observation: o, date, test: conceptText(o.code), cls: known?.cls ?? '', analyte: known?.analyte ?? '', reading, shown });
      // A panel may carry its analytes as components: each is read as its own result on the panel's date.
      for (const c of Array.isArray(o.component) ? o.component : []) {
        const part = normalizedCodings(c.code).map((k) => BY_CODE.get(`${k.system}|${k.code}`)).find((x) => x);
        if (!part) continue;
        const r = readUdtResult({ ...o, code: c.code, valueString: c.valueString, valueCodeableConcept: c.valueCodeableConcept, valueQuantity: c.valueQuantity, interpretation: c.interpretation, referenceRange: c.referenceRange, component: undefined });
        out.push({ observation: o, date, test: conceptText(c.code), cls: part.cls, analyte: part.analyte, reading: r.reading, shown: r.shown });
      }
    } catch {
      // malformed resource (a field of the wrong type): skipped, never fatal
    }
  }
  return out;
}

/**
 * Unexpected results (and class-level screens to review), by analyte with opioid metabolism (udt-interpret.ts):
 * a non-prescribed parent drug positive, a marker no prescription explains (6-MAM), a class screen positive with
 * nothing of the class prescribed, or a prescribed opioid that no test of that date found (neither it nor a
 * metabolite) although a test targeted it. Metabolites of a prescribed drug are explained, never flagged.
 */
export function unexpectedFindings(tests: readonly UdtTest[], prescribedAt: (date: IsoDate) => Set<string>): UdtFinding[] {
  const out: UdtFinding[] = [];
  for (const i of interpretUdt(tests.map(asResult), prescribedAt)) {
    if (i.verdict !== 'unexpected-positive' && i.verdict !== 'unexpected-negative' && i.verdict !== 'review-positive') continue;
    out.push({
      date: i.date,
      test: i.test,
      result: i.result,
      kind: i.verdict,
      text: i.text,
      observationId: i.observationId,
      ...(i.analytes.length ? { analyte: i.analytes.join(' + ') } : {}),
      ...(i.explanation ? { explanation: i.explanation } : {}),
    });
  }
  return out;
}

/** Every resulted test with its verdict and explanation (expected ones included: "hydromorphone is a metabolite of the prescribed hydrocodone"). */
export function interpretUdtTests(tests: readonly UdtTest[], prescribedAt: (date: IsoDate) => Set<string>): UdtInterpretation[] {
  return interpretUdt(tests.map(asResult), prescribedAt);
}

const asResult = (t: UdtTest): UdtResultLike => ({ date: t.date, test: t.test, cls: t.cls, analyte: t.analyte, reading: t.reading, shown: t.shown, observationId: t.observation.id });
