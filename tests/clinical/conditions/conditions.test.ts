/**
 * Condition classification: ICD-10-CM prefix rules and SNOMED value sets, remission from code or status,
 * system URI variants (pitfall 10), and the code that matched.
 */
import type { Resource } from 'fhir/r4';
import { classifyConditions } from '../../../src/clinical/conditions/index.ts';
import * as b from '../risk/build.ts';

const one = (r: Resource) => classifyConditions([r], '2026-06-01').map((c) => [c.kind, c.code, c.inRemission, c.active]);

describe('condition categories', () => {
  const rows: [string, Resource, unknown[][]][] = [
    ['F11.20 OUD', b.condition(b.ICD, 'F11.20', 'Opioid dependence'), [['oud', 'ICD-10-CM F11.20', false, true]]],
    ['F11.21 OUD in remission (code)', b.condition(b.ICD, 'F11.21', 'Opioid dependence, in remission'), [['oud', 'ICD-10-CM F11.21', true, false]]],
    ['F11.20 with clinicalStatus remission', b.condition(b.ICD, 'F11.20', 'Opioid dependence', { status: 'remission' }), [['oud', 'ICD-10-CM F11.20', true, false]]],
    ['F11.90 opioid use, unspecified: not OUD', b.condition(b.ICD, 'F11.90', 'Opioid use, unspecified'), []],
    ['F1120 without the dot', b.condition(b.ICD, 'F1120', 'Opioid dependence'), [['oud', 'ICD-10-CM F1120', false, true]]],
    ['SNOMED 5602001 opioid abuse (Synthea)', b.condition(b.SCT, '5602001', 'Opioid abuse (disorder)'), [['oud', 'SNOMED 5602001', false, true]]],
    ['SNOMED 1081000119105 on agonist therapy', b.condition(b.SCT, '1081000119105', 'Opioid dependence, on agonist therapy'), [['oud', 'SNOMED 1081000119105', false, true]]],
    ['T40.4X1A synthetic narcotics poisoning', b.condition(b.ICD, 'T40.4X1A', 'Poisoning by other synthetic narcotics'), [['overdose', 'ICD-10-CM T40.4X1A', false, true]]],
    ['T40.421D tramadol poisoning, subsequent', b.condition(b.ICD, 'T40.421D', 'Poisoning by tramadol, accidental, subsequent'), [['overdose', 'ICD-10-CM T40.421D', false, true]]],
    ['T40.605A adverse effect: not overdose', b.condition(b.ICD, 'T40.605A', 'Adverse effect of unspecified narcotics'), []],
    ['F14.20 cocaine dependence', b.condition(b.ICD, 'F14.20', 'Cocaine dependence'), [['other-sud', 'ICD-10-CM F14.20', false, true]]],
    ['F10.21 alcohol dependence in remission', b.condition(b.ICD, 'F10.21', 'Alcohol dependence, in remission'), [['other-sud', 'ICD-10-CM F10.21', true, false]]],
    ['F17.210 nicotine: not SUD', b.condition(b.ICD, 'F17.210', 'Nicotine dependence'), []],
    ['G47.33 OSA', b.condition(b.ICD, 'G47.33', 'OSA'), [['sleep-apnea', 'ICD-10-CM G47.33', false, true]]],
    ['G47.26 shift work: not sleep apnea', b.condition(b.ICD, 'G47.26', 'Shift work type'), []],
    ['SNOMED 78275009 OSA syndrome', b.condition(b.SCT, '78275009', 'Obstructive sleep apnea syndrome'), [['sleep-apnea', 'SNOMED 78275009', false, true]]],
    ['F43.10 PTSD', b.condition(b.ICD, 'F43.10', 'PTSD'), [['anxiety-ptsd', 'ICD-10-CM F43.10', false, true]]],
    ['F41.1 GAD', b.condition(b.ICD, 'F41.1', 'Generalized anxiety disorder'), [['anxiety-ptsd', 'ICD-10-CM F41.1', false, true]]],
    ['F32.A depression', b.condition(b.ICD, 'F32.A', 'Depression, unspecified'), [['depression', 'ICD-10-CM F32.A', false, true]]],
    ['SNOMED 370143000 MDD', b.condition(b.SCT, '370143000', 'Major depressive disorder'), [['depression', 'SNOMED 370143000', false, true]]],
    ['D57.00 Hb-SS with crisis', b.condition(b.ICD, 'D57.00', 'Hb-SS disease with crisis'), [['sickle-cell', 'ICD-10-CM D57.00', false, true]]],
    ['C34.90 lung cancer', b.condition(b.ICD, 'C34.90', 'Malignant neoplasm of lung'), [['malignancy', 'ICD-10-CM C34.90', false, true]]],
    ['SNOMED lung cancer by name (Synthea 254637007)', b.condition(b.SCT, '254637007', 'Non-small cell lung cancer (disorder)'), [['malignancy', 'SNOMED 254637007', false, true]]],
    ['SNOMED "History of malignant neoplasm" is not active cancer', b.condition(b.SCT, '1', 'History of malignant neoplasm of breast'), []],
    ['chronic pain: not a risk category', b.condition(b.SCT, '82423001', 'Chronic pain'), []],
    ['entered-in-error ignored', b.condition(b.ICD, 'F11.20', 'Opioid dependence', { verification: 'entered-in-error' }), []],
    ['two codings: ICD and SNOMED for the same OUD → one entry', { ...b.condition(b.ICD, 'F11.20', 'Opioid dependence'), code: { coding: [{ system: 'urn:oid:2.16.840.1.113883.6.90', code: 'F11.20' }, { system: b.SCT, code: '75544000' }] } } as Resource, [['oud', 'ICD-10-CM F11.20', false, true]]],
  ];
  it.each(rows)('%s', (_n, r, expected) => {
    expect(one(r)).toEqual(expected);
  });

  it('conditions first recorded after the as-of date are not known yet', () => {
    expect(classifyConditions([b.condition(b.ICD, 'F11.20', 'Opioid dependence', { recorded: '2026-07-01' })], '2026-06-01')).toEqual([]);
  });
});
