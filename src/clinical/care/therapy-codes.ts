/**
 * Non-drug pain therapy codes: a curated SNOMED CT table (every display verified in a cited public source), CPT
 * ranges, and ICD-10-PCS prefixes. VSAC 2.16.840.1.113762.1.4.1032.36 "Non pharmacologic treatments for chronic
 * pain" (generated NONPHARM_SNOMED / NONPHARM_ICD10PCS) lists the codes AHRQ's Pain Management Summary counts, but
 * its copies carry no displays, so the kind of therapy comes from this table, else from the concept's text;
 * `vsac` says whether 1032.36 lists the code (checked by tests/clinical/care against the generated list).
 *
 * Display sources:
 *  - eCQM = VSAC value sets of the eCQM 2021-05-06 update as published with displays in
 *    canvas-medical/canvas-plugins canvas_sdk/value_set/v2022/*.py @ 344f0bcb924b2be7ffafb5ac7edf19d475704259
 *    (Referral 2.16.840.1.113883.3.464.1003.101.12.1046; Physical Therapy Evaluation …3.526.3.1022; Occupational
 *    Therapy Evaluation …3.526.3.1011; Psych Visit - Psychotherapy …3.526.3.1496; Follow Up for Adult Depression
 *    …3.526.3.1568; Counseling for Physical Activity …3.464.1003.118.12.1035; Referrals Where Weight Assessment May
 *    Occur …3.600.1.1527);
 *  - Synthea = synthetichealth/synthea src/main/resources/costs/procedures.csv @ 025e0f0888d7fbe946a66df0342fc89197a16461;
 *  - NHS = NHS Talking Therapies (IAPT) code lists in public repositories ("304891004 Cognitive behavioural therapy");
 *  - FHIR examples = public FHIR code examples ("44868003 Acupuncture").
 *
 * CPT code numbers (descriptors are AMA's; only numbers and our own labels here):
 *  - 97010–97039 modalities, 97110–97140 therapeutic procedures (97124 massage), 97150, 97161–97164 PT evaluation,
 *    97165–97168 OT evaluation, 97530, 97535, 97750: CMS "List of Therapy Codes" (Annual Therapy Update,
 *    cms.gov/medicare/billing/therapyservices/annual-therapy-update);
 *  - 97810–97814 acupuncture: CMS NCD 30.3.3 "Acupuncture for Chronic Low Back Pain" (2020);
 *  - 98940–98942 spinal and 98943 extraspinal chiropractic manipulative treatment: CMS Medicare Benefit Policy Manual
 *    ch. 15 §240 (chiropractic services);
 *  - 98925–98929 osteopathic manipulative treatment: CMS Physician Fee Schedule;
 *  - 90832–90838 and 90853 psychotherapy: eCQM "Psych Visit - Psychotherapy" (2.16.840.1.113883.3.526.3.1496) and
 *    CMS PFS;
 *  - 96156–96159, 96164–96171 health behavior assessment and intervention (the codes pain psychology services bill):
 *    CMS CY 2020 PFS final rule (replaced 96150–96155).
 *
 * ICD-10-PCS (CMS, public domain): 9WB chiropractic manipulation ("9WB0XBZ Chiropractic Manipulation of Head,
 * Non-Manual"); 7W0 osteopathic treatment ("7W00X0Z Osteopathic Treatment of Head using Articulatory-Raising
 * Forces"); F07 rehabilitation motor treatment (physical therapy); 8E0H30 acupuncture (listed as acupuncture in the
 * VA complementary and integrative health code list).
 */
import type { TherapyKind } from './types.ts';

export interface TherapyCode {
  code: string;
  display: string;
  therapy: TherapyKind;
  referral?: boolean;
  source: 'eCQM' | 'Synthea' | 'NHS' | 'FHIR examples';
  /** VSAC 1032.36 lists the code. */
  vsac: boolean;
}

export const THERAPY_SNOMED: readonly TherapyCode[] = [
  // physical therapy
  { code: '91251008', display: 'Physical therapy procedure', therapy: 'physical therapy', source: 'Synthea', vsac: true },
  { code: '183326003', display: 'Combined physical therapy', therapy: 'physical therapy', source: 'eCQM', vsac: true },
  { code: '33849009', display: 'Diagnostic physical therapy procedure', therapy: 'physical therapy', source: 'eCQM', vsac: true },
  { code: '410158009', display: 'Physical therapy assessment', therapy: 'physical therapy', source: 'eCQM', vsac: true },
  { code: '410159001', display: 'Physical therapy education', therapy: 'physical therapy', source: 'eCQM', vsac: true },
  { code: '410160006', display: 'Physical therapy management', therapy: 'physical therapy', source: 'eCQM', vsac: true },
  { code: '424203006', display: 'Physical therapy education, guidance and counseling', therapy: 'physical therapy', source: 'eCQM', vsac: true },
  { code: '424291000', display: 'Physical therapy surveillance', therapy: 'physical therapy', source: 'eCQM', vsac: true },
  { code: '308447003', display: 'Referral to physiotherapist', therapy: 'physical therapy', referral: true, source: 'eCQM', vsac: true },
  { code: '400992001', display: 'Refer to community physiotherapist', therapy: 'physical therapy', referral: true, source: 'eCQM', vsac: true },
  { code: '416790000', display: 'Referral for home physical therapy', therapy: 'physical therapy', referral: true, source: 'eCQM', vsac: true },
  { code: '444831000124102', display: 'Referral for physical therapy', therapy: 'physical therapy', referral: true, source: 'eCQM', vsac: true },
  { code: '306358002', display: 'Referral to community-based physiotherapist', therapy: 'physical therapy', referral: true, source: 'eCQM', vsac: false },
  { code: '306359005', display: 'Referral to hospital-based physiotherapist', therapy: 'physical therapy', referral: true, source: 'eCQM', vsac: false },
  { code: '416999007', display: 'Private referral to physiotherapist', therapy: 'physical therapy', referral: true, source: 'eCQM', vsac: false },
  // occupational therapy
  { code: '84478008', display: 'Occupational therapy', therapy: 'occupational therapy', source: 'eCQM', vsac: true },
  { code: '228653003', display: 'Occupational therapy home visit', therapy: 'occupational therapy', source: 'eCQM', vsac: true },
  { code: '410155007', display: 'Occupational therapy assessment', therapy: 'occupational therapy', source: 'eCQM', vsac: true },
  { code: '410156008', display: 'Occupational therapy education', therapy: 'occupational therapy', source: 'eCQM', vsac: true },
  { code: '410157004', display: 'Occupational therapy management', therapy: 'occupational therapy', source: 'eCQM', vsac: true },
  { code: '423602000', display: 'Occupational therapy surveillance', therapy: 'occupational therapy', source: 'eCQM', vsac: true },
  { code: '424574000', display: 'Occupational therapy education, guidance, counseling', therapy: 'occupational therapy', source: 'eCQM', vsac: true },
  { code: '306166004', display: 'Referral to occupational therapy service', therapy: 'occupational therapy', referral: true, source: 'eCQM', vsac: true },
  { code: '306167008', display: 'Referral to community-based occupational therapy service', therapy: 'occupational therapy', referral: true, source: 'eCQM', vsac: true },
  { code: '306168003', display: 'Referral to hospital-based occupational therapy service', therapy: 'occupational therapy', referral: true, source: 'eCQM', vsac: true },
  { code: '308453003', display: 'Referral to occupational therapist', therapy: 'occupational therapy', referral: true, source: 'eCQM', vsac: false },
  // CBT / psychotherapy
  { code: '228557008', display: 'Cognitive and behavioral therapy', therapy: 'CBT / psychotherapy', source: 'eCQM', vsac: true },
  { code: '304891004', display: 'Cognitive behavioral therapy', therapy: 'CBT / psychotherapy', source: 'NHS', vsac: true },
  { code: '183383008', display: 'Psychotherapy - cognitive', therapy: 'CBT / psychotherapy', source: 'eCQM', vsac: true },
  { code: '183382003', display: 'Psychotherapy - behavioral', therapy: 'CBT / psychotherapy', source: 'eCQM', vsac: true },
  { code: '75516001', display: 'Psychotherapy', therapy: 'CBT / psychotherapy', source: 'eCQM', vsac: true },
  { code: '18512000', display: 'Individual psychotherapy', therapy: 'CBT / psychotherapy', source: 'eCQM', vsac: true },
  { code: '183381005', display: 'General psychotherapy', therapy: 'CBT / psychotherapy', source: 'eCQM', vsac: true },
  { code: '15558000', display: 'Expressive psychotherapy', therapy: 'CBT / psychotherapy', source: 'eCQM', vsac: true },
  { code: '38678006', display: 'Client-centered psychotherapy', therapy: 'CBT / psychotherapy', source: 'eCQM', vsac: true },
  { code: '302242004', display: 'Long-term psychodynamic psychotherapy', therapy: 'CBT / psychotherapy', source: 'eCQM', vsac: true },
  { code: '304820009', display: 'Developmental psychodynamic psychotherapy', therapy: 'CBT / psychotherapy', source: 'eCQM', vsac: true },
  { code: '304822001', display: 'Psychodynamic-interpersonal psychotherapy', therapy: 'CBT / psychotherapy', source: 'eCQM', vsac: true },
  { code: '314034001', display: 'Psychodynamic psychotherapy', therapy: 'CBT / psychotherapy', source: 'eCQM', vsac: true },
  { code: '401157001', display: 'Brief solution focused psychotherapy', therapy: 'CBT / psychotherapy', source: 'eCQM', vsac: true },
  { code: '443730003', display: 'Interpersonal psychotherapy', therapy: 'CBT / psychotherapy', source: 'eCQM', vsac: true },
  { code: '8411005', display: 'Interactive individual medical psychotherapy', therapy: 'CBT / psychotherapy', source: 'eCQM', vsac: true },
  { code: '90102008', display: 'Social psychotherapy', therapy: 'CBT / psychotherapy', source: 'eCQM', vsac: true },
  { code: '372067001', display: 'Implementation of measures to provide psychological support', therapy: 'CBT / psychotherapy', source: 'eCQM', vsac: true },
  { code: '81294000', display: 'Patient referral for psychotherapy', therapy: 'CBT / psychotherapy', referral: true, source: 'eCQM', vsac: true },
  { code: '183583007', display: 'Refer to mental health worker', therapy: 'CBT / psychotherapy', referral: true, source: 'eCQM', vsac: true },
  { code: '306343005', display: 'Referral to psychotherapist', therapy: 'CBT / psychotherapy', referral: true, source: 'eCQM', vsac: false },
  { code: '308459004', display: 'Referral to psychologist', therapy: 'CBT / psychotherapy', referral: true, source: 'eCQM', vsac: false },
  { code: '428471000124108', display: 'Referral to clinical psychologist', therapy: 'CBT / psychotherapy', referral: true, source: 'eCQM', vsac: false },
  // exercise therapy
  { code: '229065009', display: 'Exercise therapy', therapy: 'exercise therapy', source: 'eCQM', vsac: true },
  { code: '226029000', display: 'Exercises', therapy: 'exercise therapy', source: 'Synthea', vsac: true },
  { code: '229070002', display: 'Stretching exercises', therapy: 'exercise therapy', source: 'Synthea', vsac: true },
  { code: '310882002', display: 'Exercise on prescription', therapy: 'exercise therapy', source: 'eCQM', vsac: true },
  { code: '281090004', display: 'Recommendation to exercise', therapy: 'exercise therapy', source: 'eCQM', vsac: true },
  { code: '390864007', display: 'Referral for exercise therapy', therapy: 'exercise therapy', referral: true, source: 'eCQM', vsac: true },
  // acupuncture, chiropractic
  { code: '44868003', display: 'Acupuncture', therapy: 'acupuncture', source: 'FHIR examples', vsac: true },
  { code: '308449000', display: 'Referral to chiropractor', therapy: 'chiropractic', referral: true, source: 'eCQM', vsac: true },
  { code: '308450000', display: 'Referral to osteopath', therapy: 'other', referral: true, source: 'eCQM', vsac: false },
];

/** SNOMED codes VSAC 1032.36 lists that are not pain therapy (display verified, eCQM source): never counted. */
export const NOT_PAIN_THERAPY_SNOMED: Readonly<Record<string, string>> = {
  '426697007': 'Percutaneous radiofrequency ablation of lesion of kidney',
};

/** CPT code → therapy, by numeric range (inclusive). The first matching range wins. */
export const THERAPY_CPT_RANGES: readonly { from: number; to: number; therapy: TherapyKind; label: string }[] = [
  { from: 97124, to: 97124, therapy: 'massage', label: 'massage therapy (CMS therapy code list)' },
  { from: 97161, to: 97164, therapy: 'physical therapy', label: 'physical therapy evaluation (CMS therapy code list)' },
  { from: 97165, to: 97168, therapy: 'occupational therapy', label: 'occupational therapy evaluation (CMS therapy code list)' },
  { from: 97010, to: 97039, therapy: 'physical therapy', label: 'physical medicine modalities (CMS therapy code list)' },
  { from: 97110, to: 97140, therapy: 'physical therapy', label: 'therapeutic procedures 97110–97140 (CMS therapy code list)' },
  { from: 97150, to: 97150, therapy: 'physical therapy', label: 'group therapeutic procedures (CMS therapy code list)' },
  { from: 97530, to: 97530, therapy: 'physical therapy', label: 'therapeutic activities (CMS therapy code list)' },
  { from: 97535, to: 97535, therapy: 'occupational therapy', label: 'self-care/home management training (CMS therapy code list)' },
  { from: 97750, to: 97750, therapy: 'physical therapy', label: 'physical performance test (CMS therapy code list)' },
  { from: 97810, to: 97814, therapy: 'acupuncture', label: 'acupuncture 97810–97814 (CMS NCD 30.3.3)' },
  { from: 98940, to: 98943, therapy: 'chiropractic', label: 'chiropractic manipulative treatment 98940–98943 (CMS Benefit Policy Manual ch. 15 §240)' },
  { from: 98925, to: 98929, therapy: 'other', label: 'osteopathic manipulative treatment 98925–98929 (CMS PFS)' },
  { from: 90832, to: 90838, therapy: 'CBT / psychotherapy', label: 'psychotherapy 90832–90838 (eCQM Psych Visit - Psychotherapy; CMS PFS)' },
  { from: 90853, to: 90853, therapy: 'CBT / psychotherapy', label: 'group psychotherapy (CMS PFS)' },
  { from: 96156, to: 96159, therapy: 'pain psychology', label: 'health behavior assessment/intervention (CMS CY 2020 PFS)' },
  { from: 96164, to: 96171, therapy: 'pain psychology', label: 'health behavior intervention, group/family (CMS CY 2020 PFS)' },
];

/** ICD-10-PCS prefix → therapy. */
export const THERAPY_PCS_PREFIXES: readonly { prefix: string; therapy: TherapyKind; label: string }[] = [
  { prefix: '9WB', therapy: 'chiropractic', label: 'ICD-10-PCS 9WB chiropractic manipulation' },
  { prefix: '8E0H30', therapy: 'acupuncture', label: 'ICD-10-PCS 8E0H30 acupuncture' },
  { prefix: 'F07', therapy: 'physical therapy', label: 'ICD-10-PCS F07 rehabilitation, motor treatment' },
  { prefix: '7W0', therapy: 'other', label: 'ICD-10-PCS 7W0 osteopathic treatment' },
];
