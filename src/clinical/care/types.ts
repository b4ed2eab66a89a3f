/**
 * Non-opioid pain care: medication groups and non-drug therapies (AHRQ Pain Management Summary sections
 * "Non-opioid medications", "Adjuvant analgesics", "Non-pharmacologic treatments"; CDC 2022 Recs 1–2: non-opioid
 * and non-pharmacologic therapies are preferred and combined with any opioid).
 */

export type PainMedicationGroup = 'NSAID' | 'acetaminophen' | 'SNRI' | 'TCA' | 'gabapentinoid' | 'topical' | 'other adjuvant';

export interface PainMedicationClass {
  group: PainMedicationGroup;
  /** How it matched: "RxNorm 310431 in VSAC 1021.73 …" or "name "duloxetine" (code not in the lists)". */
  matchedBy: string;
  /** The value set that listed the code (OID and name), when matched by code. */
  valueSet?: string;
  /** e.g. "SNRI (duloxetine)", "topical NSAID (diclofenac)", "muscle relaxant (tizanidine); also a CNS depressant". */
  detail: string;
  /** Gabapentinoids and muscle relaxants are non-opioid pain care AND CNS depressants (CDC 2022 Rec 11). */
  alsoCnsDepressant?: 'gabapentinoid' | 'muscle relaxant';
  /** One line on why it matters next to an opioid, when it does. */
  why?: string;
}

export type TherapyKind =
  | 'physical therapy'
  | 'occupational therapy'
  | 'CBT / psychotherapy'
  | 'exercise therapy'
  | 'acupuncture'
  | 'chiropractic'
  | 'massage'
  | 'pain psychology'
  | 'multidisciplinary pain program'
  | 'other';

export interface TherapyClass {
  therapy: TherapyKind;
  /** "SNOMED 308447003 Referral to physiotherapist (curated; in VSAC 1032.36)", "CPT 97110 (PT range 97110–97140 …)", "text "…"". */
  matchedBy: string;
  /** What the code or text says, e.g. "osteopathic manipulative treatment", "referral". */
  detail?: string;
  /** The value set listing the code, when one does. */
  valueSet?: string;
  /** The concept is a referral (SNOMED "Referral to …", or the text says so). */
  referral?: boolean;
}
