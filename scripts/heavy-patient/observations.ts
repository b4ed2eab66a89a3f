/** Observations of the heavy patient: ~2,000 the rules use among ~20,000 (vitals and other labs). */
import type { Observation } from 'fhir/r4';
import { CAT, LOINC, subject, type Gen } from './parts.ts';

const SNOMED = 'http://snomed.info/sct';
const VITALS = [['8867-4', 'Heart rate', '/min', 60, 30], ['8480-6', 'Systolic blood pressure', 'mm[Hg]', 110, 40],
  ['8462-4', 'Diastolic blood pressure', 'mm[Hg]', 65, 25], ['29463-7', 'Body weight', 'kg', 70, 20],
  ['9279-1', 'Respiratory rate', '/min', 12, 8], ['8310-5', 'Body temperature', 'Cel', 36.3, 1],
  ['2708-6', 'Oxygen saturation', '%', 93, 6], ['39156-5', 'BMI', 'kg/m2', 24, 8]] as const;
const OTHER_LABS = [['2345-7', 'Glucose', 'mg/dL'], ['2160-0', 'Creatinine', 'mg/dL'], ['718-7', 'Hemoglobin', 'g/dL'],
  ['6690-2', 'Leukocytes', '10*3/uL'], ['777-3', 'Platelets', '10*3/uL'], ['2951-2', 'Sodium', 'mmol/L'],
  ['2823-3', 'Potassium', 'mmol/L'], ['4548-4', 'Hemoglobin A1c', '%'], ['2093-3', 'Cholesterol', 'mg/dL'], ['1742-6', 'ALT', 'U/L']] as const;
const UDT = [['16249-5', 'Oxycodone [Presence] in Urine'], ['19295-5', 'Opiates [Presence] in Urine'],
  ['14316-4', 'Benzodiazepines [Presence] in Urine'], ['14315-6', 'Cocaine [Presence] in Urine'], ['19270-8', 'Barbiturates [Presence] in Urine']] as const;

export function heavyObservations(g: Gen): Observation[] {
  const out: Observation[] = [];
  let n = 0;
  const obs = (month: number, category: string, code: string, display: string, value: Partial<Observation>, system = LOINC, day?: number) =>
    out.push({
      resourceType: 'Observation', id: `heavy-obs-${++n}`, status: 'final', subject: subject(g),
      category: [{ coding: [{ system: CAT, code: category }] }],
      code: { coding: [{ system, code, display }], text: display },
      effectiveDateTime: `${g.date(month, day)}T10:00:00Z`, ...value,
    });
  const qty = (value: number, unit: string) => ({ valueQuantity: { value: Math.round(value * 10) / 10, unit, system: 'http://unitsofmeasure.org', code: unit } });
  const score = (v: number) => qty(v, '{score}');
  for (let m = 0; m < g.months; m++) {
    const visit = 3 + Math.floor(g.random() * 20);
    for (let v = 0; v < 7; v++) for (const [code, display, unit, base, spread] of VITALS) obs(m, 'vital-signs', code, display, qty(base + g.random() * spread, unit));
    if (m % 3 === 0) for (let k = 0; k < 6; k++) for (const [code, display, unit] of OTHER_LABS) obs(m, 'laboratory', code, display, qty(1 + g.random() * 100, unit));
    if (m < 96) continue; // the pain-care record starts with opioid therapy (last 12 years)
    const [p, e, a] = [4 + Math.floor(g.random() * 5), 3 + Math.floor(g.random() * 5), 3 + Math.floor(g.random() * 5)];
    obs(m, 'survey', '91148-7', 'PEG 3 item pain scale', {
      ...score((p + e + a) / 3),
      component: [['75893-8', p], ['91145-3', e], ['91146-1', a]].map(([code, value]) => ({ code: { coding: [{ system: LOINC, code: String(code) }] }, ...score(Number(value)) })),
    }, LOINC, visit);
    for (const [code, value] of [['75893-8', p], ['91145-3', e], ['91146-1', a], ['91147-9', (p + e + a) / 3]] as const) obs(m, 'survey', code, 'PEG item', score(value), LOINC, visit);
    obs(m, 'survey', '55758-7', 'PHQ-2 total score', score(Math.floor(g.random() * 4)), LOINC, visit);
    obs(m, 'exam', '461651000124104', 'PDMP reviewed', { valueBoolean: true } as Partial<Observation>, SNOMED, visit);
    obs(m, 'survey', '44261-6', 'PHQ-9 total score', score(Math.floor(g.random() * 15)), LOINC, visit);
    obs(m, 'survey', '44260-8', 'PHQ-9 item 9', score(0), LOINC, visit);
    for (const [code, display] of UDT) obs(m, 'laboratory', code, display, { valueString: code === '16249-5' || code === '19295-5' ? 'Positive' : 'Negative' }, LOINC, visit);
    if (m % 3 === 0) obs(m, 'survey', '70274-6', 'GAD-7 total score', score(Math.floor(g.random() * 12)), LOINC, visit);
    if (m % 12 === 0) {
      obs(m, 'survey', '91392-1', 'Opioid Risk Tool total', score(3), LOINC, visit);
      obs(m, 'survey', '94136-9', 'Controlled substance agreement', { valueString: 'signed' }, LOINC, visit);
    }
  }
  return out;
}
