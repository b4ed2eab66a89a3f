/**
 * Non-opioid pain care: medication groups (AHRQ Pain Management Summary "Non-opioid medications" / "Adjuvant
 * analgesics"; CDC 2022 Rec 2 options) and non-drug therapies (VSAC 1032.36 "Non pharmacologic treatments for
 * chronic pain", CMS CPT lists, ICD-10-PCS), by code with provenance and by name/text as a labelled fallback.
 * Each row names the line it checks.
 */
import type { CodeableConcept } from 'fhir/r4';
import { NONPHARM_SNOMED, PAIN_MEDICATION_RXNORM } from '../../../src/clinical/codes/care.generated.ts';
import { classifyPainMedication, classifyTherapy, THERAPY_SNOMED } from '../../../src/clinical/care/index.ts';
import type { MedicationNaming } from '../../../src/clinical/medications/concept.ts';

const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const SCT = 'http://snomed.info/sct';
const CPT = 'http://www.ama-assn.org/go/cpt';
const PCS = 'http://www.cms.gov/Medicare/Coding/ICD10';

const byText = (...texts: string[]): MedicationNaming => ({ concepts: [], texts, display: texts[0] ?? '' });
const byCode = (code: string, display?: string): MedicationNaming => ({
  concepts: [{ coding: [{ system: RX, code, ...(display ? { display } : {}) }] }],
  texts: display ? [display] : [],
  display: display ?? '',
});

describe('classifyPainMedication', () => {
  const rows: [string, MedicationNaming, string | null, RegExp?][] = [
    // by RxNorm code (VSAC 1021.73 product, display-grouped; AHRQ 1032.26/1032.54 membership noted)
    ['duloxetine 30 mg by code 596926, no text', byCode('596926'), 'SNRI', /^RxNorm 596926 in VSAC 2\.16\.840\.1\.113762\.1\.4\.1021\.73/],
    ['gabapentin 300 mg by code 310431', byCode('310431'), 'gabapentinoid', /^RxNorm 310431/],
    ['ibuprofen 400 mg (197805) by code', byCode('197805'), 'NSAID'],
    ['amitriptyline 10 mg (856845) by code', byCode('856845', 'amitriptyline hydrochloride 10 MG Oral Tablet'), 'TCA'],
    // by ingredient / brand name
    ['duloxetine by name', byText('DULoxetine 60 mg DR capsule'), 'SNRI', /^name "duloxetine"$/],
    ['Cymbalta (brand)', byText('Cymbalta 30 mg'), 'SNRI', /cymbalta/],
    ['milnacipran (Savella)', byText('Savella 50 mg tablet'), 'SNRI'],
    ['venlafaxine ER', byText('venlafaxine ER 75 mg'), 'SNRI'],
    ['nortriptyline', byText('nortriptyline 25 mg capsule'), 'TCA'],
    ['amitriptyline', byText('Amitriptyline 10mg tab'), 'TCA'],
    ['naproxen', byText('Naproxen 500 mg tablet'), 'NSAID'],
    ['Aleve (brand)', byText('Aleve 220 mg'), 'NSAID'],
    ['meloxicam', byText('meloxicam 15 mg'), 'NSAID'],
    ['celecoxib', byText('celecoxib 200 mg capsule'), 'NSAID'],
    ['diclofenac oral', byText('diclofenac sodium 75 MG Delayed Release Oral Tablet'), 'NSAID'],
    ['diclofenac 1% gel → topical NSAID', byText('diclofenac sodium 10 MG/G Topical Gel'), 'topical'],
    ['Voltaren Arthritis Pain (gel brand) → topical', byText('Voltaren Arthritis Pain 1% gel'), 'topical'],
    ['acetaminophen', byText('Acetaminophen 500 MG Oral Tablet'), 'acetaminophen'],
    ['Tylenol Extra Strength', byText('Tylenol Extra Strength 500 mg'), 'acetaminophen'],
    ['lidocaine 5% patch', byText('lidocaine 50 MG/ML Medicated Patch'), 'topical'],
    ['Lidoderm (brand, no form)', byText('Lidoderm'), 'topical'],
    ['capsaicin cream', byText('capsaicin 0.75 MG/ML Topical Cream'), 'topical'],
    ['pregabalin → gabapentinoid (and a CNS depressant)', byText('pregabalin 75 mg capsule'), 'gabapentinoid'],
    ['tizanidine → other adjuvant (muscle relaxant, also a CNS depressant)', byText('tizanidine 4 MG Oral Tablet'), 'other adjuvant'],
    ['aspirin 325 mg → NSAID (analgesic strength)', byText('aspirin 325 MG Oral Tablet'), 'NSAID'],
    // adversarial
    ['low-dose aspirin 81 mg is for the heart, not pain care', byText('aspirin 81 MG Delayed Release Oral Tablet'), null],
    ['acetaminophen/hydrocodone is an opioid product, not non-opioid care', byText('Acetaminophen 325 MG / HYDROcodone Bitartrate 7.5 MG Oral Tablet'), null],
    ['Tylenol with codeine #3 is an opioid product', byText('Tylenol with Codeine #3'), null],
    ['a cough-and-cold combination with acetaminophen is not pain care', byText('Acetaminophen 21.7 MG/ML / Dextromethorphan Hydrobromide 1 MG/ML / doxylamine succinate 0.417 MG/ML Oral Solution'), null],
    ['lidocaine injection (a procedure anaesthetic) is not counted', byText('lidocaine hydrochloride 10 MG/ML Injectable Solution'), null],
    ['lidocaine/hydrocortisone rectal cream is not pain care', byText('hydrocortisone acetate 10 MG/ML / lidocaine hydrochloride 30 MG/ML Rectal Cream'), null],
    ['menthol lozenge is not topical pain care', byText('menthol 5.4 MG Oral Lozenge'), null],
    ['unknown RxNorm code, no text', byCode('999999999'), null],
    ['empty naming', { concepts: [], texts: [], display: '' }, null],
    ['broken naming (texts not strings) does not throw', { concepts: [{ coding: 'x' } as unknown as CodeableConcept], texts: [42 as unknown as string], display: '' }, null],
    ['"Advil" inside a longer word is not matched ("Advilopram")', byText('Advilopram 10 mg'), null],
  ];
  it.each(rows)('%s', (_n, naming, group, matchedBy) => {
    const c = classifyPainMedication(naming);
    expect(c?.group ?? null).toBe(group);
    if (matchedBy) expect(c?.matchedBy).toMatch(matchedBy);
  });

  it('gabapentinoids say both: pain care and CNS depressant (CDC 2022 Rec 11)', () => {
    expect(classifyPainMedication(byText('gabapentin 300 mg capsule'))).toMatchObject({
      group: 'gabapentinoid',
      alsoCnsDepressant: 'gabapentinoid',
      why: 'also a CNS depressant: adds sedation and breathing risk with opioids (CDC 2022 Rec 11)',
    });
    expect(classifyPainMedication(byCode('310431'))).toMatchObject({ alsoCnsDepressant: 'gabapentinoid' });
  });

  it('a code match records the value sets with OID', () => {
    const c = classifyPainMedication(byCode('596926'));
    expect(c?.valueSet).toMatch(/VSAC 2\.16\.840\.1\.113762\.1\.4\.1021\.73 "Non opioid pain medications"/);
  });

  it('generated table: every group is one of the seven, and no opioid product is in it', () => {
    const groups = new Set(PAIN_MEDICATION_RXNORM.map((r) => r[1]));
    expect([...groups].sort()).toEqual(['NSAID', 'SNRI', 'TCA', 'acetaminophen', 'gabapentinoid', 'other adjuvant', 'topical']);
    expect(PAIN_MEDICATION_RXNORM.some((r) => /tramadol|codeine|hydrocodone|oxycodone/i.test(r[2]))).toBe(false);
  });
});

const concept = (system: string, code: string, display?: string, text?: string): CodeableConcept => ({ coding: [{ system, code, ...(display ? { display } : {}) }], ...(text ? { text } : {}) });
const textOnly = (text: string): CodeableConcept => ({ text });

describe('classifyTherapy', () => {
  const rows: [string, CodeableConcept | null, string | null, RegExp?][] = [
    ['PT referral by SNOMED 308447003 (eCQM Referral set display; in VSAC 1032.36)', concept(SCT, '308447003'), 'physical therapy', /^SNOMED 308447003 "Referral to physiotherapist" \(curated, display from eCQM; in VSAC 1032\.36\)$/],
    ['PT by SNOMED 91251008 (Synthea display)', concept(SCT, '91251008', 'Physical therapy procedure'), 'physical therapy'],
    ['PT by CPT 97110 (CMS therapy code list, 97110–97140)', concept(CPT, '97110'), 'physical therapy', /^CPT 97110: therapeutic procedures 97110–97140/],
    ['PT evaluation CPT 97161', concept(CPT, '97161'), 'physical therapy'],
    ['manual therapy CPT 97140', concept(CPT, '97140'), 'physical therapy'],
    ['massage CPT 97124 (inside the PT range, more specific)', concept(CPT, '97124'), 'massage'],
    ['OT evaluation CPT 97166', concept(CPT, '97166'), 'occupational therapy'],
    ['chiropractic CPT 98941 (CMS 98940–98942)', concept(CPT, '98941'), 'chiropractic', /98940–98943/],
    ['chiropractic referral SNOMED 308449000', concept(SCT, '308449000'), 'chiropractic'],
    ['chiropractic ICD-10-PCS 9WB3XBZ', concept(PCS, '9WB3XBZ'), 'chiropractic'],
    ['acupuncture CPT 97813 (CMS NCD 30.3.3)', concept(CPT, '97813'), 'acupuncture'],
    ['acupuncture SNOMED 44868003', concept(SCT, '44868003'), 'acupuncture'],
    ['CBT by SNOMED 304891004', concept(SCT, '304891004'), 'CBT / psychotherapy'],
    ['CBT by text only', textOnly('Referral for cognitive behavioral therapy for chronic low back pain'), 'CBT / psychotherapy', /^text "/],
    ['"CBT for pain" local code', concept('urn:local', 'X1', 'CBT for chronic pain'), 'CBT / psychotherapy'],
    ['psychotherapy CPT 90837', concept(CPT, '90837'), 'CBT / psychotherapy'],
    ['health behavior intervention CPT 96158 → pain psychology', concept(CPT, '96158'), 'pain psychology'],
    ['pain psychology by text', textOnly('Referral to pain psychology'), 'pain psychology'],
    ['multidisciplinary program by text', textOnly('Interdisciplinary pain rehabilitation program'), 'multidisciplinary pain program'],
    ['exercise therapy SNOMED 229065009', concept(SCT, '229065009'), 'exercise therapy'],
    ['yoga class by text', textOnly('Yoga for back pain, 8-week class'), 'exercise therapy'],
    ['OT referral SNOMED 306166004', concept(SCT, '306166004'), 'occupational therapy'],
    ['osteopathic manipulative treatment CPT 98926 → other (named)', concept(CPT, '98926'), 'other'],
    ['physiotherapy by text, unknown local code', concept('urn:local', 'PT-REF', 'Ambulatory referral to Physical Therapy'), 'physical therapy', /^text "Ambulatory referral to Physical Therapy"/],
    ['a VSAC 1032.36 SNOMED code with no curated kind and no text → other, labelled', concept(SCT, '25048005'), 'other', /in VSAC 2\.16\.840\.1\.113762\.1\.4\.1032\.36 .*\(kind not named\)$/],
    // adversarial
    ['"PT/INR" is a blood test, not physical therapy', textOnly('PT/INR'), null],
    ['"Patient declined physical therapy" is no therapy', textOnly('Patient declined physical therapy'), null],
    ['renal lesion ablation listed by VSAC 1032.36 is not pain therapy', concept(SCT, '426697007'), null],
    ['unknown SNOMED code, no text', concept(SCT, '123456789'), null],
    ['unknown CPT code 99213 (office visit)', concept(CPT, '99213'), null],
    ['referral to psychiatry is not a non-drug pain therapy', textOnly('Referral to psychiatry'), null],
    ['empty concept', {}, null],
    ['null concept', null, null],
    ['coding not an array does not throw', { coding: 'x' } as unknown as CodeableConcept, null],
  ];
  it.each(rows)('%s', (_n, c, therapy, matchedBy) => {
    const r = classifyTherapy(c);
    expect(r?.therapy ?? null).toBe(therapy);
    if (matchedBy) expect(r?.matchedBy).toMatch(matchedBy);
  });

  it('a referral says so', () => {
    expect(classifyTherapy(concept(SCT, '308447003'))?.referral).toBe(true);
    expect(classifyTherapy(textOnly('Referral to physical therapy'))?.referral).toBe(true);
    expect(classifyTherapy(concept(CPT, '97110'))?.referral).toBeUndefined();
  });

  it('curated SNOMED rows marked "in VSAC 1032.36" are in the generated 1032.36 list, and the others are not', () => {
    const listed = new Set(NONPHARM_SNOMED);
    for (const t of THERAPY_SNOMED) expect([t.code, listed.has(t.code)]).toEqual([t.code, t.vsac]);
  });
});
