/**
 * The normalised record: every FHIR shape the rules use, read once into typed clinical facts that carry their
 * provenance (`ref`, e.g. "Observation/abc") and dates, plus what could not be read. Facts do not depend on the
 * as-of date: the rules filter them by `asOf`, so one record serves the panel, `summarize`, the registry and its
 * run chart (13 dates per patient) alike. Only normalize.ts and its readers look at raw resources.
 */
import type { MedicationDispense, MedicationRequest, MedicationStatement } from 'fhir/r4';
import type { OpioidProductClass } from '../drugs/classify.ts';
import type { OpioidProduct } from '../drugs/product.ts';
import type { PainMedicationClass, TherapyKind } from '../care/types.ts';
import type { Classification } from '../medications/classify.ts';
import type { EvidenceEvent } from '../observations/evidence.ts';
import type { Phq9Entry } from '../observations/scores.ts';
import type { UdtTest } from '../observations/udt.ts';
import type { ConditionCategory } from '../conditions/rules.ts';
import type { IsoDate, PegEntry, ScoreEntry, SourceKey } from '../types.ts';

/** What an unreadable resource may have been: the facts whose absence must not be read as "none". */
export type FactKind = 'opioid-order' | 'medication-order' | 'fill' | 'reported-medication' | 'udt' | 'survey' | 'pdmp' | 'agreement' | 'condition' | 'procedure' | 'therapy' | 'patient';

export interface UnreadableRecord {
  /** "MedicationRequest/abc" (or "MedicationRequest (no id)"). */
  ref: string;
  resourceType: string;
  /** Why, in words: "dosageInstruction is not a list of Dosage". */
  reason: string;
  mayBe: FactKind[];
  /** The data sources it belongs to (their load status becomes "partly read"). */
  sources: SourceKey[];
}

export interface PatientFacts {
  id: string | null;
  birthDate: string | undefined;
  /** deceasedBoolean true (date unknown) or deceasedDateTime. */
  deceased: { date: IsoDate | null } | null;
}

/** What a medication resource names: its opioid product, or its class among the co-prescriptions that matter. */
export interface MedicationNamingFacts {
  display: string;
  opioid: { product: OpioidProduct; productClass: OpioidProductClass; key: string } | null;
  /** Benzodiazepine, CNS depressant, rescue naloxone, naltrexone (MOUD); null for opioids and anything else. */
  nonOpioid: Classification | null;
  /** Substance labels for the urine drug test check (opioid ingredients, 'benzodiazepine', ...). */
  substances: ReadonlySet<string>;
  /** Non-opioid pain care (NSAID, SNRI, gabapentinoid…), when the medication is one. */
  painCare: PainMedicationClass | null;
  /** Fields the engine cannot read (an opioid with any becomes "could not compute"). */
  problems: string[];
}

/** A pharmacy fill (MedicationDispense): exposure from the day it was handed over until its supply runs out. */
export interface DispenseFact extends MedicationNamingFacts {
  ref: string;
  resource: MedicationDispense;
  status: string;
  /** whenHandedOver, else whenPrepared. */
  date: IsoDate | null;
  /** daysSupply in days (null when absent). */
  daysSupply: number | null;
  /** The day the supply runs out: date + daysSupply (null without both); the fill covers dates up to it. */
  supplyEnds: IsoDate | null;
  /** The orders it fills ("MedicationRequest/id"), from authorizingPrescription. */
  orderRefs: string[];
}

/** A medication the patient reports taking, or an outside medication list entry (MedicationStatement). */
export interface StatementFact extends MedicationNamingFacts {
  ref: string;
  resource: MedicationStatement;
  status: string;
  start: IsoDate | null;
  end: IsoDate | null;
  asserted: IsoDate | null;
}

/** One MedicationRequest, read once: its product (when it names an opioid) or class, and what it may contain. */
export interface OrderFact extends MedicationNamingFacts {
  ref: string;
  /** The order as the arithmetic reads it (with the dosage read from the sig text when that was all it had). */
  resource: MedicationRequest;
  /** Literal date part of authoredOn. */
  authored: IsoDate | null;
  /** authoredOn, else dispenseRequest.validityPeriod.start. */
  orderDate: IsoDate | null;
  /** Orders this one renews or replaces (priorPrescription), as "MedicationRequest/id". */
  priorRefs: string[];
  /** groupIdentifier system|value: orders renewed under one group. */
  groupId: string | null;
  /** Dosage read from the free-text sig (the order had text but no structured dose or timing). */
  sig?: { text: string; reading: string };
}

/** A non-drug pain therapy (physical therapy, CBT, chiropractic…) from a referral or a procedure. */
export interface TherapyFact {
  ref: string;
  therapy: TherapyKind;
  display: string;
  date: IsoDate | null;
  status: string;
  from: 'referral' | 'procedure';
  matchedBy: string;
}

export interface ConditionFact {
  conditionId: string;
  display: string;
  code: string;
  category: string;
  kind: ConditionCategory;
  clinicalStatus: string | null;
  inRemission: boolean;
  active: boolean;
  recorded: IsoDate | null;
  onset: IsoDate | null;
  abatement: IsoDate | null;
  rule: string;
}

export interface ProcedureFact {
  kind: 'end-of-life' | 'cancer-treatment';
  procedureId: string;
  date: IsoDate;
  code: string;
  display: string;
}

export interface AgreementNotSigned {
  date: IsoDate | null;
  text: string;
}

export interface ClinicalRecord {
  patient: PatientFacts | null;
  orders: OrderFact[];
  dispenses: DispenseFact[];
  statements: StatementFact[];
  therapies: TherapyFact[];
  conditions: ConditionFact[];
  procedures: ProcedureFact[];
  udt: UdtTest[];
  peg: PegEntry[];
  phq9: Phq9Entry[];
  phq2: ScoreEntry[];
  gad7: ScoreEntry[];
  ort: ScoreEntry[];
  pdmp: EvidenceEvent[];
  agreement: EvidenceEvent[];
  agreementNotSigned: AgreementNotSigned[];
  unreadable: UnreadableRecord[];
}
