/**
 * One synthetic patient's resources for scripts/gen-cohort.ts: deterministic from (index, seed),
 * dates relative to asOf. Codes are real (RxNorm SCDs from the drug table, LOINC, SNOMED, ICD-10-CM).
 */
import type { Resource } from 'fhir/r4';
import { seededRandom } from './seeded-random.ts';

const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const LOINC = 'http://loinc.org';
const SCT = 'http://snomed.info/sct';
const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';

const rng = seededRandom;

const day = (asOf: string, delta: number) => new Date(Date.parse(`${asOf}T00:00:00Z`) + delta * 86_400_000).toISOString().slice(0, 10);

const FAMILIES = ['Garcia', 'Smith', 'Nguyen', 'Johnson', 'Okafor', 'Martinez', 'Brown', 'Kowalski', 'Lee', 'Haddad', 'Walker', 'Singh'];
const GIVEN = ['Maria', 'James', 'Linh', 'Robert', 'Chidi', 'Ana', 'Patricia', 'Piotr', 'Grace', 'Omar', 'Dorothy', 'Arjun'];

export const PRACTITIONERS: Resource[] = Array.from({ length: 12 }, (_, i) => ({
  resourceType: 'Practitioner', id: `prac-${i + 1}`,
  name: [{ prefix: ['Dr'], given: [GIVEN[(i * 5) % 12]], family: FAMILIES[(i * 7 + 3) % 12] }],
} as Resource));

/** [rxcui, display, dose per take, takes per day, prn] — real SCDs present in the drug table. */
const OPIOIDS: [string, string, number, number, boolean][] = [
  ['1049621', 'oxycodone hydrochloride 5 MG Oral Tablet', 1, 4, true],
  ['1049683', 'oxycodone hydrochloride 10 MG Oral Tablet', 1, 3, false],
  ['856903', 'acetaminophen 500 MG / hydrocodone bitartrate 5 MG Oral Tablet', 1, 4, true],
  ['856892', 'Acetaminophen 750 MG / Hydrocodone Bitartrate 10 MG Oral Tablet', 1, 3, false],
  ['835603', 'tramadol hydrochloride 50 MG Oral Tablet', 1, 4, false],
  ['891888', 'morphine sulfate 30 MG Extended Release Oral Tablet', 1, 2, false],
  ['891881', 'morphine sulfate 15 MG Extended Release Oral Tablet', 1, 2, false],
  ['1049563', '12 HR oxycodone hydrochloride 20 MG Extended Release Oral Tablet', 1, 2, false],
  ['897696', 'hydromorphone hydrochloride 2 MG Oral Tablet', 1, 4, true],
  ['245134', '72 HR fentanyl 0.025 MG/HR Transdermal System', 1, 0, false],
  ['864706', 'methadone hydrochloride 10 MG Oral Tablet', 1, 2, false],
];
const BENZOS: [string, string][] = [['308048', 'alprazolam 0.5 MG Oral Tablet'], ['197901', 'lorazepam 1 MG Oral Tablet'], ['197591', 'diazepam 5 MG Oral Tablet']];
const NALOXONE: [string, string] = ['1725056', 'naloxone hydrochloride 4 MG/ACTUAT Nasal Spray'];
const MOUD: [string, string] = ['1010604', 'buprenorphine 8 MG / naloxone 2 MG Sublingual Film'];

type Pick = <T>(xs: readonly T[]) => T;

export function cohortPatient(index: number, asOf: string, seed: number): Resource[] {
  const r = rng(seed * 1_000_003 + index);
  const pick: Pick = (xs) => xs[Math.floor(r() * xs.length)];
  const pid = `pt-${String(index + 1).padStart(6, '0')}`;
  const subject = { reference: `Patient/${pid}` };
  const prac = PRACTITIONERS[Math.floor(r() * PRACTITIONERS.length)];
  const requester = { reference: `Practitioner/${prac.id}` };
  const out: Resource[] = [];
  let n = 0;
  const id = (k: string) => `${pid}-${k}${++n}`;
  out.push({ resourceType: 'Patient', id: pid, gender: r() < 0.55 ? 'female' : 'male',
    birthDate: `${1940 + Math.floor(r() * 60)}-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`,
    name: [{ use: 'official', family: pick(FAMILIES), given: [pick(GIVEN)] }] } as Resource);

  const kind = r();
  const moudOnly = kind < 0.05;
  const cancer = kind >= 0.05 && kind < 0.09;
  const stopped = kind >= 0.09 && kind < 0.16;
  const med = (rx: readonly [string, string, ...unknown[]], authored: number, status: string, perTake: number, perDay: number, prn: boolean, days: number) => ({
    resourceType: 'MedicationRequest', id: id('mr'), status, intent: 'order', subject, requester, authoredOn: day(asOf, authored),
    medicationCodeableConcept: { coding: [{ system: RX, code: rx[0], display: rx[1] }], text: rx[1] },
    dosageInstruction: [perDay === 0
      ? { text: 'apply 1 patch every 72 hours', timing: { repeat: { frequency: 1, period: 72, periodUnit: 'h' } }, doseAndRate: [{ doseQuantity: { value: 1, unit: 'patch' } }] }
      : { text: `take ${perTake} tablet by mouth ${prn ? 'up to ' : ''}${perDay} times daily${prn ? ' as needed for pain' : ''}`, asNeededBoolean: prn,
          timing: { repeat: { frequency: perDay, period: 1, periodUnit: 'd' } }, doseAndRate: [{ doseQuantity: { value: perTake, unit: 'tablet' } }] }],
    dispenseRequest: { quantity: { value: perDay === 0 ? 10 : perTake * perDay * days }, expectedSupplyDuration: { value: days, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' } },
  } as Resource);

  if (moudOnly) {
    out.push(med(MOUD, -20 - Math.floor(r() * 60), 'active', 1, 1, false, 30));
    out.push({ resourceType: 'Condition', id: id('c'), subject, clinicalStatus: { coding: [{ code: 'active' }] },
      code: { coding: [{ system: ICD, code: 'F11.20', display: 'Opioid dependence, uncomplicated' }] }, recordedDate: day(asOf, -400) } as Resource);
  } else {
    const main = pick(OPIOIDS);
    // Monthly prescriptions since the course began (3–18 months ago), the latest one active (or stopped).
    const latest = -Math.floor(r() * 28);
    const months = 3 + Math.floor(r() * 16);
    for (let k = months; k >= 1; k--) out.push(med(main, latest - 30 * k, 'completed', main[2], main[3], main[4], 30));
    out.push(med(main, latest, stopped ? 'stopped' : 'active', main[2], main[3], main[4], 30));
    if (r() < 0.3) { const extra = pick(OPIOIDS.filter((o) => o[4])); out.push(med(extra, -Math.floor(r() * 28), 'active', 1, 2, true, 30)); }
    if (r() < 0.15) out.push(med(pick(BENZOS), -Math.floor(r() * 60), 'active', 1, 2, false, 30));
    if (r() < 0.45) out.push(med(NALOXONE, -Math.floor(r() * 900), 'completed', 1, 1, true, 1));
  }
  const cond = (code: string, display: string, recorded: number) => out.push({ resourceType: 'Condition', id: id('c'), subject,
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' }] },
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' }] }],
    code: { coding: [{ system: ICD, code, display }] }, recordedDate: day(asOf, recorded) } as Resource);
  cond('G89.29', 'Other chronic pain', -700);
  if (r() < 0.2) cond('F33.1', 'Major depressive disorder, recurrent, moderate', -500);
  if (r() < 0.08) cond('G47.33', 'Obstructive sleep apnea (adult) (pediatric)', -300);
  if (cancer) cond('C50.911', 'Malignant neoplasm of unspecified site of right female breast', -60);

  const obs = (code: [string, string, string], date: string, value: Record<string, unknown>, category: string, components?: unknown[]) =>
    out.push({ resourceType: 'Observation', id: id('o'), status: 'final', subject, effectiveDateTime: `${date}T10:00:00-07:00`,
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: category }] }],
      code: { coding: [{ system: code[0], code: code[1], display: code[2] }] }, ...value, ...(components ? { component: components } : {}) } as Resource);
  // PEG every ~60–120 days over the last 18 months, slowly improving or not.
  let pain = 5 + Math.floor(r() * 4);
  for (let d = -540 + Math.floor(r() * 60); d <= 0; d += 60 + Math.floor(r() * 60)) {
    const p = Math.max(0, Math.min(10, pain)), e = Math.max(0, Math.min(10, pain + 1)), a = Math.max(0, Math.min(10, pain - 1));
    const item = (c: string, v: number) => ({ code: { coding: [{ system: LOINC, code: c }] }, valueInteger: v });
    obs([LOINC, '91147-9', 'PEG mean score'], day(asOf, d), { valueQuantity: { value: Math.round(((p + e + a) / 3) * 100) / 100, unit: '{score}' } }, 'survey',
      [item('75893-8', p), item('91145-3', e), item('91146-1', a)]);
    pain += r() < 0.5 ? -1 : 0;
  }
  if (r() < 0.85) obs([LOINC, '44261-6', 'PHQ-9 total score'], day(asOf, -Math.floor(r() * 400)), { valueQuantity: { value: Math.floor(r() * 16), unit: '{score}' } }, 'survey');
  if (r() < 0.7) obs([LOINC, '91392-1', 'Opioid Risk Tool total'], day(asOf, -Math.floor(r() * 500)), { valueQuantity: { value: Math.floor(r() * 10), unit: '{score}' } }, 'survey');
  const udtCount = Math.floor(r() * 4);
  for (let k = 0; k < udtCount; k++) {
    const d = day(asOf, -Math.floor(r() * 420));
    obs([LOINC, '19295-5', 'Opiates [Presence] in Urine by Screen method'], d, { valueString: r() < 0.9 ? 'Positive' : 'Negative' }, 'laboratory');
    obs([LOINC, '14316-4', 'Benzodiazepines [Presence] in Urine by Screen method'], d, { valueString: r() < 0.1 ? 'Positive' : 'Negative' }, 'laboratory');
  }
  const pdmpCount = Math.floor(r() * 5);
  for (let k = 0; k < pdmpCount; k++) {
    const d = day(asOf, -Math.floor(r() * 300));
    if (r() < 0.5) obs([SCT, '461651000124104', 'Review of PDMP record done (situation)'], d, {}, 'procedure');
    else out.push({ resourceType: 'Procedure', id: id('pr'), status: 'completed', subject, performedDateTime: `${d}T09:00:00-07:00`,
      code: { coding: [{ system: SCT, code: '461621000124108', display: 'Review of PDMP record (procedure)' }] } } as Resource);
  }
  if (r() < 0.75) {
    const d = day(asOf, -Math.floor(r() * 540));
    obs([LOINC, '94136-9', 'Controlled substance agreement'], d, { valueString: 'signed' }, 'social-history');
    out.push({ resourceType: 'DocumentReference', id: id('d'), status: 'current', subject, date: `${d}T12:00:00Z`,
      type: { coding: [{ system: LOINC, code: '94136-9', display: 'Controlled substance agreement' }] },
      content: [{ attachment: { contentType: 'application/pdf', title: 'Patient agreement (signed)' } }] } as Resource);
  }
  if (r() < 0.3) {
    const start = `${day(asOf, 1 + Math.floor(r() * 7))}T${String(8 + Math.floor(r() * 9)).padStart(2, '0')}:${r() < 0.5 ? '00' : '30'}:00-07:00`;
    out.push({ resourceType: 'Appointment', id: id('a'), status: 'booked', start,
      end: start.replace(/:(00|30):00/, (_m, mm) => `:${mm === '00' ? '30' : '59'}:00`),
      serviceType: [{ text: 'Chronic pain follow-up' }],
      participant: [{ actor: { ...subject }, status: 'accepted' }, { actor: { reference: requester.reference }, status: 'accepted' }] } as Resource);
  }
  return out;
}
