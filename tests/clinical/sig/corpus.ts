/**
 * Table of real-world US outpatient sig strings for the sig reader (src/clinical/sig), with what each must read as.
 * Each row: the sig exactly as published, the source id (SOURCES below: URL, what it is, licence) and either the
 * expected key fields of the Dosage or "not parsed" with a fragment of the expected reason.
 *
 * Expected fields (compact; tests/clinical/sig/corpus.test.ts builds the same summary from the Dosage):
 *   dose    "1 {tbl}" (doseQuantity value + UCUM unit) or "1-2 {tbl}" (doseRange low-high)
 *   timing  "frequency[-frequencyMax]/period[-periodMax]periodUnit[ when]": "1/4-6h" = every 4 to 6 hours,
 *           "2/1d" = twice a day, "1-2/1d" = 1 to 2 times a day, "1/1d HS" = at bedtime, "3/1wk", "1/72h"
 *   prn     asNeededBoolean; max "8 {tbl}/1d" or "4 {tbl}/24h" (maxDosePerPeriod); route = route.text
 *
 * Sources (every string below was copied from one of these; none was written here except the rows marked
 * 'variant', which are labelled as such):
 *
 * parserx-* — ParseRx (Joey LeGrand / CodeRx LLC), https://github.com/jrlegrand/parserx : CSV files of real sig
 *   strings the author used to develop and validate the parser (one sig per line), later removed from the
 *   repository. Licence: the repository is Apache-2.0 (LICENSE.md, added 2023-03-18); the data files carry no
 *   separate notice. Files, at the commits where they were read:
 *   - parserx-sig-vumc  https://github.com/jrlegrand/parserx/blob/5205e94c52a132f154df561d293921db31cae1cc/parsers/csv/sig_vumc.csv
 *   - parserx-sig       https://github.com/jrlegrand/parserx/blob/5205e94c52a132f154df561d293921db31cae1cc/parsers/csv/sig.csv
 *                       (the same list as https://github.com/jrlegrand/sig/blob/f0046776c9fe002e5da8891fe8ba3d04883fb84f/src/assets/data/sigs.csv)
 *   - parserx-vumc-2021 https://github.com/jrlegrand/parserx/blob/7b001bc0be3d2c5caafb389949175ab8c50cea60/parsers/csv/vumc_sigs_2021.csv
 *   - parserx-vumc-2nd  https://github.com/jrlegrand/parserx/blob/7b001bc0be3d2c5caafb389949175ab8c50cea60/parsers/csv/vumc_sigs_second_batch.csv
 *   - parserx-drx       https://github.com/jrlegrand/parserx/blob/7b001bc0be3d2c5caafb389949175ab8c50cea60/parsers/csv/drx_sigs.csv
 *   - parserx-verlyn    https://github.com/jrlegrand/parserx/blob/7b001bc0be3d2c5caafb389949175ab8c50cea60/parsers/csv/verlyn_sigs.csv
 * ehr-* — shared/fhir-samples/ehr-shapes (Dosage.text, patientInstruction and timing.code.text of real-shaped
 *   Epic / Oracle Health (Cerner) / US Core MedicationRequests; provenance in that folder's README.md):
 *   - ehr-epic-oxycontin, ehr-epic-fentanyl  cqframework/cqf-ruler (Apache-2.0), https://github.com/cqframework/cqf-ruler/blob/2f3912f89619919d6454f84c101bc2adc8d10a35/plugin/cds-hooks/src/test/resources/opioidcds-10-order-sign-patient-data-bundle.json (and ...-bundle-2.json)
 *   - ehr-epic-codeine   Automate-Medical/sero (Apache-2.0), https://github.com/Automate-Medical/sero/blob/f2108fdb17093d509853c59fcee05aff3d2398fb/example/goodrx-cds-price-comparison/src/index.test.js
 *   - ehr-cerner-apap, ehr-cerner-hepb  cerner/fhir.cerner.com (Apache-2.0), https://github.com/cerner/fhir.cerner.com/blob/3d33831ae6573752ecf7b5c5c29a28c6707f5744/lib/resources/example_json/r4_examples_medication_request.rb
 *   - ehr-uscore-mo2, ehr-uscore-tylenol  US Core examples as copied in cqframework/opioid-mme-r4 (Apache-2.0), https://github.com/cqframework/opioid-mme-r4/tree/1357f45424c40c49911cd73ecf377b740013f21e/input/tests/example/MedicationRequest
 * fhir-medrx03xx — HL7 FHIR core MedicationRequest examples (https://hl7.org/fhir/medicationrequest-examples.html),
 *   source files in https://github.com/HL7/fhir/tree/master/source/medicationrequest read at: 0301 @ 06bd9f6ffe08096694a3424721006e5fdcd82d3a,
 *   0302 @ 17795bbfaf5fb47e4c1961e386c5fea10e7b4926, 0303 @ 09c66bc5b24704c7d188f8ca2a5d6c43ad6106d2,
 *   0305 @ 05ebfa01a4b9de5251b9762f6f277d347e2e2f5c, 0306 @ 0cf428e3e2873b4d65e42acfdd11e7e6f083edd9. Licence: CC0 (FHIR specification).
 * cqf-* — HL7 CPG "Activities" example IG test cases, https://github.com/HL7/cqf-recommendations/blob/982a2bdb854e807b29fea91b5d570fbfaed2968d/ExampleIGs/ActivitiesIG/input/fsh/test-cases/am-scenario6-mr.fsh
 *   and .../om-scenario5-mr.fsh (no licence file in the copy read; HL7 publishes IG content under CC0).
 * variant — written for this table, NOT copied: misspellings and abbreviations from the task's list ("tablt",
 *   "evry", "hrs", "daly", "q6hrs") and from ISMP's List of Error-Prone Abbreviations, Symbols, and Dose
 *   Designations (https://www.ismp.org/recommendations/error-prone-abbreviations-list: QD, QOD, cc, naked
 *   decimal ".5"), plus the task's ambiguous shapes ("then" steps, "or", taper, "until gone", no frequency).
 */

import type { Dosage } from 'fhir/r4';

export interface ExpectedReading {
  dose: string;
  timing: string;
  prn?: true;
  max?: string;
  route?: string;
}

export interface CorpusRow {
  sig: string;
  source: SourceId;
  expected: ExpectedReading | { notParsed: true; reason: string };
}

export const SOURCES = {
  'parserx-sig-vumc': 'https://github.com/jrlegrand/parserx/blob/5205e94c52a132f154df561d293921db31cae1cc/parsers/csv/sig_vumc.csv (real sig strings, ParseRx development data)',
  'parserx-sig': 'https://github.com/jrlegrand/parserx/blob/5205e94c52a132f154df561d293921db31cae1cc/parsers/csv/sig.csv (real sig strings, ParseRx development data)',
  'parserx-vumc-2021': 'https://github.com/jrlegrand/parserx/blob/7b001bc0be3d2c5caafb389949175ab8c50cea60/parsers/csv/vumc_sigs_2021.csv (real sig strings, ParseRx development data)',
  'parserx-vumc-2nd': 'https://github.com/jrlegrand/parserx/blob/7b001bc0be3d2c5caafb389949175ab8c50cea60/parsers/csv/vumc_sigs_second_batch.csv (real sig strings, ParseRx development data)',
  'parserx-drx': 'https://github.com/jrlegrand/parserx/blob/7b001bc0be3d2c5caafb389949175ab8c50cea60/parsers/csv/drx_sigs.csv (real sig strings, ParseRx development data)',
  'parserx-verlyn': 'https://github.com/jrlegrand/parserx/blob/7b001bc0be3d2c5caafb389949175ab8c50cea60/parsers/csv/verlyn_sigs.csv (real sig strings, ParseRx development data)',
  'ehr-epic-oxycontin': 'shared/fhir-samples/ehr-shapes/epic-ynhh-oxycontin-er-80mg.transaction-bundle.json (Epic order, from cqframework/cqf-ruler test resources)',
  'ehr-epic-fentanyl': 'shared/fhir-samples/ehr-shapes/epic-ynhh-fentanyl-patch-12mcg-hr.transaction-bundle.json (Epic order, from cqframework/cqf-ruler test resources)',
  'ehr-epic-codeine': 'shared/fhir-samples/ehr-shapes/epic-apporchard-codeine-15mg-prn.medicationrequest.json (Epic App Orchard draft order, from Automate-Medical/sero)',
  'ehr-cerner-apap': 'shared/fhir-samples/ehr-shapes/cerner-acetaminophen-prn-q4h-community.medicationrequest.json (Oracle Health documented example, cerner/fhir.cerner.com)',
  'ehr-cerner-hepb': 'shared/fhir-samples/ehr-shapes/cerner-hepb-vaccine-inpatient-once-ml.medicationrequest.json (Oracle Health documented example, cerner/fhir.cerner.com)',
  'ehr-uscore-mo2': 'shared/fhir-samples/ehr-shapes/uscore-mo2-liquid-contained-medication.medicationrequest.json (US Core example)',
  'ehr-uscore-tylenol': 'shared/fhir-samples/ehr-shapes/uscore-self-tylenol-text-only.medicationrequest.json (US Core example)',
  'fhir-medrx0301': 'https://github.com/HL7/fhir/blob/06bd9f6ffe08096694a3424721006e5fdcd82d3a/source/medicationrequest/medicationrequest0301.xml (FHIR core example, CC0)',
  'fhir-medrx0302': 'https://github.com/HL7/fhir/blob/17795bbfaf5fb47e4c1961e386c5fea10e7b4926/source/medicationrequest/medicationrequest0302.xml (FHIR core example, CC0)',
  'fhir-medrx0303': 'https://github.com/HL7/fhir/blob/09c66bc5b24704c7d188f8ca2a5d6c43ad6106d2/source/medicationrequest/medicationrequest0303.xml (FHIR core example, CC0)',
  'fhir-medrx0305': 'https://github.com/HL7/fhir/blob/05ebfa01a4b9de5251b9762f6f277d347e2e2f5c/source/medicationrequest/medicationrequest0305.xml (FHIR core example, CC0)',
  'fhir-medrx0306': 'https://github.com/HL7/fhir/blob/0cf428e3e2873b4d65e42acfdd11e7e6f083edd9/source/medicationrequest/medicationrequest0306.xml (FHIR core example, CC0)',
  'cqf-am-scenario6': 'https://github.com/HL7/cqf-recommendations/blob/982a2bdb854e807b29fea91b5d570fbfaed2968d/ExampleIGs/ActivitiesIG/input/fsh/test-cases/am-scenario6-mr.fsh (HL7 CPG example test case)',
  'cqf-om-scenario5': 'https://github.com/HL7/cqf-recommendations/blob/982a2bdb854e807b29fea91b5d570fbfaed2968d/ExampleIGs/ActivitiesIG/input/fsh/test-cases/om-scenario5-mr.fsh (HL7 CPG example test case)',
  variant: 'variant written for this table from the task list and ISMP error-prone abbreviations, https://www.ismp.org/recommendations/error-prone-abbreviations-list (not a real sig)',
} as const;

export type SourceId = keyof typeof SOURCES;

function ok(sig: string, source: SourceId, dose: string, timing: string, more: Omit<ExpectedReading, 'dose' | 'timing'> = {}): CorpusRow {
  return { sig, source, expected: { dose, timing, ...more } };
}

function no(sig: string, source: SourceId, reason: string): CorpusRow {
  return { sig, source, expected: { notParsed: true, reason } };
}

export const CORPUS: CorpusRow[] = [
  // --- EHR-shaped MedicationRequests (shared/fhir-samples/ehr-shapes) ---
  ok("Take 1 tablet (80 mg total) by mouth every 12 (twelve) hours., Starting Tue 7/2/2024, Until Thu 8/1/2024, Print", 'ehr-epic-oxycontin', '1 {tbl}', '1/12h', { route: 'oral' }),
  ok("Take 1 tablet (80 mg total) by mouth every 12 (twelve) hours.", 'ehr-epic-oxycontin', '1 {tbl}', '1/12h', { route: 'oral' }),
  no("every 12 (twelve) hours", 'ehr-epic-oxycontin', "no dose"),
  ok("Place 1 patch onto the skin every third day., Starting Thu 7/11/2024, Until Tue 8/20/2024, Print", 'ehr-epic-fentanyl', '1 {patch}', '1/3d', { route: 'transdermal' }),
  ok("Place 1 patch onto the skin every third day.", 'ehr-epic-fentanyl', '1 {patch}', '1/3d', { route: 'transdermal' }),
  no("every 72 hours", 'ehr-epic-fentanyl', "no dose"),
  no("Every 4 (four) hours as needed", 'ehr-epic-codeine', "no dose"),
  ok("650 mg = 2 cap, Oral, every 4 hr, PRN: as needed for pain, 90 cap, 0 Refill(s)", 'ehr-cerner-apap', '2 {capsule}', '1/4h', { prn: true, route: 'oral' }),
  ok("2 Capsules Oral (given by mouth) every 4 hours as needed as needed for pain.\n           Refills: 0.", 'ehr-cerner-apap', '2 {capsule}', '1/4h', { prn: true, route: 'oral' }),
  no("40 mcg = 1 mL, IM, Once", 'ehr-cerner-hepb', "an injection route is"),
  no("1 Milliliters Intramuscular (in a muscle) once. Refills: 0.", 'ehr-cerner-hepb', "an injection route is"),
  ok("10 mL bid", 'ehr-uscore-mo2', '10 mL', '2/1d'),
  ok("Takes 1-2 tablets once daily at bedtime as needed for restless legs", 'ehr-uscore-tylenol', '1-2 {tbl}', '1/1d HS', { prn: true }),
  // --- HL7 FHIR core examples ---
  ok("one to two tablets every 4-6 hours as needed for rib pain", 'fhir-medrx0301', '1-2 {tbl}', '1/4-6h', { prn: true }),
  ok("Take one to two tablets every four to six hours as needed for rib pain", 'fhir-medrx0301', '1-2 {tbl}', '1/4-6h', { prn: true }),
  no("Two tablets at once", 'fhir-medrx0302', "did not understand"),
  ok("One tablet daily for 4 days", 'fhir-medrx0302', '1 {tbl}', '1/1d'),
  no("Take 4 tablets daily for 7 days starting January 16, 2015", 'fhir-medrx0303', "did not understand"),
  no("0.25mg PO every 6-12 hours as needed for menses from Jan 15-20, 2015.  Do not exceed more than 4mg per day", 'fhir-medrx0305', "a number follows the"),
  no("6 mg PO daily for remission induction; adjust dosage to white blood cell (WBC) count.  With hold treatment if WBC is less than 15,000/µL; resume when WBC is greater than 50,000/µL", 'fhir-medrx0306', "did not understand"),
  // --- HL7 CPG example test cases (fentanyl patch, levothyroxine) ---
  ok("apply one patch three times per week", 'cqf-am-scenario6', '1 {patch}', '3/1wk'),
  ok("75mcg daily", 'cqf-om-scenario5', '75 ug', '1/1d'),
  // --- ParseRx real-world sig lists ---
  ok("(Also Known As MS Contin) 1 tablet by mouth twice a day for 3 days", 'parserx-sig', '1 {tbl}', '2/1d', { route: 'oral' }),
  ok("(Also Known As Dolophine) 1 tablet by mouth three times a day", 'parserx-sig', '1 {tbl}', '3/1d', { route: 'oral' }),
  ok("(ALSO KNOWN AS ULTRAM) 1 TABLET BY MOUTH THREE TIMES A DAY FOR 7 DAYS AS NEEDED FOR PAIN", 'parserx-sig-vumc', '1 {tbl}', '3/1d', { prn: true, route: 'oral' }),
  ok("(Also Known As Norco) 1 tablet by mouth q4h-6h as needed for pain", 'parserx-sig', '1 {tbl}', '1/4-6h', { prn: true, route: 'oral' }),
  ok("(OXYCONTIN) 1 TABLET BY MOUTH EVERY 12 HOURS", 'parserx-sig-vumc', '1 {tbl}', '1/12h', { route: 'oral' }),
  ok("(ALSO KNOWN AS NORCO) 1 TABLET BY MOUTH TWICE A DAY AS NEEDED FOR SEVERE PAIN", 'parserx-sig-vumc', '1 {tbl}', '2/1d', { prn: true, route: 'oral' }),
  ok("(ALSO KNOWN AS DILAUDID) 1 TABLET BY MOUTH EVERY 2 HOURS AS NEEDED FOR PAIN", 'parserx-sig-vumc', '1 {tbl}', '1/2h', { prn: true, route: 'oral' }),
  ok("(Also Known As Norco) 1-2 tablets by mouth q 4-6 h as needed for pain", 'parserx-sig', '1-2 {tbl}', '1/4-6h', { prn: true, route: 'oral' }),
  ok("(ALSO KNOWN AS ROXICODONE) 1 TABLET BY MOUTH EVERY 4 HOURS AS NEEDED FOR PAIN", 'parserx-sig-vumc', '1 {tbl}', '1/4h', { prn: true, route: 'oral' }),
  ok("(ALSO KNOWN AS MS CONTIN) 1 TABLET BY MOUTH EVERY 8 HOURS FOR 10 DAYS", 'parserx-sig-vumc', '1 {tbl}', '1/8h', { route: 'oral' }),
  ok("(Ultram) 1-2 tablets by mouth every 8 hours as needed for pain", 'parserx-sig', '1-2 {tbl}', '1/8h', { prn: true, route: 'oral' }),
  ok("(ALSO KNOWN AS DURAGESIC) 1 PATCH ON DRY, CLEANED SKIN EVERY OTHER DAY", 'parserx-sig-vumc', '1 {patch}', '1/2d', { route: 'transdermal' }),
  ok("(Also Known As Norco) 2 tablets by mouth every 6 hours for 7 days as needed for pain", 'parserx-sig', '2 {tbl}', '1/6h', { prn: true, route: 'oral' }),
  ok("(ALSO KNOWN AS ROXICODONE) 1 TABLET BY MOUTH FOUR TIMES A DAY AS NEEDED FOR PAIN", 'parserx-sig-vumc', '1 {tbl}', '4/1d', { prn: true, route: 'oral' }),
  ok("(ALSO KNOWN AS NORCO) 1-2 TABLETS BY MOUTH EVERY 4 HOURS FOR 7 DAYS AS NEEDED FOR PAIN", 'parserx-sig-vumc', '1-2 {tbl}', '1/4h', { prn: true, route: 'oral' }),
  ok("(ALSO KNOWN AS PERCOCET) 1 TABLET BY MOUTH EVERY 4 HOURS AS NEEDED FOR PAIN", 'parserx-sig-vumc', '1 {tbl}', '1/4h', { prn: true, route: 'oral' }),
  ok("(ALSO KNOWN AS ULTRAM) 1-2 TABLETS BY MOUTH EVERY 6 HOURS AS NEEDED FOR PAIN", 'parserx-sig-vumc', '1-2 {tbl}', '1/6h', { prn: true, route: 'oral' }),
  ok("(ALSO KNOWN AS MS CONTIN) 1 TABLET BY MOUTH TWICE A DAY AS NEEDED FOR PAIN", 'parserx-sig-vumc', '1 {tbl}', '2/1d', { prn: true, route: 'oral' }),
  ok("(ALSO KNOWN AS ULTRAM) 1 TABLET BY MOUTH EVERY EVENING AT BEDTIME", 'parserx-sig-vumc', '1 {tbl}', '1/1d HS', { route: 'oral' }),
  ok("(Also Known As Roxicodone) 1 to 2 tablets by mouth every 4 hours for 14 days as needed for pain", 'parserx-sig', '1-2 {tbl}', '1/4h', { prn: true, route: 'oral' }),
  no("(ALSO KNOWN AS NORCO) 1 TABLET BY MOUTH EVERY FOUR OR SIX HOURS AS NEEDED FOR PAIN", 'parserx-sig-vumc', "alternatives"),
  ok("(DURAGESIC) 1 PATCH ON DRY, CLEANED SKIN EVERY THREE DAYS", 'parserx-sig-vumc', '1 {patch}', '1/3d', { route: 'transdermal' }),
  ok("(Also Known As Ultram ER) 1 tablet by mouth daily", 'parserx-sig', '1 {tbl}', '1/1d', { route: 'oral' }),
  ok("(Also Known As Roxicodone) 1 tablet by mouth every 6 hours for 2 day(s) as needed for pain", 'parserx-sig', '1 {tbl}', '1/6h', { prn: true, route: 'oral' }),
  ok("(ALSO KNOWN AS OXYCONTIN) 2 TABLETS BY MOUTH TWICE A DAY", 'parserx-sig-vumc', '2 {tbl}', '2/1d', { route: 'oral' }),
  ok("(NORCO) 1 TABLET BY MOUTH EVERY 6 HOURS FOR SEVEN DAYS AS NEEDED FOR PAIN", 'parserx-sig-vumc', '1 {tbl}', '1/6h', { prn: true, route: 'oral' }),
  ok("(ALSO KNOWN AS DOLOPHINE) 1 TABLET BY MOUTH EVERY 8 HOURS", 'parserx-sig-vumc', '1 {tbl}', '1/8h', { route: 'oral' }),
  ok("(ALSO KNOWN AS KADIAN) 1 CAPSULE BY MOUTH EVERY 12 HOURS", 'parserx-sig-vumc', '1 {capsule}', '1/12h', { route: 'oral' }),
  ok("PLACE 1 TABLET (8 MG OF BUPRENORPHINE TOTAL) UNDER THE TONGUE 2 TIMES A DAY FOR 7 DAYS", 'parserx-vumc-2nd', '1 {tbl}', '2/1d', { route: 'sublingual' }),
  ok("PLACE 2 TABLETS (16 MG OF BUPRENORPHINE TOTAL) UNDER THE TONGUE DAILY FOR 28 DAYS", 'parserx-vumc-2nd', '2 {tbl}', '1/1d', { route: 'sublingual' }),
  ok("(ALSO KNOWN AS DURAGESIC) 2 PATCHES ON DRY, CLEANED SKIN EVERY THREE DAYS", 'parserx-sig-vumc', '2 {patch}', '1/3d', { route: 'transdermal' }),
  ok("(Also Known As Duragesic) 1 patch on dry, cleaned skin every three days as needed for pain", 'parserx-sig', '1 {patch}', '1/3d', { prn: true, route: 'transdermal' }),
  ok("(ALSO KNOWN AS NORCO) 1 TABLET BY MOUTH EVERY 6-8 HOURS AS NEEDED FOR PAIN", 'parserx-sig-vumc', '1 {tbl}', '1/6-8h', { prn: true, route: 'oral' }),
  ok("(ALSO KNOWN AS DILAUDID) 1-2 TABLETS BY MOUTH EVERY 4 HOURS AS NEEDED FOR PAIN", 'parserx-sig-vumc', '1-2 {tbl}', '1/4h', { prn: true, route: 'oral' }),
  ok("(ALSO KNOWN AS MS CONTIN) 3 TABLETS BY MOUTH EVERY 8 HOURS", 'parserx-sig-vumc', '3 {tbl}', '1/8h', { route: 'oral' }),
  ok("(Also Known As Norco) 1 to 2 tablets by mouth q4-6 hours as needed for post operative pain", 'parserx-sig', '1-2 {tbl}', '1/4-6h', { prn: true, route: 'oral' }),
  ok("1 (ONE) TABLET BY MOUTH Q4H-6H AS NEEDED FOR PAIN", 'parserx-sig-vumc', '1 {tbl}', '1/4-6h', { prn: true, route: 'oral' }),
  ok("1 (ONE) PATCH ON DRY, CLEANED SKIN EVERY THREE DAYS FOR FOURTEEN DAYS", 'parserx-sig-vumc', '1 {patch}', '1/3d', { route: 'transdermal' }),
  ok("1 patch to skin Transdermal change every 72 hours 30 days", 'parserx-drx', '1 {patch}', '1/72h', { route: 'transdermal' }),
  ok("1 patch to skin q72hr Transdermal 2 days", 'parserx-drx', '1 {patch}', '1/72h', { route: 'transdermal' }),
  ok("1 patch transderml every 72 hours MDD: 1 patch", 'parserx-drx', '1 {patch}', '1/72h', { max: '1 {patch}/1d', route: 'transdermal' }),
  ok("Apply 1 patch onto the skin every 72 hours Max daily dose: 1 patch", 'parserx-drx', '1 {patch}', '1/72h', { max: '1 {patch}/1d', route: 'transdermal' }),
  ok("Place 1 patch onto the skin every 72 hours Max daily dose: 1 patch Remove & discard patch after 72 hours.", 'parserx-drx', '1 {patch}', '1/72h', { max: '1 {patch}/1d', route: 'transdermal' }),
  ok("Apply 1 patch onto the skin every 72 hours Max daily dose: 1 patch Remove & discard patch after 72 hours (before putting new one on)", 'parserx-drx', '1 {patch}', '1/72h', { max: '1 {patch}/1d', route: 'transdermal' }),
  no("Apply as directed, chnge to new patch q72hrs", 'parserx-drx', "\"as directed\""),
  no("Apply 1 patch topical every 72 hours MDD: 1 patchq3days", 'parserx-drx', "did not understand"),
  no("apply to torso, change every 3 days | MDD 1", 'parserx-drx', "did not understand"),
  ok("1 patch every 3 days", 'parserx-sig', '1 {patch}', '1/3d'),
  ok("1 TAB PO Q4-6H PRN For pain MDD: 6", 'parserx-drx', '1 {tbl}', '1/4-6h', { prn: true, max: '6 {tbl}/1d', route: 'oral' }),
  ok("1 -2 tabs po q4-q6hrs prn pain MDD 6", 'parserx-drx', '1-2 {tbl}', '1/4-6h', { prn: true, max: '6 {tbl}/1d', route: 'oral' }),
  no("1-2 TAB PO Q4-6H PRN For 1 TAB PAIN 4-7, 2 TABS 8-10 MDD: 6 post op pain control", 'parserx-drx', "did not understand"),
  no("2 PO q8 hrs prn pain, max dose 6 tabs per day (max 3000mg/day)", 'parserx-drx', "more than one maximum"),
  ok("1 TAB PO Q4HPRN PRN For PAIN MDD: 6", 'parserx-drx', '1 {tbl}', '1/4h', { prn: true, max: '6 {tbl}/1d', route: 'oral' }),
  ok("1 TAB PO Q6H PRN For pain MDD: 4 tabs", 'parserx-drx', '1 {tbl}', '1/6h', { prn: true, max: '4 {tbl}/1d', route: 'oral' }),
  ok("1 TAB PO Q6H PRN For Severe Pain MDD: 8", 'parserx-drx', '1 {tbl}', '1/6h', { prn: true, max: '8 {tbl}/1d', route: 'oral' }),
  ok("1 CAP PO Q6H PRN For pain MDD: 4", 'parserx-drx', '1 {capsule}', '1/6h', { prn: true, max: '4 {capsule}/1d', route: 'oral' }),
  no("1 EA PO Q6H PRN For Pain Score 5 - 10 MDD: MDD = 4 Tabs / Day", 'parserx-drx', "sliding scale"),
  no("1 TABS PO Q6-8H PRN For PAIN SCORE 5-7 MDD: FOUR", 'parserx-drx', "sliding scale"),
  ok("1 TSP PO Q6H PRN For cough MDD: 20ml", 'parserx-drx', '5 mL', '1/6h', { prn: true, max: '20 mL/1d', route: 'oral' }),
  ok("10 MG PO Q8H PRN For pain, spasm", 'parserx-drx', '10 mg', '1/8h', { prn: true, route: 'oral' }),
  ok("4 MG PO Q6H PRN For nausea, vomiting", 'parserx-drx', '4 mg', '1/6h', { prn: true, route: 'oral' }),
  ok("1 TAB PO Q8H PRN For muscle spasm MDD: 3 TABS", 'parserx-drx', '1 {tbl}', '1/8h', { prn: true, max: '3 {tbl}/1d', route: 'oral' }),
  no("2 TAB PO Q4-6H PRN For pain 8-10 MDD: 12 tablets", 'parserx-drx', "a number follows the"),
  no("50 MG PO Q6H PRN For pain  MDD: 4", 'parserx-drx', "maximum \"4\" has no"),
  ok("1 TAB SUBLIN Q8H PRN For NAUSEA & VOMITING", 'parserx-drx', '1 {tbl}', '1/8h', { prn: true, route: 'sublingual' }),
  no("TK 1 T PO Q 4 H PRN P", 'parserx-vumc-2021', "\"T\" can mean tablet"),
  ok("1 TAB PO Q4H PRN For severe pain MDD: 3", 'parserx-drx', '1 {tbl}', '1/4h', { prn: true, max: '3 {tbl}/1d', route: 'oral' }),
  ok("1 Tab Q6H PRN PAIN.", 'parserx-drx', '1 {tbl}', '1/6h', { prn: true }),
  ok("1-2 po q6hrs prn pain", 'parserx-drx', '1-2 {each}', '1/6h', { prn: true, route: 'oral' }),
  ok("one tab sl q 6h prn", 'parserx-drx', '1 {tbl}', '1/6h', { prn: true, route: 'sublingual' }),
  ok("1 tab by mouth  q 12 hours prn muscle spams MDD 2", 'parserx-drx', '1 {tbl}', '1/12h', { prn: true, max: '2 {tbl}/1d', route: 'oral' }),
  ok("take 1 tab q6h prn pain (mdd=4)", 'parserx-drx', '1 {tbl}', '1/6h', { prn: true, max: '4 {tbl}/1d' }),
  ok("1 TAB PO BID For prevent blood clots", 'parserx-drx', '1 {tbl}', '2/1d', { route: 'oral' }),
  ok("600mg 1 tab po TID", 'parserx-sig', '1 {tbl}', '3/1d', { route: 'oral' }),
  ok("1- 2 TABLETS BY MOUTH BID - TID AS NEEDED FOR MUSCLE SPASMS", 'parserx-sig-vumc', '1-2 {tbl}', '2-3/1d', { prn: true, route: 'oral' }),
  ok("2 puffs from the inhaler tid - qid", 'parserx-sig', '2 {puff}', '3-4/1d', { route: 'inhalation' }),
  no("10MG 1 TAB PO PRN", 'parserx-sig-vumc', "no frequency in the"),
  no("500 mg PO prn pain", 'parserx-sig', "no frequency in the"),
  ok("1 PR QD prn constipation", 'parserx-drx', '1 {each}', '1/1d', { prn: true, route: 'rectal' }),
  ok("TAKE 1 TABLET BY MOUTH TWICE DAILY Orally bid 30 day(s)", 'parserx-drx', '1 {tbl}', '2/1d', { route: 'oral' }),
  ok("1 tablet as needed Orally qid MDD:4 30 days", 'parserx-drx', '1 {tbl}', '4/1d', { prn: true, max: '4 {tbl}/1d', route: 'oral' }),
  no("1 capsule BID and 2 Capsules HS QD Orally 30 day(s)", 'parserx-drx', "more than one dose"),
  ok("1 tablet with food or milk twice a day Orally 90 days", 'parserx-drx', '1 {tbl}', '2/1d', { route: 'oral' }),
  no("30 1 OR TID", 'parserx-vumc-2021', "alternatives"),
  no("1 po qd as dir", 'parserx-drx', "\"as directed\""),
  no("1 tab po bid x 5 days, food first", 'parserx-drx', "did not understand"),
  no("CSW 1 T PO QD", 'parserx-vumc-2021', "did not understand"),
  ok("1 TAB PO BID PRN For pain take with food", 'parserx-drx', '1 {tbl}', '2/1d', { prn: true, route: 'oral' }),
  ok("50 MG PO TID PRN For pain", 'parserx-drx', '50 mg', '3/1d', { prn: true, route: 'oral' }),
  no("1 tablet on the tongue and allow to dissolve TID prn N/V Orally 5 day(s)", 'parserx-drx', "did not understand"),
  ok("Take 1 Tablet by mouth EVERY FOUR  HOURS AS NEEDED (prn for pain). Max Daily Amount: 6 Tablets.", 'parserx-drx', '1 {tbl}', '1/4h', { prn: true, max: '6 {tbl}/1d', route: 'oral' }),
  ok("Take 1 tablet by mouth nightly as needed for sleep. MDD 1 per day", 'parserx-drx', '1 {tbl}', '1/1d HS', { prn: true, max: '1 {tbl}/1d', route: 'oral' }),
  ok("take 2 tablets by oral route every 12 hours as needed not to exceed 4 tablets per 24hrs", 'parserx-sig', '2 {tbl}', '1/12h', { prn: true, max: '4 {tbl}/24h', route: 'oral' }),
  ok("Take 1 tablet (5 mg total) by mouth 2 times daily as needed for Pain Max daily dose: 10 mg", 'parserx-drx', '1 {tbl}', '2/1d', { prn: true, max: '2 {tbl}/1d', route: 'oral' }),
  ok("Take 1 tablet by mouth every 6 (six) hours if needed for severe  pain for up to 5 days. Max Daily Amount: 4 tablets", 'parserx-drx', '1 {tbl}', '1/6h', { prn: true, max: '4 {tbl}/1d', route: 'oral' }),
  ok("Take 1 Tab by mouth EVERY SIX HOURS AS NEEDED (pain) for up to 20 doses. Max Daily Amount: 4 Tabs.", 'parserx-drx', '1 {tbl}', '1/6h', { prn: true, max: '4 {tbl}/1d', route: 'oral' }),
  ok("Take 1 tablet by mouth every 4 (four) hours as needed  for Pain for up to 40 doses, Max Daily Dose: 6 tablets", 'parserx-drx', '1 {tbl}', '1/4h', { prn: true, max: '6 {tbl}/1d', route: 'oral' }),
  ok("Take 1-2 tablets by mouth every 4 (four) hours as needed  for Pain for up to 7 days, Max Daily Dose: 8 tablets", 'parserx-drx', '1-2 {tbl}', '1/4h', { prn: true, max: '8 {tbl}/1d', route: 'oral' }),
  ok("Take 1-2 tablets by mouth every 6 (six) hours as needed  for up to 7 days, Max Daily Dose: 8 tablets", 'parserx-drx', '1-2 {tbl}', '1/6h', { prn: true, max: '8 {tbl}/1d', route: 'oral' }),
  ok("Take 1 tab PO Q 4-6 hours as needed for pain, MDD=6", 'parserx-drx', '1 {tbl}', '1/4-6h', { prn: true, max: '6 {tbl}/1d', route: 'oral' }),
  ok("Take 1 tab PO Q 4-6 hours as needed for severe pain, MDD=6", 'parserx-drx', '1 {tbl}', '1/4-6h', { prn: true, max: '6 {tbl}/1d', route: 'oral' }),
  no("TAKE 1 TO 2 TABLETS BY MOUTH EVERY 4 TO 6 HOURS AS NEEDED * NO MORE THAN 3 ,000MG OF ACETAMINOPHEN DAILY", 'parserx-sig-vumc', "maximum \"no more than"),
  no("Take 1 tablet by mouth every 8 (eight) hours as needed for Anxiety. Max Daily Amount: 3 mg.", 'parserx-drx', "maximum in mg while"),
  no("Take 1 capsule by mouth every morning. Max Daily Amount: 10 mg.", 'parserx-drx', "maximum in mg while"),
  no("TAKE 1 TABLET (10 MG) BY ORAL ROUTE ONCE, MAY REPEAT AT 2 HOUR INTERVALS; DO NOT EXCEED 30 MG IN 24 HOURS", 'parserx-sig-vumc', "\"once\" without \"a day\""),
  no("take 1 tablet by mouth once after onset; may repeat after 2 hours, not to exceed 2 tablets in 24hrs", 'parserx-drx', "\"once\" without \"a day\""),
  no("one tablet at the onset of the headache, may repeat x1 in 1-2 hours; max daily dose 2 tablets", 'parserx-drx', "did not understand"),
  ok("Take 1 (one) Capsule by mouth daily, max daily dose: 1 Capsule", 'parserx-drx', '1 {capsule}', '1/1d', { max: '1 {capsule}/1d', route: 'oral' }),
  no("Take 1 capsule, ext release 24 hr orally Every day MAXIMUM DAILY DOSE: ONE", 'parserx-drx', "did not understand"),
  ok("take 1 capsule by mouth every day with food maximum daily dose of 1 per day", 'parserx-drx', '1 {capsule}', '1/1d', { max: '1 {capsule}/1d', route: 'oral' }),
  ok("Take 1 tablet by mouth twice a day MDD: 2 tab", 'parserx-drx', '1 {tbl}', '2/1d', { max: '2 {tbl}/1d', route: 'oral' }),
  ok("take 1  tablets by mouth every 6 hours if needed for pain MDD 4", 'parserx-drx', '1 {tbl}', '1/6h', { prn: true, max: '4 {tbl}/1d', route: 'oral' }),
  ok("1 tab by mouth daily as needed for anxeity MDD 1", 'parserx-drx', '1 {tbl}', '1/1d', { prn: true, max: '1 {tbl}/1d', route: 'oral' }),
  ok("take 1 tablet by mouth twice daily as needed MDD 2", 'parserx-drx', '1 {tbl}', '2/1d', { prn: true, max: '2 {tbl}/1d', route: 'oral' }),
  ok("Take 1 1/2 tablet by mouth three times a day as needed for anxiety MDD: 1.5 tabs", 'parserx-drx', '1.5 {tbl}', '3/1d', { prn: true, max: '1.5 {tbl}/1d', route: 'oral' }),
  no("Swish and spit 20 mL every 3 hours as needed. Maximum daily use is 8 doses per day.", 'parserx-sig', "did not understand"),
  no("give 15 milliliters by mouth in the morning and 15 milliliters at 11 maximum daily dose 30 milliliter MDD 30 ml", 'parserx-drx', "clock times"),
  no("Take 40 mg by mouth every morning and 20mg by mouth every afternoon, mdd 60mg MDD: 60 mg", 'parserx-drx', "did not understand"),
  no("apply 1 patch to skin every 72 hours and remove old patch maximum daily dose = 1 patch every 72 hours MDD 1", 'parserx-drx', "more than one maximum"),
  no("1 tablet as needed Orally MDD=2 tabs twice daily prn pain, never take with hydrocodone 30 days", 'parserx-drx', "did not understand"),
  ok("TAKE 1 TABLET BY MOUTH EVERY 8 HOURS AS NEEDED for anxiety MAXIMUM DAILY DOSE = 3", 'parserx-drx', '1 {tbl}', '1/8h', { prn: true, max: '3 {tbl}/1d', route: 'oral' }),
  ok("1 tablet by mouth daily", 'parserx-drx', '1 {tbl}', '1/1d', { route: 'oral' }),
  ok("1 capsule by mouth twice a day", 'parserx-drx', '1 {capsule}', '2/1d', { route: 'oral' }),
  ok("10mg by mouth daily", 'parserx-sig', '10 mg', '1/1d', { route: 'oral' }),
  no("2 spray in each nostril daily", 'parserx-sig', "dose given per nostril/eye/ear"),
  ok("1 tablet by mouth every 6 hours as needed for pain", 'parserx-sig', '1 {tbl}', '1/6h', { prn: true, route: 'oral' }),
  no("take as directed", 'parserx-drx', "\"as directed\""),
  no("apply a thin layer to the affected area(s) by topical route 2 times per day", 'parserx-sig', "did not understand"),
  ok("81 mg orally once daily, in the morning", 'parserx-sig', '81 mg', '1/1d MORN', { route: 'oral' }),
  no("4000 milliliters by mouth one time only", 'parserx-sig', "a single dose"),
  no("take 2 tablets (500 mg) by oral route once daily for 1 day then 1 tablet (250 mg) by oral route once daily for 4 days", 'parserx-sig', "sequential steps"),
  ok("2 puffs from the inhaler every 4 hours as needed for wheezing", 'parserx-sig', '2 {puff}', '1/4h', { prn: true, route: 'inhalation' }),
  ok("0.5 tablet by mouth daily", 'parserx-sig', '0.5 {tbl}', '1/1d', { route: 'oral' }),
  ok("650 mg orally every 6 hours as needed", 'parserx-sig', '650 mg', '1/6h', { prn: true, route: 'oral' }),
  no("as directed as needed", 'parserx-sig', "\"as directed\""),
  no("place 1 tablet (0.4 mg) by sublingual route at the 1st sign of attack; may repeat every 5 min until relief; if pain persists after 3 tablets in 15 min, prompt medical attention is recommended", 'parserx-sig', "did not understand"),
  ok("1 tablet by mouth every 4 hours for 14 days as needed for pain", 'parserx-sig', '1 {tbl}', '1/4h', { prn: true, route: 'oral' }),
  no("4 drops in each affected ear twice a day for 7 days", 'parserx-sig', "dose given per nostril/eye/ear"),
  ok("1 tablet by mouth every other day", 'parserx-drx', '1 {tbl}', '1/2d', { route: 'oral' }),
  ok("1.5 tablets by mouth daily", 'parserx-sig', '1.5 {tbl}', '1/1d', { route: 'oral' }),
  no("1000 units daily", 'parserx-sig', "\"units\" are not a"),
  no("2 tab orally twice daily, at 10:00 and 18:00", 'parserx-sig', "clock times"),
  ok("1 patch on dry, cleaned skin twice a week", 'parserx-sig', '1 {patch}', '2/1wk', { route: 'transdermal' }),
  no("take 1 tablet (150 mg) by oral route once", 'parserx-sig', "\"once\" without \"a day\""),
  no("x mg 1 tablet once daily", 'parserx-sig', "\"x\" without a number"),
  no("insert 1 vaginal ring by vaginal route once a month leave in place for 3 weeks, remove for 1 week", 'parserx-sig', "did not understand"),
  ok("Take 1-2 tablets by mouth every 4-6 hours as needed for pain.", 'parserx-sig', '1-2 {tbl}', '1/4-6h', { prn: true, route: 'oral' }),
  ok("1 capsule by mouth every week", 'parserx-sig', '1 {capsule}', '1/1wk', { route: 'oral' }),
  ok("6 tablets by mouth every week", 'parserx-sig', '6 {tbl}', '1/1wk', { route: 'oral' }),
  ok("10 milliliters (800 mg) by mouth twice a day for 10 days", 'parserx-sig', '10 mL', '2/1d', { route: 'oral' }),
  ok("5 milliliters (5 mg) by mouth daily", 'parserx-sig', '5 mL', '1/1d', { route: 'oral' }),
  ok("17 gram by mouth daily", 'parserx-sig', '17 g', '1/1d', { route: 'oral' }),
  no("1 packet by mouth daily", 'parserx-sig', "did not understand"),
  no("inject 0.3 milliliter (0.3 mg) by intramuscular route once as needed for anaphylaxis", 'parserx-sig', "an injection route is"),
  no("0.4 mg sub lingual every 5 minutes as needed", 'parserx-sig', "an interval in minutes"),
  ok("100 mg orally once daily, at bedtime, as needed", 'parserx-sig', '100 mg', '1/1d HS', { prn: true, route: 'oral' }),
  ok("1 patch on dry, cleaned skin daily", 'parserx-sig', '1 {patch}', '1/1d', { route: 'transdermal' }),
  ok("(Also Known As Roxicodone) 1 tablet by mouth every 4 hours for 5 days as needed for pain", 'parserx-sig', '1 {tbl}', '1/4h', { prn: true, route: 'oral' }),
  ok("(Also Known As Norco) 1 tablet by mouth every 6 hours as needed for pain", 'parserx-sig', '1 {tbl}', '1/6h', { prn: true, route: 'oral' }),
  ok("1 tablet by mouth every 6 hours for 3 days as needed for pain", 'parserx-sig', '1 {tbl}', '1/6h', { prn: true, route: 'oral' }),
  no("17 gm orally every 24 hours at 10:00", 'parserx-sig', "clock times"),
  no("0.4 mg sublingual as needed", 'parserx-sig', "no frequency in the"),
  ok("(Also Known As Zofran (as hydrochloride)) 1 tablet by mouth every 8 hours", 'parserx-sig', '1 {tbl}', '1/8h', { route: 'oral' }),
  ok("50 MG PO QD", 'parserx-sig-vumc', '50 mg', '1/1d', { route: 'oral' }),
  ok("10MG PO QHS", 'parserx-sig-vumc', '10 mg', '1/1d HS', { route: 'oral' }),
  ok("TAKE 1 TABLET (500 MG TOTAL) BY MOUTH 3 (THREE) TIMES A DAY FOR 7 DAYS", 'parserx-vumc-2021', '1 {tbl}', '3/1d', { route: 'oral' }),
  no("INJECT 0.4 ML (40 MG TOTAL) UNDER THE SKIN EVERY 14 DAYS", 'parserx-vumc-2021', "an injection route is"),
  ok("(ALSO KNOWN AS ZOFRAN ODT) 0.5 TABLET ON THE TONGUE EVERY 8 HOURS FOR 2 DAYS AS NEEDED FOR VOMITING", 'parserx-sig-vumc', '0.5 {tbl}', '1/8h', { prn: true, route: 'oral' }),
  ok("30 MG DAILY FOR UNTIL DISCONTINUED", 'parserx-sig-vumc', '30 mg', '1/1d'),
  no("INJECT 15 UNITS UNDER THE SKIN 2 (TWO) TIMES A DAY", 'parserx-vumc-2021', "an injection route is"),
  no("TAKE 1 TABLET (8 MG) AND PLACE ON TOP OF THE TONGUE WHERE IT WILL DISSOLVE, THEN SWALLOW BY ORAL ROUTE EVERY 8 HOURS AS NEEDED FOR NAUSEA", 'parserx-sig-vumc', "sequential steps"),
  ok("5MG 1 TAB PO DAILY", 'parserx-sig-vumc', '1 {tbl}', '1/1d', { route: 'oral' }),
  ok("30 MG BID", 'parserx-sig-vumc', '30 mg', '2/1d'),
  ok("(ALSO KNOWN AS ZOLOFT) 1.5 TABLETS BY MOUTH DAILY", 'parserx-sig-vumc', '1.5 {tbl}', '1/1d', { route: 'oral' }),
  no("? MG 1 TABLET BY MOUTH DAILY", 'parserx-sig-vumc', "did not understand"),
  ok("1 PO Q 12 HRS PRN FOR SINUS CONGESTION", 'parserx-vumc-2021', '1 {each}', '1/12h', { prn: true, route: 'oral' }),
  ok("10 MG ONCE DAILY AS NEEDED", 'parserx-sig-vumc', '10 mg', '1/1d', { prn: true }),
  ok("TAKE 1 capsule(s) by oral route every 12 hours", 'parserx-verlyn', '1 {capsule}', '1/12h', { route: 'oral' }),
  no("1 drop in each eye 3 times a day for glaucoma", 'parserx-verlyn', "dose given per nostril/eye/ear"),
  ok("1 pill by mouth twice a day as needed for severe pain.", 'parserx-verlyn', '1 {pill}', '2/1d', { prn: true, route: 'oral' }),
  ok("1 pill by mouth up to twice a day as needed for severe pain", 'parserx-verlyn', '1 {pill}', '1-2/1d', { prn: true, route: 'oral' }),
  ok("1/2 pill by mouth up to 2 times a day as needed for severe pain.", 'parserx-verlyn', '0.5 {pill}', '1-2/1d', { prn: true, route: 'oral' }),
  ok("2 pills by mouth every 6 hours as needed for pain or fever", 'parserx-verlyn', '2 {pill}', '1/6h', { prn: true, route: 'oral' }),
  no("1000 mcg/mL injection once a week for 4 weeks beginning 03/18/2019", 'parserx-verlyn', "did not understand"),
  ok("Chew 1-2 tablet(s) by mouth every 6 hours if needed for fever or pain.", 'parserx-verlyn', '1-2 {tbl}', '1/6h', { prn: true, route: 'oral' }),
  no("Chew 1-2 tablets by mouth with meals and at bedtime as needed. Max 6 tablets per day", 'parserx-verlyn', "meal times together with"),
  ok("Dissolve 1 lozenge by mouth every 2 hours as needed for coughing or dry/painful throat", 'parserx-verlyn', '1 {lozenge}', '1/2h', { prn: true, route: 'oral' }),
  ok("inhale 2 puff by inhalation route  every 4 - 6 hours as needed", 'parserx-verlyn', '2 {puff}', '1/4-6h', { prn: true, route: 'inhalation' }),
  ok("Inhale 2 puffs every 6 hours if needed for shortness of breath/wheezing", 'parserx-verlyn', '2 {puff}', '1/6h', { prn: true }),
  no("Apply 1 drop in both eyes up to 4 times daily if needed for dry eyes", 'parserx-verlyn', "dose given per nostril/eye/ear"),
  no("give 40  mg SQ every 14 days.", 'parserx-verlyn', "an injection route is"),
  no("APPLY 1 PATCH TO INTACT SKIN ONCE DAILY (MAY WEAR UP TO 12 HOURS.)", 'parserx-verlyn', "\"may repeat / may"),
  ok("chew 1 tablet daily", 'parserx-verlyn', '1 {tbl}', '1/1d'),
  ok("Take 1 tablet by mouth at bedtime", 'parserx-drx', '1 {tbl}', '1/1d HS', { route: 'oral' }),
  ok("one capsule by mouth up to three times a day.", 'parserx-drx', '1 {capsule}', '1-3/1d', { route: 'oral' }),
  no("Take 1 tablet by mouth once a day either in the AM or after school.", 'parserx-drx', "did not understand"),
  ok("1 tablet Once a day by mouth 90 days", 'parserx-drx', '1 {tbl}', '1/1d', { route: 'oral' }),
  ok("1 capsule Twice a day Orally 30 days", 'parserx-drx', '1 {capsule}', '2/1d', { route: 'oral' }),
  ok("1 by mouth every day", 'parserx-drx', '1 {each}', '1/1d', { route: 'oral' }),
  ok("Take 1 tablet orally Twice a day for ten days", 'parserx-drx', '1 {tbl}', '2/1d', { route: 'oral' }),
  no("1 tablet twice a day, no urgent, replace in next mediset, new dose", 'parserx-drx', "did not understand"),
  ok("500 MG PO QID For infection prevention", 'parserx-drx', '500 mg', '4/1d', { route: 'oral' }),
  ok("TAKE 1/2 - 1 TABLET BY MOUTH ONCE A DAY", 'parserx-drx', '0.5-1 {tbl}', '1/1d', { route: 'oral' }),
  no("Apply twice daily as needed to AA on face and neck", 'parserx-drx', "no dose"),
  ok("Take 1 Cap by mouth DAILY.", 'parserx-drx', '1 {capsule}', '1/1d', { route: 'oral' }),
  ok("1 by mouth twice a day as needed", 'parserx-drx', '1 {each}', '2/1d', { prn: true, route: 'oral' }),
  ok("1 tablet in the morning on an empty stomach Once a day Orally 30 day(s)", 'parserx-drx', '1 {tbl}', '1/1d MORN', { route: 'oral' }),
  ok("inhale 2 puffs by mouth every 4 hours as needed for cough or wheezing", 'parserx-drx', '2 {puff}', '1/4h', { prn: true, route: 'oral' }),
  ok("1 patch on dry, cleaned skin every morning", 'parserx-sig', '1 {patch}', '1/1d MORN', { route: 'transdermal' }),
  ok("PLACE 1 PATCH ON THE SKIN 2 (TWO) TIMES A WEEK", 'parserx-vumc-2021', '1 {patch}', '2/1wk', { route: 'transdermal' }),
  ok("apply 1 patch topically every week", 'parserx-drx', '1 {patch}', '1/1wk', { route: 'topical' }),
  ok("(ALSO KNOWN AS CLIMARA) 1 PATCH ON DRY, CLEANED SKIN EVERY WEEK", 'parserx-sig-vumc', '1 {patch}', '1/1wk', { route: 'transdermal' }),
  no("1 PATCH TOP NP PRN For left hip pain", 'parserx-drx', "did not understand"),
  no("PRN 1 patch to painful area BID as needed for pain", 'parserx-drx', "did not understand"),
  ok("10 milliliters by mouth every 4 hours for 10 days as needed for pain", 'parserx-sig', '10 mL', '1/4h', { prn: true, route: 'oral' }),
  ok("(ALSO KNOWN AS HYCET) 2 MILLILITERS BY MOUTH EVERY 6 HOURS FOR 3 DAYS AS NEEDED FOR PAIN", 'parserx-sig-vumc', '2 mL', '1/6h', { prn: true, route: 'oral' }),
  ok("TAKE 1 ML (8 MG TOTAL) BY MOUTH 2 TIMES A DAY", 'parserx-vumc-2021', '1 mL', '2/1d', { route: 'oral' }),
  ok("Take 23 mLs by mouth 2 (two) times daily.", 'parserx-drx', '23 mL', '2/1d', { route: 'oral' }),
  ok("5  ML 2x daily for one month", 'parserx-drx', '5 mL', '2/1d'),
  ok("9.7 milliliters by mouth every 6 hours x 14 days", 'parserx-drx', '9.7 mL', '1/6h', { route: 'oral' }),
  ok("Take 2.5 mLs (20 mg total) by mouth every 12 hours", 'parserx-drx', '2.5 mL', '1/12h', { route: 'oral' }),
  no("1-2 tsp q 4-6 hours prn noc cough - home use only - no driving. Do not use at work.", 'parserx-sig', "a stray \"-\""),
  ok("(Also Known As Zithromax) 2.5 milliliters (50 mg) by mouth daily for 4 days", 'parserx-sig', '2.5 mL', '1/1d', { route: 'oral' }),
  no("Take 0.2 mLs by mouth every 6 hours as needed (for irritability OR for seizures lasting > 5 minutes).", 'parserx-drx', "did not understand"),
  no("4 ml in the AM, 5 ml in the PM for 7 days, then 4 ml in the AM and 6 ml in the PM", 'parserx-drx', "sequential steps"),
  ok("1 tablet sublingually every 8 hours as needed for abdominal pain", 'parserx-sig', '1 {tbl}', '1/8h', { prn: true, route: 'sublingual' }),
  ok("10 mg rectally every other day", 'parserx-sig', '10 mg', '1/2d', { route: 'rectal' }),
  no("(ALSO KNOWN AS NITROSTAT) 1 TABLET UNDER THE TONGUE EVERY 5 MINUTES AS NEEDED FOR CHEST PAIN", 'parserx-sig-vumc', "an interval in minutes"),
  ok("2 STRIPS SUBLINGUALLY DAILY", 'parserx-sig-vumc', '2 {film}', '1/1d', { route: 'sublingual' }),
  ok("10 MG RECTALLY ONCE DAILY AS NEEDED", 'parserx-sig-vumc', '10 mg', '1/1d', { prn: true, route: 'rectal' }),
  no("1 suppository into the rectum as directed twice a day for 2 weeks", 'parserx-sig', "\"as directed\""),
  ok("8 (EIGHT) TABLETS BY MOUTH EVERY WEEK", 'parserx-sig-vumc', '8 {tbl}', '1/1wk', { route: 'oral' }),
  ok("1 (ONE) CAPSULE BY MOUTH THREE TIMES A WEEK", 'parserx-sig-vumc', '1 {capsule}', '3/1wk', { route: 'oral' }),
  ok("TAKE 1 CAPSULE BY MOUTH TWICE WEEKLY", 'parserx-sig-vumc', '1 {capsule}', '2/1wk', { route: 'oral' }),
  ok("1 po qweek", 'parserx-drx', '1 {each}', '1/1wk', { route: 'oral' }),
  ok("1 tablet by mouth every three days as needed for sexual activity", 'parserx-sig', '1 {tbl}', '1/3d', { prn: true, route: 'oral' }),
  ok("TAKE 81 MG BY MOUTH EVERY OTHER DAY", 'parserx-vumc-2021', '81 mg', '1/2d', { route: 'oral' }),
  no("2 tablets daily for 5 days and then taper by 10 mg per day", 'parserx-drx', "sequential steps"),
  no("1 OR 2 TABLETS BY MOUTH EVERY 4-6 HRS. AS NEEDED FOR PAIN", 'parserx-sig-vumc', "alternatives"),
  no("take 1 or 2 capsules by mouth at at bedtime", 'parserx-drx', "alternatives"),
  no("3 tabs daily x 3 days, then 2 tabs daily x 3 days, 1 tab daily x 3 days,  as directed.", 'parserx-drx', "sequential steps"),
  no("Take 1 Tab by mouth TWICE DAILY. Dose has been increased from 12.5 mg bid to 25 mg bid", 'parserx-drx', "dose changes over time"),
  no("4 tabs by mouth every day for 7 days the taper by 10 mg every 3 days then stop", 'parserx-drx', "sequential steps"),
  no("TAKE 1-3 TABLETS BY MOUTH q3-4 days as directed", 'parserx-drx', "\"as directed\""),
  no("1 CAPSULE TID UNTIL FINISHED.", 'parserx-drx', "\"until gone\""),
  no("TAKE 2 TABS STAT, THEN TAKE 1 TAB BID UNTIL FINISHED", 'parserx-drx', "sequential steps"),
  no("as directed per sliding scale Subcutaneous before meals, three times per day 30 days", 'parserx-drx', "\"as directed\""),
  no("2.5 MG IN Q4H PRN For SOB use every 4 hours while awake for the next 48 hours.  Then as needed dispense 1 box", 'parserx-drx', "sequential steps"),
  ok("40 mg by mouth nightly", 'parserx-sig', '40 mg', '1/1d HS', { route: 'oral' }),
  ok("1 tablet by mouth nightly", 'parserx-sig', '1 {tbl}', '1/1d HS', { route: 'oral' }),
  ok("1 capsule TID prn Orally 30 day(s)", 'parserx-drx', '1 {capsule}', '3/1d', { prn: true, route: 'oral' }),
  ok("1 tablet as needed TID prn Orally 30 days", 'parserx-drx', '1 {tbl}', '3/1d', { prn: true, route: 'oral' }),
  no("500 MG PO Q12H start 6/1 evening", 'parserx-drx', "did not understand"),
  no("10mg po 1 tab. @ bedtime", 'parserx-sig', "more than one dose"),
  ok("Take 2 tabs orally in evening as needed", 'parserx-drx', '2 {tbl}', '1/1d EVE', { prn: true, route: 'oral' }),
  ok("1 gm four times daily", 'parserx-sig', '1 g', '4/1d'),
  ok("20mg daily orally", 'parserx-sig', '20 mg', '1/1d', { route: 'oral' }),
  ok("150 mcg 1 tablet by mouth daily", 'parserx-sig', '1 {tbl}', '1/1d', { route: 'oral' }),
  ok("TAKE 1.5 TABLETS (37.5 MCG TOTAL) BY MOUTH DAILY", 'parserx-vumc-2021', '1.5 {tbl}', '1/1d', { route: 'oral' }),
  no("500 mg take one by mouth daily", 'parserx-sig', "a number without a unit"),
  ok("Take 1 capsule (150 mg total) by mouth daily  Swallow whole. Do not crush or chew.", 'parserx-drx', '1 {capsule}', '1/1d', { route: 'oral' }),
  ok("TAKE 1 TABLET (10 MG TOTAL) BY MOUTH EVERY 6 HOURS AS NEEDED FOR NAUSEA OR VOMITING", 'parserx-vumc-2021', '1 {tbl}', '1/6h', { prn: true, route: 'oral' }),
  ok("take 1 tablet once a week for 4 weeks.", 'parserx-drx', '1 {tbl}', '1/1wk'),
  no("70 units subcutaneously daily", 'parserx-sig', "\"units\" are not a"),
  no("50MCG 1 SPRAY EACH NOSTRIL DAILY", 'parserx-sig-vumc', "dose given per nostril/eye/ear"),
  no("1 MILLIGRAM INJECTION PRN FOR ONE TIME ONLY AS NEEDED FOR HYPOGLYCEMIA", 'parserx-sig-vumc', "an injection route is"),
  no("(ALSO KNOWN AS ZITHROMAX) 1 PACKET BY MOUTH ONE TIME ONLY", 'parserx-sig-vumc', "did not understand"),
  ok("TAKE 2 TABLETS EVERY EVENING", 'parserx-vumc-2021', '2 {tbl}', '1/1d EVE'),
  ok("(ALSO KNOWN AS EFFEXOR XR) 1 CAPSULE BY MOUTH EVERY MORNING", 'parserx-sig-vumc', '1 {capsule}', '1/1d MORN', { route: 'oral' }),
  // --- variants written for this table (misspellings, ISMP abbreviations, ambiguous shapes) ---
  ok("take 1 tablt evry 6 hrs", 'variant', '1 {tbl}', '1/6h'),
  ok("1 tab po q6hrs prn pain", 'variant', '1 {tbl}', '1/6h', { prn: true, route: 'oral' }),
  ok("1 tablet by mouth daly", 'variant', '1 {tbl}', '1/1d', { route: 'oral' }),
  no("po q4h prn pain", 'variant', "no dose"),
  ok("1 tab p.o. b.i.d.", 'variant', '1 {tbl}', '2/1d', { route: 'oral' }),
  ok("1 tab PO q.d.", 'variant', '1 {tbl}', '1/1d', { route: 'oral' }),
  ok("1 tab PO QOD", 'variant', '1 {tbl}', '1/2d', { route: 'oral' }),
  ok("1 tab po qhs", 'variant', '1 {tbl}', '1/1d HS', { route: 'oral' }),
  ok("1 tab SL q.i.d.", 'variant', '1 {tbl}', '4/1d', { route: 'sublingual' }),
  no(".5 mg po q6h", 'variant', "number with a naked"),
  no("take 1 T po qd", 'variant', "\"T\" can mean tablet"),
  ok("5 cc po q6h prn", 'variant', '5 mL', '1/6h', { prn: true, route: 'oral' }),
  ok("1-2 tabs po q4-6h prn pain, max 8/day", 'variant', '1-2 {tbl}', '1/4-6h', { prn: true, max: '8 {tbl}/1d', route: 'oral' }),
  ok("1 tab po q6h prn pain, not to exceed 4 tablets in 24 hours", 'variant', '1 {tbl}', '1/6h', { prn: true, max: '4 {tbl}/24h', route: 'oral' }),
  ok("1 tab po q6h prn pain, do not exceed 6 per day", 'variant', '1 {tbl}', '1/6h', { prn: true, max: '6 {tbl}/1d', route: 'oral' }),
  ok("take 1 tablet every 6 hours as needed, no more than 3 tablets per day", 'variant', '1 {tbl}', '1/6h', { prn: true, max: '3 {tbl}/1d' }),
  ok("apply 1 patch every 72 hours", 'variant', '1 {patch}', '1/72h'),
  ok("change patch every 3 days", 'variant', '1 {patch}', '1/3d'),
  ok("1 patch td every 7 days", 'variant', '1 {patch}', '1/7d', { route: 'transdermal' }),
  ok("1 film buccally every 12 hours", 'variant', '1 {film}', '1/12h', { route: 'buccal' }),
  ok("1 supp PR q6h prn", 'variant', '1 {suppository}', '1/6h', { prn: true, route: 'rectal' }),
  ok("10 mg po q12h", 'variant', '10 mg', '1/12h', { route: 'oral' }),
  ok("1 tablet by mouth every 4 to 6 hours if needed", 'variant', '1 {tbl}', '1/4-6h', { prn: true, route: 'oral' }),
  ok("1 tablet by mouth 1-2 times daily", 'variant', '1 {tbl}', '1-2/1d', { route: 'oral' }),
  ok("1 tab po q 6 hrs prn", 'variant', '1 {tbl}', '1/6h', { prn: true, route: 'oral' }),
  no("2 tabs daily for 3 days then 1 tab daily", 'variant', "sequential steps"),
  no("taper as instructed", 'variant', "\"as directed\""),
  no("1-2 tabs", 'variant', "no frequency in the"),
  no("1 tab q8h or 2 tabs q12h", 'variant', "alternatives"),
  no("1 tab bid and 1 tab at bedtime", 'variant', "conflicting frequencies"),
  no("take 1 tablet daily until gone", 'variant', "\"until gone\""),
  no("1 tab q4h prn pain, 1 tab q6h prn pain", 'variant', "conflicting frequencies"),
  no("take 1 tab every 6 hours daily", 'variant', "conflicting frequencies"),
  no("1 tab q6h prn pain, max 3000 mg/day", 'variant', "maximum in mg while"),
  no("use as directed", 'variant', "\"as directed\""),
  no("1 tab per sliding scale", 'variant', "sliding scale"),
];

/** The Dosage in the corpus's compact notation (see the corpus header). */
export function summarize(d: Dosage): ExpectedReading {
  const dr = d.doseAndRate?.[0];
  const q = dr?.doseQuantity;
  const range = dr?.doseRange;
  const dose = q ? `${q.value} ${q.unit}` : `${range?.low?.value}-${range?.high?.value} ${range?.high?.unit}`;
  const r = d.timing?.repeat ?? {};
  const timing =
    `${r.frequency}${r.frequencyMax !== undefined ? `-${r.frequencyMax}` : ''}/${r.period}` +
    `${r.periodMax !== undefined ? `-${r.periodMax}` : ''}${r.periodUnit}${r.when ? ` ${r.when.join(',')}` : ''}`;
  const out: ExpectedReading = { dose, timing };
  if (d.asNeededBoolean === true) out.prn = true;
  const m = d.maxDosePerPeriod;
  if (m) out.max = `${m.numerator?.value} ${m.numerator?.unit}/${m.denominator?.value}${m.denominator?.unit}`;
  if (d.route?.text) out.route = d.route.text;
  return out;
}

