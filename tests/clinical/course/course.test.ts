/**
 * The opioid course over time (dose history, changes, pace flags, supply, prescribers): the cases with the
 * hand arithmetic. Morphine mg doses make MME = mg (factor 1); oxycodone 5 mg tablets are 7.5 MME each.
 */
import type { MedicationDispense, MedicationRequest, Resource } from 'fhir/r4';
import { computeCourse } from '../../../src/clinical/course/index.ts';
import { DEFAULT_POLICY } from '../../../src/clinical/policy/index.ts';
import { normalizeRecord } from '../../../src/clinical/record/normalize.ts';
import { summarizeRecord } from '../../../src/clinical/summary.ts';
import { addDays } from '../../../src/clinical/dates.ts';
import { AS_OF, ago, json, rx, sig } from '../qa/qa-build.ts';

const morphine = (mg: number, authoredOn: string, days = 30, o: Partial<MedicationRequest> = {}): MedicationRequest =>
  ({ ...rx('892582', 'morphine sulfate 15 MG Oral Tablet', [sig(mg, 24, { unit: 'mg' })], { status: 'completed', authoredOn, supplyDays: days }), ...o });
const oxy10 = (authoredOn: string, days = 30): MedicationRequest => rx('1049683', 'oxycodone hydrochloride 10 MG Oral Tablet', [sig(1, 6)], { status: 'completed', authoredOn, supplyDays: days });

function course(resources: Resource[], since?: string | null) {
  const record = normalizeRecord(resources, DEFAULT_POLICY);
  const s = summarizeRecord(record, since !== undefined ? { medications: { state: 'loaded', since } } : {}, DEFAULT_POLICY, AS_OF, {}, { course: false });
  return computeCourse({ record, mme: s.mme, policy: DEFAULT_POLICY, asOf: AS_OF, since: since ?? null, historyDays: 5 * 365 });
}
const codes = (c: ReturnType<typeof course>) => c.flags.map((f) => f.code);

describe('pace of change (CDC 2022 Rec 5; HHS 2019: about 10% a month after a year or more)', () => {
  it('a 10%/month taper over a year after 3 years at 100 MME/day: 12 decreases of 10% every 30 days → 10%/month, no flag', () => {
    const orders: MedicationRequest[] = [];
    let day = ago(4 * 365);
    while (day < ago(365)) { orders.push(morphine(100, day)); day = addDays(day, 30); }
    let dose = 100;
    for (let i = 0; i < 12; i++) { dose *= 0.9; orders.push(morphine(dose, day, i === 11 ? 60 : 30)); day = addDays(day, 30); }
    const c = course(orders);
    const decreases = c.changes.filter((x) => x.kind === 'decrease');
    expect(decreases.length).toBeGreaterThanOrEqual(11);
    for (const d of decreases.slice(1)) expect(d.pctPerMonth).toBeCloseTo(10, 5); // (10% of the dose before) ÷ 1 month
    expect(codes(c)).not.toContain('taper-faster-than-policy');
  });

  it('25% per week from 120 MME after 3 years → 25% ÷ 7 days × 30 = 107%/month: taper-faster-than-policy', () => {
    const orders: MedicationRequest[] = [];
    let day = ago(3 * 365 + 40);
    while (day < ago(40)) { orders.push(morphine(120, day)); day = addDays(day, 30); }
    let dose = 120;
    for (let i = 0; i < 4; i++) { dose *= 0.75; orders.push(morphine(dose, day, 7)); day = addDays(day, 7); }
    const c = course(orders);
    const fast = c.flags.filter((f) => f.code === 'taper-faster-than-policy');
    expect(fast.length).toBeGreaterThanOrEqual(3);
    expect(c.changes.filter((x) => x.kind === 'decrease').slice(1).every((d) => Math.round(d.pctPerMonth!) === 107)).toBe(true);
    expect(fast[0].detail).toMatch(/faster than about 10% per month after a year or more/);
  });

  it('a stop from 90 MME/day after 6 months with no taper: abrupt-stop', () => {
    const orders = Array.from({ length: 6 }, (_, i) => morphine(90, ago(210 - i * 30)));
    const c = course(orders); // last supply: authored 60 days ago + 30 → no current opioid from 29 days ago
    expect(c.changes.at(-1)).toMatchObject({ kind: 'stop', fromMme: 90, toMme: 0 });
    expect(codes(c)).toContain('abrupt-stop');
  });

  it('a stop from 15 MME/day after a 2-week course: no flag (below the dose, shorter than the course)', () => {
    const c = course([morphine(15, ago(40), 14)]);
    expect(c.changes.map((x) => x.kind)).toEqual(['start', 'stop']);
    expect(c.flags).toEqual([]);
  });

  it('oxycodone 10 mg QID (40 mg × 1.5 = 60) switched to morphine 60 mg/day (60): a switch, not a change of dose', () => {
    const c = course([oxy10(ago(90)), oxy10(ago(60)), morphine(60, ago(30), 60)]);
    expect(c.changes.map((x) => x.kind)).toEqual(['start', 'switch']);
    expect(c.flags.map((f) => f.code)).not.toContain('taper-faster-than-policy');
  });

  it('an increase from 30 to 60 MME/day crosses 50: dose-escalation (CDC 2022 Rec 4)', () => {
    const c = course([morphine(30, ago(60)), morphine(60, ago(30), 60)]);
    expect(c.flags.find((f) => f.code === 'dose-escalation')?.detail).toMatch(/crosses 50 MME\/day/);
  });
});

describe('supply and prescribers', () => {
  let n = 0;
  const fill = (order: MedicationRequest, date: string, days: number, pharmacy = 'Main St Pharmacy'): MedicationDispense => ({
    resourceType: 'MedicationDispense', id: `fill-${++n}`, status: 'completed', subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: order.medicationCodeableConcept, authorizingPrescription: [{ reference: `MedicationRequest/${order.id}` }],
    quantity: { value: days * 4 }, daysSupply: { value: days, unit: 'days', code: 'd' }, whenHandedOver: date, performer: [{ actor: { display: pharmacy } }],
  });
  const by = (order: MedicationRequest, requester: string): MedicationRequest => ({ ...order, requester: { display: requester } });

  it('the last fill\'s days\' supply gives the day the supply runs out (filled 10 days ago, 30 days → runs out in 20)', () => {
    const order = by(oxy10(ago(12)), 'Dr. A');
    order.status = 'active';
    const c = course([order, fill(order, ago(10), 30)]);
    expect([c.supplyEnds, c.daysLeft]).toEqual([ago(-20), 20]);
  });

  it('a refill after 60% of the previous 30-day supply (day 18): early-refill', () => {
    const order = by({ ...oxy10(ago(40), 90), status: 'active' }, 'Dr. A');
    const c = course([order, fill(order, ago(40), 30), fill(order, ago(22), 30)]);
    expect(c.flags.find((f) => f.code === 'early-refill')?.detail).toMatch(/after 60% of the 30-day supply/);
  });

  it('overlapping supplies from two prescribers: overlapping-supply', () => {
    const a = by({ ...oxy10(ago(25)), id: 'ord-a' }, 'Dr. A');
    const b = by({ ...morphine(30, ago(15)), id: 'ord-b' }, 'Dr. B');
    const c = course([a, b, fill(a, ago(25), 30), fill(b, ago(15), 30, 'Other Pharmacy')]);
    expect(c.flags.find((f) => f.code === 'overlapping-supply')?.detail).toMatch(/from Dr\. B .* overlaps .* from Dr\. A/);
    expect(c.prescribers).toMatchObject({ count: 2, pharmacies: 2, windowDays: 180 });
  });

  it('4 prescribers in 180 days: multiple-prescribers (PQA measure)', () => {
    const orders = ['Dr. A', 'Dr. B', 'Dr. C', 'Dr. D'].map((who, i) => by(morphine(20, ago(150 - i * 35)), who));
    expect(codes(course(orders))).toContain('multiple-prescribers');
  });
});

describe('history: gaps and the edge of the read window', () => {
  it('a period whose dose cannot be computed is a gap (null), never zero, and no change is claimed across it', () => {
    const unknown = rx('1049621', 'oxycodone hydrochloride 5 MG Oral Tablet', undefined, { status: 'completed', authoredOn: ago(60), supplyDays: 30 });
    const c = course([morphine(40, ago(90)), unknown, morphine(40, ago(30), 60)]);
    expect(c.history.some((s) => s.mmePerDay === null && !s.complete)).toBe(true);
    expect(c.history.some((s) => s.mmePerDay === 0 && s.from > ago(70) && s.from < ago(30))).toBe(false);
    expect(c.changes.filter((x) => x.kind === 'stop' || x.kind === 'decrease')).toEqual([]);
  });

  it('orders read only from a date on: a course running at that edge starts "at or before" (startKnown false)', () => {
    // Monthly orders for 900 days; only those from the window on were read (as the panel's order search does).
    const orders = Array.from({ length: 30 }, (_, i) => morphine(40, ago(900 - i * 30))).filter((o) => o.authoredOn! >= ago(730));
    const c = course(orders, ago(730));
    expect(c.startKnown).toBe(false);
    expect(c.start! >= ago(730)).toBe(true);
  });

  it('summarize prints course for every patient, with the public fields', () => {
    const out = json([morphine(40, ago(20), 60)]) as unknown as { course: Record<string, unknown> };
    expect(Object.keys(out.course)).toEqual(['start', 'startKnown', 'days', 'longTerm', 'history', 'changes', 'flags', 'supplyEnds', 'prescribers']);
    expect(out.course.prescribers).toEqual({ count: 0, pharmacies: 0, windowDays: 180 });
  });
});
