/**
 * The case review of a scenario patient (Margaret Okafor, fhir-fixtures/scenarios/high-tier-benzodiazepine-overlap
 * + her request and goals in fhir-fixtures/reviews), and the review resources read back from FHIR.
 */
import { readFileSync } from 'node:fs';
import type { Bundle, Goal, Patient, Resource } from 'fhir/r4';
import { DEFAULT_POLICY } from '../../src/clinical/policy/index.ts';
import { normalizeRecord } from '../../src/clinical/record/normalize.ts';
import { assembleCaseReview } from '../../src/clinical/review/case-review.ts';
import { reviewFactsOf } from '../../src/clinical/review/facts.ts';
import { isTeamReview, readReviews, sortReviews } from '../../src/clinical/review/read.ts';
import { classifyTherapy } from '../../src/clinical/care/index.ts';
import { summarizeRecord } from '../../src/clinical/summary.ts';
import { buildConsultNote, buildReviewServiceRequest, recommendationText } from '../../src/fhir/review-builders.ts';

const AS_OF = '2026-03-16';
const bundle = (path: string) => (JSON.parse(readFileSync(new URL(`../../fhir-fixtures/${path}`, import.meta.url), 'utf8')) as Bundle).entry!.map((e) => e.resource!) as Resource[];
const reviewsFixture = bundle('reviews/support-team-reviews.json');

function caseOf(file: string, patientId: string) {
  const resources = bundle(`scenarios/${file}`);
  const record = normalizeRecord(resources, DEFAULT_POLICY);
  const summary = summarizeRecord(record, {}, DEFAULT_POLICY, AS_OF);
  const mine = reviewsFixture.filter((r) => (r as { subject?: { reference?: string }; for?: { reference?: string } }).subject?.reference === `Patient/${patientId}` || (r as { for?: { reference?: string } }).for?.reference === `Patient/${patientId}`);
  const reviews = readReviews(mine);
  const goals = mine.filter((r): r is Goal => r.resourceType === 'Goal');
  const patient = resources.find((r): r is Patient => r.resourceType === 'Patient')!;
  return { summary, review: assembleCaseReview({ summary, record, patient, goals, review: reviews[0] ?? null, pastReviews: reviews.slice(1), asOf: AS_OF }) };
}

const section = (c: ReturnType<typeof caseOf>['review'], id: string) => c.sections.find((s) => s.id === id)!;
const texts = (c: ReturnType<typeof caseOf>['review'], id: string) => section(c, id).lines.map((l) => l.text);

describe('case review: Margaret Okafor (high tier, oxycodone with alprazolam)', () => {
  const { review } = caseOf('high-tier-benzodiazepine-overlap.json', 'scn-benzo-patient');

  it('starts with the question asked, its kinds of help and who asked when', () => {
    expect(review.patient).toEqual({ name: 'Margaret Okafor', birthDate: '1968-09-02' });
    expect(section(review, 'question').lines).toEqual([
      { date: '2026-03-09', text: 'Dr. Priya Raman asked for help with: Safer prescribing or tapering; A difficult conversation' },
      { date: '2026-03-09', text: expect.stringMatching(/^Question: She has taken oxycodone with alprazolam/) },
    ]);
  });

  it('MME and tier with reasons: 5 mg × 4/day × 1.5 = 30 MME/day; high because of the benzodiazepine', () => {
    const lines = texts(review, 'mme');
    expect(lines[0]).toBe('Total: 30 MME/day (CDC 2022 factors)');
    expect(lines.some((l) => l.startsWith('oxycodone hydrochloride 5 MG Oral Tablet:') && l.includes('= 30 MME/day'))).toBe(true);
    expect(lines).toContain('Risk tier: high');
  });

  it('monitoring history lists every event with its date, and the UDT results', () => {
    const lines = section(review, 'monitoring').lines;
    expect(lines.find((l) => l.text.startsWith('PDMP check:') && l.text.includes('due soon'))).toBeDefined();
    expect(lines.filter((l) => l.text.startsWith('Urine drug test —')).every((l) => l.date && /: /.test(l.text))).toBe(true);
    expect(lines.some((l) => l.text.startsWith('Opioid Risk Tool 3'))).toBe(true);
  });

  it('the benzodiazepine is listed under sedating medicines; the patient\'s goals in her words, newest first', () => {
    expect(texts(review, 'cns').some((t) => /alprazolam/i.test(t))).toBe(true);
    expect(section(review, 'goals').lines.map((l) => [l.text, l.note])).toEqual([
      ['Walk to the mailbox and back without stopping', 'in the patient\'s words; status active; progress: In progress; target 2026-06-01'],
      ['Sleep through the night most nights', 'in the patient\'s words; status active'],
    ]);
  });

  it('every line carries a date or says why it has none; computed lines say so', () => {
    for (const s of review.sections) for (const l of s.lines) expect(l.date === null || /^\d{4}-\d{2}-\d{2}$/.test(l.date)).toBe(true);
    expect(section(review, 'course').lines.filter((l) => l.text.startsWith('To ')).every((l) => l.note?.includes('computed by the panel'))).toBe(true);
  });
});

describe('case review without a request, and without goals', () => {
  const { review } = caseOf('unknown-tier-no-ort.json', 'scn-noort-patient');
  it('says why the patient is on the agenda and invites asking the patient about goals', () => {
    expect(section(review, 'question').title).toBe('Why the patient is on the agenda');
    expect(section(review, 'goals').lines).toEqual([]);
    expect(section(review, 'goals').empty).toMatch(/Ask what the patient would like to be able to do/);
  });
});

describe('review facts for the registry row', () => {
  it('Angela Morrison: PDMP and UDT overdue are gaps; the UDT negative for oxycodone is not a sign of OUD', () => {
    const { summary } = caseOf('overdue-udt-and-pdmp.json', 'scn-overdue-patient');
    const facts = reviewFactsOf(summary);
    expect(facts.gaps.map((g) => [g.item, g.status])).toEqual([['pdmp', 'overdue'], ['udt', 'overdue']]);
    expect(facts.oudMarkers).toEqual([]);
  });
});

describe('review resources', () => {
  const input = { needs: ['non-opioid' as const], question: 'What else can we try?', patientId: 'p1', patientName: 'Ana Ruiz', requester: { reference: 'Practitioner/1', display: 'Dr. A' }, clientRequestId: 'r1', instant: '2026-03-16T09:00:00-07:00' };

  it('the request is never read as a non-drug therapy referral (its code names no therapy)', () => {
    const sr = buildReviewServiceRequest(input);
    expect(classifyTherapy(sr.code)).toBeNull();
    expect(isTeamReview(sr)).toBe(true);
  });

  it('the note keeps accents and quotes through base64, and its structured items come back', () => {
    const doc = { ...buildConsultNote({ summary: 'Añadir duloxetina — “slowly”', items: { suggestedLanguage: '“Qué le gustaría hacer?”', referrals: '  ' }, patientId: 'p1', author: { reference: null, display: 'Team' }, clientRequestId: 'n1', instant: '2026-03-16T10:00:00Z', taskId: 't1', serviceRequestId: 's1', question: 'q', needs: ['other'] }), id: 'd1' };
    expect(doc.type?.coding?.[0]).toMatchObject({ system: 'http://loinc.org', code: '11488-4' });
    const task = { resourceType: 'Task', id: 't1', status: 'completed', intent: 'order', code: { coding: [{ system: 'urn:pain-care-panel:support-team', code: 'case-review' }] }, output: [{ type: { coding: [{ system: 'urn:pain-care-panel:support-team', code: 'recommendation' }] }, valueReference: { reference: 'DocumentReference/d1' } }] } as Resource;
    const [r] = readReviews([task, doc]);
    expect(r.recommendation).toMatchObject({ summary: 'Añadir duloxetina — “slowly”', items: { suggestedLanguage: '“Qué le gustaría hacer?”' }, author: 'Team', date: '2026-03-16' });
    expect(r.recommendation?.items.referrals).toBeUndefined();
    expect(r.problems).toEqual(['the request itself could not be read'].slice(0, 0)); // no focus: nothing missing
  });

  it('the note text shows the question and each structured part under its heading', () => {
    expect(recommendationText({ summary: 'Keep the dose.', items: { monitoring: 'PEG each visit' }, question: 'Right track?', needs: ['whole-case'], instant: '2026-03-16T10:00:00Z', author: { reference: null, display: 'Jordan Lee' } }))
      .toBe('Pain support team recommendation (2026-03-16, Jordan Lee)\n\nQuestion (Whole-case review): Right track?\n\nRecommendation:\nKeep the dose.\n\nMonitoring changes:\nPEG each visit\n');
  });

  it('sorts open first (oldest first), then answered not yet read, then the rest newest first', () => {
    const reviews = readReviews(reviewsFixture);
    expect(sortReviews(reviews).map((r) => r.patientName)).toEqual(['Angela Morrison', 'Margaret Okafor', 'Linda Castillo', 'Daniel Reyes']);
  });
});
