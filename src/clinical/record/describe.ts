/** Unreadable records in words for the data notes, grouped ("2 medication orders could not be read: …"). */
import type { UnreadableRecord } from './types.ts';

const NOUN: Record<string, [string, string]> = {
  MedicationRequest: ['medication order', 'medication orders'],
  Observation: ['observation', 'observations'],
  Condition: ['condition', 'conditions'],
  Procedure: ['procedure', 'procedures'],
  DocumentReference: ['document', 'documents'],
  Patient: ['patient record', 'patient records'],
};

const MAY_BE: Record<string, string> = {
  'opioid-order': 'an opioid order', 'medication-order': 'a medication order', udt: 'a urine drug test', survey: 'a survey score',
  pdmp: 'a PDMP check', agreement: 'a patient agreement', condition: 'a diagnosis', procedure: 'a procedure', patient: 'the patient\u2019s details',
};

export function describeUnreadable(records: readonly UnreadableRecord[]): string[] {
  const groups = new Map<string, { n: number; u: UnreadableRecord }>();
  for (const u of records) {
    const key = `${u.resourceType}|${u.reason}|${u.mayBe.join(',')}`;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { n: 1, u });
  }
  return [...groups.values()].map(({ n, u }) => {
    const [one, many] = NOUN[u.resourceType] ?? [u.resourceType, `${u.resourceType} records`];
    const what = u.mayBe.map((k) => MAY_BE[k] ?? k).join(' or ');
    return `${n} ${n === 1 ? one : many} could not be read (${u.reason}); ${n === 1 ? 'it may be' : 'they may be'} ${what} — check the chart`;
  });
}
