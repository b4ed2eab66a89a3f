/**
 * Writes fhir-fixtures/reviews/support-team-reviews.json: the pain support team requests of four scenario patients,
 * built with the app's own builders (so the fixtures have exactly the shapes the app files), plus the patients' goals.
 * Run: npx tsx scripts/gen-review-fixtures.ts (the output is committed; dates are the scenarios' 2026-03-16 frame,
 * moved to today by the sandbox like the scenarios themselves).
 */
import { writeFileSync } from 'node:fs';
import type { Bundle, FhirResource, Goal, Task } from 'fhir/r4';
import {
  applyTaskChange, buildConsultNote, buildReviewServiceRequest, buildReviewTask, completedServiceRequest, type Actor,
} from '../src/fhir/review-builders.ts';
import type { ReviewNeed } from '../src/clinical/review/types.ts';

const RAMAN: Actor = { reference: null, display: 'Dr. Priya Raman' };
const PHARMACIST: Actor = { reference: null, display: 'Jordan Lee, PharmD (pain support team)' };
const out: FhirResource[] = [];

function request(key: string, patientId: string, patientName: string, needs: ReviewNeed[], question: string, instant: string) {
  const input = { needs, question, patientId, patientName, requester: RAMAN, clientRequestId: `fixture-${key}`, instant };
  const sr = { ...buildReviewServiceRequest(input), id: `review-${key}-request` };
  const task: Task = { ...buildReviewTask(input, sr.id), id: `review-${key}-task` };
  return { input, sr, task };
}

// 1. Margaret Okafor — waiting for the team.
{
  const r = request('okafor', 'scn-benzo-patient', 'Margaret Okafor', ['safer-prescribing', 'difficult-conversation'],
    'She has taken oxycodone with alprazolam for years and says both help her sleep. How do I raise tapering one of them without losing her trust?',
    '2026-03-09T10:15:00-08:00');
  out.push(r.sr, r.task);
}

// 2. Angela Morrison — the team is reviewing.
{
  const r = request('morrison', 'scn-overdue-patient', 'Angela Morrison', ['possible-oud', 'whole-case'],
    'Her last urine test was negative for the oxycodone I prescribe and she has missed two visits. How do we understand what is going on without accusing her?',
    '2026-02-20T16:40:00-08:00');
  out.push(r.sr, applyTaskChange(r.task, { kind: 'start', by: PHARMACIST, instant: '2026-03-02T12:00:00-08:00' }));
}

// 3. Daniel Reyes — answered and read.
{
  const r = request('reyes', 'scn-mme60-patient', 'Daniel Reyes', ['non-opioid', 'safer-prescribing'],
    'He is on 60 MME a day for low back pain and wants to stay active. What non-opioid options should we add before any change in dose?',
    '2025-12-01T09:00:00-08:00');
  const note = {
    ...buildConsultNote({
      summary: 'You are on the right track: his function is stable and he is engaged. Add duloxetine and a course of physical therapy before any change in dose, and revisit in 3 months.',
      items: {
        referrals: 'Physical therapy (low back program), 8 sessions.',
        monitoring: 'PEG at each visit; offer naloxone (60 MME/day).',
        suggestedLanguage: '"I want to keep you coaching. What would make the biggest difference in your week? Let\'s add a few things that help pain without adding risk."',
      },
      patientId: 'scn-mme60-patient', author: PHARMACIST, clientRequestId: 'fixture-reyes-note', instant: '2025-12-15T13:00:00-08:00',
      taskId: r.task.id!, serviceRequestId: r.sr.id!, question: r.input.question, needs: r.input.needs,
    }),
    id: 'review-reyes-note',
  };
  const done = applyTaskChange(applyTaskChange(r.task, { kind: 'start', by: PHARMACIST, instant: '2025-12-10T12:00:00-08:00' }),
    { kind: 'complete', by: PHARMACIST, instant: '2025-12-15T13:00:00-08:00', documentId: note.id });
  out.push(completedServiceRequest(r.sr), note, applyTaskChange(done, { kind: 'acknowledge', by: RAMAN, instant: '2025-12-18T08:30:00-08:00' }));
}

// 4. Linda Castillo — answered, not yet read by the clinician.
{
  const r = request('castillo', 'scn-peg-patient', 'Linda Castillo', ['whole-case'],
    'Her PEG is a third better since we started. Am I right to keep the dose where it is, and what should I watch for?',
    '2026-03-02T11:20:00-08:00');
  const note = {
    ...buildConsultNote({
      summary: 'Yes — keep the current dose. A 33% better PEG is a clinically meaningful gain (30% or more). Keep the low dose, check the PDMP and PEG at each visit, and ask about her goals so the plan stays about what she can do.',
      items: {
        monitoring: 'Continue the usual schedule; no extra tests needed.',
        suggestedLanguage: '"You have worked hard on this and it shows: you are doing more than when we started. Let\'s keep what is working and keep an eye on it together."',
      },
      patientId: 'scn-peg-patient', author: PHARMACIST, clientRequestId: 'fixture-castillo-note', instant: '2026-03-12T15:00:00-08:00',
      taskId: r.task.id!, serviceRequestId: r.sr.id!, question: r.input.question, needs: r.input.needs,
    }),
    id: 'review-castillo-note',
  };
  out.push(completedServiceRequest(r.sr), note, applyTaskChange(r.task, { kind: 'complete', by: PHARMACIST, instant: '2026-03-12T15:00:00-08:00', documentId: note.id }));
}

// The patients' own goals (Goal, expressed by the patient).
const goal = (id: string, patientId: string, text: string, start: string, due?: string, achievement?: string): Goal => ({
  resourceType: 'Goal',
  id,
  lifecycleStatus: 'active',
  ...(achievement ? { achievementStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/goal-achievement', code: achievement }], text: achievement === 'improving' ? 'Improving' : 'In progress' } } : {}),
  category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/goal-category', code: 'behavioral', display: 'Behavioral' }] }],
  description: { text },
  subject: { reference: `Patient/${patientId}` },
  startDate: start,
  ...(due ? { target: [{ dueDate: due }] } : {}),
  expressedBy: { reference: `Patient/${patientId}` },
});
out.push(
  goal('goal-okafor-walk', 'scn-benzo-patient', 'Walk to the mailbox and back without stopping', '2025-12-06', '2026-06-01', 'in-progress'),
  goal('goal-okafor-sleep', 'scn-benzo-patient', 'Sleep through the night most nights', '2025-12-06'),
  goal('goal-reyes-coach', 'scn-mme60-patient', 'Keep coaching my son\'s soccer team this season', '2025-09-07', '2026-05-31', 'improving'),
);

const bundle: Bundle = { resourceType: 'Bundle', type: 'collection', timestamp: '2026-03-16T12:00:00Z', entry: out.map((resource) => ({ resource })) };
writeFileSync(new URL('../fhir-fixtures/reviews/support-team-reviews.json', import.meta.url), `${JSON.stringify(bundle, null, 2)}\n`);
console.log(`${out.length} resources`);
