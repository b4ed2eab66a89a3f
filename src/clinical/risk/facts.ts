/**
 * The facts the risk tier is computed from, gathered once from the resources. Pure data so the rules
 * (rules.ts) can be tested with hand-built facts and a hand-built MmeResult.
 */
import type { Patient, Resource } from 'fhir/r4';
import { classifyConditions, exclusionProcedures, type ClassifiedCondition, type ExclusionProcedure } from '../conditions/index.ts';
import { ofType } from '../codes/resources.ts';
import { classifyMedicationRequests, type ClassifiedOrder } from '../medications/index.ts';
import { readGad7, readOrt, readPhq9 } from '../observations/scores.ts';
import { resultedObservations } from '../observations/values.ts';
import type { Policy } from '../policy/types.ts';
import type { IsoDate, LoadStatus, MmeOrderResult, MmeResult, ScoreEntry } from '../types.ts';

export interface RiskFacts {
  asOf: IsoDate;
  loadStatus: LoadStatus;
  /** Whole years at asOf; null when the birth date is unknown. */
  age: number | null;
  mme: MmeResult;
  conditions: ClassifiedCondition[];
  procedures: ExclusionProcedure[];
  /** Non-opioid orders (benzodiazepines, CNS depressants, naloxone, naltrexone), current or not. */
  orders: ClassifiedOrder[];
  ort: ScoreEntry[];
  phq9: ScoreEntry[];
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

export function gatherFacts(resources: readonly Resource[], loadStatus: LoadStatus, policy: Policy, asOf: IsoDate, mme: MmeResult): RiskFacts {
  const patient = ofType<Patient>(resources, 'Patient')[0];
  const observations = resultedObservations(resources, asOf);
  return {
    asOf,
    loadStatus,
    age: ageAt(patient?.birthDate, asOf),
    mme,
    conditions: classifyConditions(resources, asOf),
    procedures: exclusionProcedures(resources, policy, asOf),
    orders: classifyMedicationRequests(resources, policy, asOf),
    ort: readOrt(observations, policy),
    phq9: readPhq9(observations, policy),
    gad7: readGad7(observations, policy),
  };
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
