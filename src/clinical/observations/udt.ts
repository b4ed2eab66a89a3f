/**
 * Urine drug tests: resulted Observations (final/amended/corrected) whose code is in the urine drug screening
 * value sets (opioid-cds-r4 + VSAC 1032.28, generated) or the clinic's policy.codes.udtExtra. The date is the
 * collection (effective) date; orders (ServiceRequest) are never evidence (pitfall 13).
 * Unexpected results (CDC CDS possible-unexpected-results): positive for a class nothing prescribed in the 30
 * days before explains, or negative for a prescribed opioid the test targets. Shown as "Unexpected result —
 * review with the clinician": never a tier change or a label.
 */
import type { Observation } from 'fhir/r4';
import { codeKey, codeSet, conceptText, findCoding, LOINC, normalizedCodings } from '../codes/systems.ts';
import { UDT_LOINC, type UdtClass } from '../codes/udt.generated.ts';
import type { Policy } from '../policy/types.ts';
import type { IsoDate, UdtFinding } from '../types.ts';
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

/** Classes/analytes a prescribed substance makes an expected positive (metabolites included). */
const EXPLAINS: Record<string, string[]> = {
  morphine: ['general-opiate', 'opiate-specific', 'morphine', 'hydromorphone'],
  codeine: ['general-opiate', 'opiate-specific', 'codeine', 'morphine', 'hydrocodone'],
  hydrocodone: ['general-opiate', 'opiate-specific', 'hydrocodone', 'hydromorphone'],
  hydromorphone: ['general-opiate', 'opiate-specific', 'hydromorphone'],
  oxycodone: ['oxycodone', 'general-opiate', 'oxymorphone'],
  oxymorphone: ['oxycodone', 'oxymorphone'],
  fentanyl: ['fentanyl-type', 'synthetic-opioid', 'fentanyl'],
  methadone: ['methadone', 'synthetic-opioid'],
  buprenorphine: ['buprenorphine'],
  tramadol: ['synthetic-opioid', 'tramadol'],
  tapentadol: ['synthetic-opioid', 'tapentadol'],
  meperidine: ['synthetic-opioid', 'meperidine'],
  dihydrocodeine: ['general-opiate', 'opiate-specific', 'dihydrocodeine'],
  opium: ['general-opiate', 'opiate-specific', 'morphine', 'codeine'],
  benzodiazepine: ['benzodiazepine'],
  barbiturate: ['barbiturate'],
  amphetamine: ['amphetamine'],
  cannabinoid: ['cannabinoid'],
};

/** Tests whose negative result is unexpected for a prescribed opioid (the test targets that drug). */
const TARGETED_BY: Record<string, { classes: string[]; analyte: string }> = {
  morphine: { classes: ['general-opiate'], analyte: 'morphine' },
  codeine: { classes: ['general-opiate'], analyte: 'codeine' },
  hydrocodone: { classes: [], analyte: 'hydrocodone' },
  hydromorphone: { classes: [], analyte: 'hydromorphone' },
  oxycodone: { classes: ['oxycodone'], analyte: 'oxycodone' },
  oxymorphone: { classes: [], analyte: 'oxymorphone' },
  fentanyl: { classes: ['fentanyl-type'], analyte: 'fentanyl' },
  methadone: { classes: ['methadone'], analyte: 'methadone' },
  buprenorphine: { classes: ['buprenorphine'], analyte: 'buprenorphine' },
  tramadol: { classes: [], analyte: 'tramadol' },
  tapentadol: { classes: [], analyte: 'tapentadol' },
};

const TEXT = 'Unexpected result — review with the clinician';

export function unexpectedFindings(tests: readonly UdtTest[], prescribedAt: (date: IsoDate) => Set<string>): UdtFinding[] {
  const out: UdtFinding[] = [];
  for (const t of tests) {
    if (!t.cls || t.reading === 'unknown') continue;
    const prescribed = prescribedAt(t.date);
    const base = { date: t.date, test: t.test, result: t.shown, observationId: t.observation.id };
    if (t.reading === 'positive') {
      const key = t.analyte || t.cls;
      const explained = [...prescribed].some((s) => (EXPLAINS[s] ?? []).includes(key) || (!t.analyte && (EXPLAINS[s] ?? []).includes(t.cls)));
      if (!explained) out.push({ ...base, kind: 'unexpected-positive', text: `${TEXT}: positive for ${t.analyte || t.cls}, not prescribed in the 30 days before the test` });
    } else {
      const missed = [...prescribed].find((s) => {
        const target = TARGETED_BY[s];
        if (!target) return false;
        return t.analyte ? t.analyte === target.analyte : target.classes.includes(t.cls);
      });
      if (missed) out.push({ ...base, kind: 'unexpected-negative', text: `${TEXT}: negative for prescribed ${missed}` });
    }
  }
  return out;
}
