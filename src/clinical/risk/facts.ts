/**
 * The facts the risk tier is computed from, gathered once from the resources. Pure data so the rules
 * (rules.ts) can be tested with hand-built facts and a hand-built MmeResult.
 */
import { conditionsAt, type ClassifiedCondition, type ExclusionProcedure } from '../conditions/index.ts';
import { classifiedExposuresAt, type ClassifiedOrder } from '../medications/index.ts';
import type { Phq9Entry } from '../observations/scores.ts';
import type { Policy } from '../policy/types.ts';
import type { ClinicalRecord } from '../record/types.ts';
import type { IsoDate, LoadStatus, MmeOrderResult, MmeResult, ScoreEntry } from '../types.ts';

export interface RiskFacts {
  asOf: IsoDate;
  loadStatus: LoadStatus;
  /** Whole years at asOf; null when the birth date is unknown. */
  age: number | null;
  /** Deceased on or before asOf (date null when only deceasedBoolean says so). */
  deceased: { date: IsoDate | null } | null;
  mme: MmeResult;
  conditions: ClassifiedCondition[];
  procedures: ExclusionProcedure[];
  /** Non-opioid orders (benzodiazepines, CNS depressants, naloxone, naltrexone), current or not. */
  orders: ClassifiedOrder[];
  ort: ScoreEntry[];
  phq9: Phq9Entry[];
  gad7: ScoreEntry[];
}

/**
 * Whole years at asOf. A partial birth date ("1970", "1970-06") gives an age only when its earliest and latest
 * possible birthdays agree; otherwise (and when absent) null.
 */
export function ageAt(birthDate: string | undefined, asOf: IsoDate): number | null {
  if (typeof birthDate !== 'string' || !/^\d{4}(-\d{2}(-\d{2})?)?/.test(birthDate)) return null;
  const year = Number(birthDate.slice(0, 4));
  const md = birthDate.length >= 10 ? [birthDate.slice(5, 10)] : birthDate.length >= 7 ? [`${birthDate.slice(5, 7)}-01`, `${birthDate.slice(5, 7)}-31`] : ['01-01', '12-31'];
  const ages = md.map((m) => Number(asOf.slice(0, 4)) - year - (asOf.slice(5) < m ? 1 : 0));
  return ages.every((x) => x === ages[0]) ? ages[0] : null;
}

/** The risk facts as of a date, from the normalised record (the rules read only this). */
export function gatherFacts(record: ClinicalRecord, loadStatus: LoadStatus, policy: Policy, asOf: IsoDate, mme: MmeResult): RiskFacts {
  return {
    asOf,
    loadStatus,
    age: ageAt(record.patient?.birthDate, asOf),
    deceased: deceasedAt(record.patient, asOf),
    mme,
    conditions: conditionsAt(record.conditions, asOf),
    procedures: record.procedures.filter((p) => p.date <= asOf),
    orders: classifiedExposuresAt(record, policy, asOf),
    ort: upTo(record.ort, asOf),
    phq9: upTo(record.phq9, asOf),
    gad7: upTo(record.gad7, asOf),
  };
}

/** Entries dated on or before asOf (the record holds every date). */
export function upTo<T extends { date: IsoDate }>(entries: readonly T[], asOf: IsoDate): T[] {
  return entries.filter((e) => e.date <= asOf);
}

/** Deceased at asOf: deceasedBoolean (date unknown) or a deceasedDateTime on or before asOf. */
export function deceasedAt(patient: ClinicalRecord['patient'], asOf: IsoDate): { date: IsoDate | null } | null {
  const d = patient?.deceased;
  if (!d) return null;
  return d.date === null || d.date <= asOf ? d : null;
}

/** Current opioid analgesic orders: counted or unknown, or a current injectable (never MOUD). */
export function currentAnalgesics(mme: MmeResult): MmeOrderResult[] {
  return mme.orders.filter(
    (o) => !o.flags.includes('moud') && (o.status !== 'excluded' || (o.flags.includes('injectable') && !o.flags.includes('not-current'))),
  );
}

/** Current MOUD orders from the MME engine (buprenorphine for OUD; methadone from an OTP is rarely in the EHR). */
export function currentMoud(mme: MmeResult): MmeOrderResult[] {
  return mme.orders.filter((o) => o.flags.includes('moud') && !o.flags.includes('not-current'));
}

export function isLongActing(o: MmeOrderResult): boolean {
  return o.longActing === true || /methadone/i.test(o.medication) || o.ingredients.some((i) => i.ingredient === 'methadone');
}
