/**
 * Real EHR records (pharmacy fills, renewals, questionnaires, member-item panels, free-text sigs): each row is one
 * shape a vendor sends and what the summary must say, with the arithmetic or the guideline line it checks.
 * Through the summarize JSON path (the same summarizePatient the panel uses).
 */
import type { MedicationDispense, MedicationRequest, MedicationStatement, Observation, QuestionnaireResponse, QuestionnaireResponseItem, Resource } from 'fhir/r4';
import { AS_OF, ago, item, json, oxy5, panel, rx, sig } from '../qa/qa-build.ts';

const RX = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const LOINC = 'http://loinc.org';
let n = 0;

function dispense(rxcui: string, display: string, o: { date?: string; days?: number; quantity?: number; order?: string; status?: MedicationDispense['status']; dosage?: MedicationDispense['dosageInstruction'] } = {}): MedicationDispense {
  return {
    resourceType: 'MedicationDispense', id: `md-${++n}`, status: o.status ?? 'completed', subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { coding: [{ system: RX, code: rxcui, display }], text: display },
    whenHandedOver: o.date ?? ago(5), daysSupply: { value: o.days ?? 30, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' },
    ...(o.quantity !== undefined ? { quantity: { value: o.quantity } } : {}),
    ...(o.order ? { authorizingPrescription: [{ reference: `MedicationRequest/${o.order}` }] } : {}),
    ...(o.dosage ? { dosageInstruction: o.dosage } : {}),
  };
}
const alprazolamFill = (o: Parameters<typeof dispense>[2] = {}) => dispense('308048', 'alprazolam 0.5 MG Oral Tablet', o);
const udt = (code: string, value: string, date: string): Observation => ({
  resourceType: 'Observation', id: `udt-${++n}`, status: 'final', subject: { reference: 'Patient/p1' }, category: [{ coding: [{ code: 'laboratory' }] }],
  code: { coding: [{ system: LOINC, code }] }, effectiveDateTime: date, valueString: value,
});
const ort = (score: number): Observation => ({ resourceType: 'Observation', id: `ort-${++n}`, status: 'final', subject: { reference: 'Patient/p1' }, code: { coding: [{ system: LOINC, code: '91392-1' }] }, effectiveDateTime: ago(300), valueQuantity: { value: score } });

describe('pharmacy fills (MedicationDispense) are exposure like orders', () => {
  it('a benzodiazepine known only from a fill whose supply covers today: tier high (CDC 2022 Rec 11), naloxone due, its UDT positive expected', () => {
    const s = json([oxy5(4), ort(1), alprazolamFill({ date: ago(10), days: 30 }), udt('16195-0', 'Positive', ago(3))]);
    expect(s.risk.tier).toBe('high');
    expect(s.risk.reasons.map((r) => r.id)).toContain('H5-benzo-overlap');
    expect(item(s, 'naloxone').status).toBe('never-done');
    expect(item(s, 'naloxone').reason).toMatch(/benzodiazepine/);
    expect(panel([oxy5(4), ort(1), alprazolamFill({ date: ago(10), days: 30 }), udt('16195-0', 'Positive', ago(3))]).unexpectedUdt).toEqual([]);
  });

  it('a fill whose supply ran out (10-day supply 40 days ago) is not current', () => {
    expect(json([oxy5(4), ort(1), alprazolamFill({ date: ago(40), days: 10 })]).risk.tier).toBe('low');
  });

  it('a cancelled or declined fill is no exposure', () => {
    expect(json([oxy5(4), ort(1), alprazolamFill({ status: 'declined' })]).risk.tier).toBe('low');
  });

  it('an outside opioid fill no order explains counts in the MME: 120 tabs / 30 d = 4 a day × 5 mg × 1.5 = 30', () => {
    const s = json([ort(1), dispense('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet', { quantity: 120, days: 30 })]);
    expect(s.mme.totalPerDay).toBe(30);
    expect(s.mme.orders[0]).toMatchObject({ source: 'fill', status: 'counted' });
    expect(s.mme.orders[0].reason).toMatch(/pharmacy fill on .*30 days' supply/);
  });

  it('a fill and its order are one exposure: 30 MME, not 60', () => {
    const order = oxy5(4, { id: 'mr-oxy' });
    const s = json([ort(1), order, dispense('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet', { quantity: 120, days: 30, order: 'mr-oxy' })]);
    expect(s.mme.totalPerDay).toBe(30);
  });

  it('the fill of an order whose own supply has run out keeps the exposure current (completed order + recent fill)', () => {
    const order = oxy5(4, { id: 'mr-old', status: 'completed', authoredOn: ago(80) });
    const s = json([ort(1), order, dispense('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet', { quantity: 120, days: 30, order: 'mr-old', date: ago(6) })]);
    expect(s.mme.totalPerDay).toBe(30);
    expect(s.risk.tier).not.toBe('not-applicable');
  });

  it('a dispensed rescue naloxone kit counts as naloxone on hand (CDC 2022 Rec 8)', () => {
    const s = json([oxy5(8), ort(1), dispense('1725059', 'naloxone hydrochloride 40 MG/ML Nasal Spray', { date: ago(100), days: 1 })]);
    expect(item(s, 'naloxone').status).toBe('up-to-date');
  });
});

describe('reported medications (MedicationStatement)', () => {
  const statement = (display: string, o: Partial<MedicationStatement> = {}): MedicationStatement => ({
    resourceType: 'MedicationStatement', id: `ms-${++n}`, status: 'active', subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text: display }, effectivePeriod: { start: ago(60) }, ...o,
  });
  it('an active reported benzodiazepine overlapping the opioid: high', () => {
    expect(json([oxy5(4), ort(1), statement('lorazepam 1 MG Oral Tablet')]).risk.reasons.map((r) => r.id)).toContain('H5-benzo-overlap');
  });
  it('an active reported opioid with no dose: MME unknown — verify, never low', () => {
    const s = json([ort(1), statement('oxycodone hydrochloride 10 MG Oral Tablet')]);
    expect(s.mme.complete).toBe(false);
    expect(s.risk.tier).toBe('unknown');
  });
});

describe('renewals are not counted twice', () => {
  it('a 10 mg order whose priorPrescription names the still-active 5 mg order: only the new one (10 mg × 4 × 1.5 = 60, moderate), not 90 (high)', () => {
    const old = oxy5(4, { id: 'mr-5mg', authoredOn: ago(20) });
    const renewal = { ...rx('1049683', 'oxycodone hydrochloride 10 MG Oral Tablet', [sig(1, 6)], { authoredOn: ago(2) }), priorPrescription: { reference: 'MedicationRequest/mr-5mg' } };
    const s = json([ort(1), old, renewal]);
    expect(s.mme.totalPerDay).toBe(60);
    expect(s.risk.tier).toBe('moderate');
    const replaced = s.mme.orders.find((o) => o.medicationRequestId === 'mr-5mg')!;
    expect(replaced).toMatchObject({ status: 'excluded' });
    expect(replaced.flags).toContain('superseded');
    expect(replaced.reason).toMatch(/replaced by its renewal \(priorPrescription\)/);
    expect(s.mme.orders.find((o) => o.status === 'counted')!.reason).toMatch(/renews the order of .* which is not counted/);
  });

  it('groupIdentifier: the older order of the same opioid and release type in the group is replaced', () => {
    const group = { system: 'urn:oid:1.2.3', value: 'G1' };
    const older: MedicationRequest = { ...oxy5(4, { authoredOn: ago(30) }), groupIdentifier: group };
    const newer: MedicationRequest = { ...rx('1049683', 'oxycodone hydrochloride 10 MG Oral Tablet', [sig(1, 6)], { authoredOn: ago(1) }), groupIdentifier: group };
    const s = json([ort(1), older, newer]);
    expect(s.mme.totalPerDay).toBe(60);
  });

  it('groupIdentifier: an ER and an IR opioid ordered together (breakthrough dosing) are both counted', () => {
    const group = { system: 'urn:oid:1.2.3', value: 'G2' };
    const er = { ...rx('1049502', '12 HR oxycodone hydrochloride 10 MG Extended Release Oral Tablet', [sig(1, 12)], { authoredOn: ago(3) }), groupIdentifier: group };
    const ir = { ...oxy5(4, { authoredOn: ago(1) }), groupIdentifier: group };
    expect(json([ort(1), er, ir]).mme.totalPerDay).toBe(60); // 10 × 2 × 1.5 = 30 + 30
  });

  it('a renewal that is itself stopped replaces nothing', () => {
    const old = oxy5(4, { id: 'mr-keep', authoredOn: ago(20) });
    const stopped = { ...rx('1049683', 'oxycodone hydrochloride 10 MG Oral Tablet', [sig(1, 6)], { authoredOn: ago(2), status: 'stopped' }), priorPrescription: { reference: 'MedicationRequest/mr-keep' } };
    expect(json([ort(1), old, stopped]).mme.totalPerDay).toBe(30);
  });
});

describe('surveys from questionnaire forms and member-item panels', () => {
  type Answers = NonNullable<QuestionnaireResponseItem['answer']>;
  const form = (questionnaire: string, answers: [string, Answers][], date = ago(1)): QuestionnaireResponse => ({
    resourceType: 'QuestionnaireResponse', id: `qr-${++n}`, status: 'completed', questionnaire, subject: { reference: 'Patient/p1' }, authored: date,
    item: answers.map(([linkId, answer]) => ({ linkId, answer })),
  });
  const int = (v: number) => [{ valueInteger: v }];
  const la = (code: string) => [{ valueCoding: { system: LOINC, code } }];

  it('PEG as a QuestionnaireResponse (LOINC items 75893-8, 91145-3, 91146-1) yesterday: mean 5, PEG due today, not overdue', () => {
    const s = panel([oxy5(4), ort(1), form('http://loinc.org/q/91148-7', [['75893-8', int(6)], ['91145-3', int(5)], ['91146-1', int(4)]])]);
    expect(s.peg.entries.map((e) => [e.mean, e.from])).toEqual([[5, 'questionnaire']]);
    expect(item(s, 'peg').status).toBe('due-soon');
  });

  it('PHQ-9 as a form with LOINC answer codes (LA6570-1 = 2, LA6571-9 = 3): 9 items summed → 14 → moderate (M4-phq9)', () => {
    const codes = ['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8'];
    const answers = codes.map((c, i) => [c, la(i < 5 ? 'LA6570-1' : i < 8 ? 'LA6569-3' : 'LA6568-5')] as [string, ReturnType<typeof la>]);
    const s = json([oxy5(4), ort(1), form('Questionnaire/phq-9', answers)]); // 5 × 2 + 3 × 1 + 0 = 13
    expect(s.risk.reasons.map((r) => r.id)).toContain('M4-phq9');
    expect(s.risk.reasons.find((r) => r.id === 'M4-phq9')!.text).toMatch(/PHQ-9 13/);
  });

  it('PHQ-9 as the US Core panel 44249-1 whose nine items are hasMember Observations: read (moderate), not "never done"', () => {
    const items = ['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8'].map((code, i): Observation => ({
      resourceType: 'Observation', id: `phq-item-${i}`, status: 'final', subject: { reference: 'Patient/p1' }, code: { coding: [{ system: LOINC, code }] },
      effectiveDateTime: ago(5), valueCodeableConcept: { coding: [{ system: LOINC, code: i < 6 ? 'LA6570-1' : 'LA6568-5' }] },
    }));
    const panelObs: Observation = { resourceType: 'Observation', id: 'phq-panel', status: 'final', subject: { reference: 'Patient/p1' }, code: { coding: [{ system: LOINC, code: '44249-1' }] }, effectiveDateTime: ago(5), hasMember: items.map((i) => ({ reference: `Observation/${i.id}` })) };
    const s = panel([oxy5(4), ort(1), panelObs, ...items]);
    expect(s.phq9.map((e) => [e.value, e.from])).toEqual([[12, 'panel items']]);
    expect(s.risk.tier).toBe('moderate');
    expect(item(s, 'phq9').status).toBe('up-to-date');
  });

  it('GAD-7 form with seven items and no total: summed (7 × 2 = 14) → moderate (M4-gad7)', () => {
    const codes = ['69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7'];
    const s = json([oxy5(4), ort(1), form('http://loinc.org/q/69737-5', codes.map((c) => [c, int(2)]))]);
    expect(s.risk.reasons.map((r) => r.id)).toContain('M4-gad7');
  });

  it('an in-progress form is not a score; a form of another instrument is ignored', () => {
    const draft = { ...form('http://loinc.org/q/91148-7', [['75893-8', int(6)], ['91145-3', int(5)], ['91146-1', int(4)]]), status: 'in-progress' as const };
    const other = form('http://example.org/Questionnaire/diet', [['q1', int(3)]]);
    expect(panel([oxy5(4), ort(1), draft, other]).peg.entries).toEqual([]);
  });
});

describe('free-text sigs are read, labelled, never guessed', () => {
  it.each([
    ['"1 tablet by mouth every 6 hours" → 1 × 4/day × 5 mg × 1.5 = 30', '1 tablet by mouth every 6 hours', 30],
    ['"1-2 tabs po q4-6h prn pain, max 8/day" → capped at 8 tablets × 5 mg × 1.5 = 60', '1-2 tabs po q4-6h prn pain, max 8/day', 60],
    ['"take as directed" → could not compute', 'take as directed', null],
  ] as const)('%s', (_, text, total) => {
    const order = rx('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet', [{ text }], { supplyDays: null });
    const s = json([ort(1), order as Resource]);
    expect(s.mme.totalPerDay).toBe(total);
    if (total !== null) expect(s.mme.orders[0].reason).toMatch(/dose read from the sig text/);
    if (total !== null) expect(s.mme.orders[0].flags).toContain('from-sig-text');
  });
});

it('AS_OF is fixed', () => expect(AS_OF).toBe('2026-06-15'));
