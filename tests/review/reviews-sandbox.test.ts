/**
 * The support team workflow against the local SMART sandbox (real EHR launches, real scopes): a clinician's
 * request from the panel, the team's queue, start, recommendation, the clinician's acknowledgement — with the
 * no-duplicate and conflict guarantees.
 */
import type { Task } from 'fhir/r4';
import { startSandbox, type Sandbox } from '../../scripts/sandbox/server.ts';
import { obtainToken } from '../../scripts/sandbox/test-client.ts';
import { readReviews } from '../../src/clinical/review/read.ts';
import { acknowledgeReview, loadPatientReviews, loadTeamReviews, recordRecommendation, requestReview, startReview } from '../../src/fhir/reviews.ts';
import config from '../../public/smart-config.json';
import { makeNodeClient } from '../fhir/msw/node-client.ts';

const TODAY = '2026-03-16';
const PID = 'scn-noort-patient';
let sb: Sandbox;

beforeAll(async () => {
  sb = await startSandbox({ port: 0, today: TODAY, quiet: true });
}, 120_000);
afterAll(async () => sb?.close());

async function panelClient(patient = PID, scope = config.scope) {
  const { access_token } = await obtainToken(sb, { patient, scope });
  return makeNodeClient({ serverUrl: sb.fhirBaseUrl, patient, accessToken: access_token, scope });
}
async function teamClient(scope = config.registryScope) {
  const { access_token } = await obtainToken(sb, { patient: null, scope });
  return makeNodeClient({ serverUrl: sb.fhirBaseUrl, patient: undefined, accessToken: access_token, scope });
}
const fast = { sleep: async () => {}, random: () => 0.5 };
const clinician = { reference: 'Practitioner/sandbox-clinician', display: 'Dr. Sam Sandbox' };
const pharmacist = { reference: 'Practitioner/sandbox-clinician', display: 'Jordan Lee, PharmD' };
const ask = { needs: ['safer-prescribing' as const, 'difficult-conversation' as const], question: 'How do I talk about a slower taper?', patientId: PID, patientName: 'Robert Lindqvist', requester: clinician, clientRequestId: 'req-robert-1', instant: '2026-03-16T09:00:00-07:00' };

describe('support team reviews on the sandbox', () => {
  it('the fixtures: open, in-progress, answered and read reviews, and the patients\' goals', async () => {
    const team = await teamClient();
    const load = await loadTeamReviews(team, fast);
    expect(load.ok).toBe(true);
    const reviews = readReviews(load.ok ? load.resources : []);
    const byName = Object.fromEntries(reviews.map((r) => [r.patientName, r]));
    expect(byName['Margaret Okafor']).toMatchObject({ status: 'requested', needs: ['safer-prescribing', 'difficult-conversation'], requester: 'Dr. Priya Raman' });
    expect(byName['Angela Morrison']).toMatchObject({ status: 'in-progress' });
    expect(byName['Linda Castillo']).toMatchObject({ status: 'completed', acknowledged: null });
    expect(byName['Daniel Reyes']).toBeUndefined(); // answered and read: not on the team's list
    const reyes = await loadPatientReviews(await panelClient('scn-mme60-patient'), 'scn-mme60-patient', fast);
    const [done] = readReviews(reyes.ok ? reyes.resources : []);
    expect(done.recommendation?.items.suggestedLanguage).toMatch(/keep you coaching/);
    expect(done.acknowledged).toMatchObject({ by: 'Dr. Priya Raman' });
    expect(reyes.ok && reyes.goals.map((g) => g.description.text)).toEqual(['Keep coaching my son\'s soccer team this season']);
  });

  it('files a request once, even when sent again with the same request id', async () => {
    const client = await panelClient();
    const first = await requestReview(client, ask, fast);
    const again = await requestReview(client, ask, fast);
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.task.id).toBe(first.task.id);
    expect(again.serviceRequest.id).toBe(first.serviceRequest.id);
    const load = await loadPatientReviews(client, PID, fast);
    const reviews = readReviews(load.ok ? load.resources : []);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ status: 'requested', question: ask.question, requestedOn: '2026-03-16', requester: 'Dr. Sam Sandbox', patientName: 'Robert Lindqvist' });
  });

  it('without write scopes nothing is sent', async () => {
    const readOnly = await panelClient(PID, 'launch openid fhirUser patient/*.rs');
    const r = await requestReview(readOnly, { ...ask, clientRequestId: 'req-robert-ro' }, fast);
    expect(r.ok).toBe(false);
    const load = await loadPatientReviews(await panelClient(), PID, fast);
    expect(readReviews(load.ok ? load.resources : [])).toHaveLength(1);
  });

  it('the team starts the review, answers it; a stale copy is re-read, not overwritten; the clinician reads it', async () => {
    const team = await teamClient();
    const load = await loadTeamReviews(team, fast);
    const task = (load.ok ? load.resources : []).find((r): r is Task => r.resourceType === 'Task' && (r as Task).for?.reference === `Patient/${PID}`)!;
    expect(task.status).toBe('requested');
    const started = await startReview(team, task, { kind: 'start', by: pharmacist, instant: '2026-03-16T10:00:00-07:00' }, fast);
    expect(started.ok && started.task.status).toBe('in-progress');
    // Starting again from the stale copy: the server answers 412, the Task is read again and is already started.
    const statuses: (number | null)[] = [];
    const twice = await startReview(team, task, { kind: 'start', by: pharmacist, instant: '2026-03-16T10:01:00-07:00' }, { ...fast, onExchange: (e) => statuses.push(e.status) });
    expect(statuses).toEqual([412, 200]); // PUT refused, GET
    expect(twice.ok && twice.task.meta?.versionId).toBe(started.ok && started.task.meta?.versionId);

    const sr = (load.ok ? load.resources : []).find((r) => r.resourceType === 'ServiceRequest' && r.id === task.focus?.reference?.split('/')[1]) ?? null;
    const answer = { summary: 'Slow the taper to 10% a month.', items: { suggestedLanguage: '"What would you like to be able to do again?"' }, patientId: PID, author: pharmacist, clientRequestId: 'rec-robert-1', instant: '2026-03-16T11:00:00-07:00', question: ask.question, needs: ask.needs };
    // The stale (requested) copy: the complete change is re-applied to the newer (in-progress) version.
    const sent: string[] = [];
    const rec = await recordRecommendation(team, { task, serviceRequest: sr as never }, answer, { ...fast, onExchange: (e) => sent.push(`${e.status} ${e.url.replace(/^.*\/fhir\//, '').replace(/\/[^/]+$/, '')}`) });
    expect(sent).toEqual(['201 DocumentReference', '412 Task', '200 Task', '200 Task', '200 ServiceRequest']);
    expect(rec.ok).toBe(true);
    if (!rec.ok) return;
    expect(rec.task.status).toBe('completed');
    expect(rec.serviceRequest?.status).toBe('completed');
    expect(rec.warnings).toEqual([]);
    const again = await recordRecommendation(team, { task: rec.task, serviceRequest: rec.serviceRequest }, answer, fast);
    expect(again.ok && again.document.id).toBe(rec.document.id); // no second note

    const clinicianClient = await panelClient();
    const mine = await loadPatientReviews(clinicianClient, PID, fast);
    const [review] = readReviews(mine.ok ? mine.resources : []);
    expect(review).toMatchObject({ status: 'completed', acknowledged: null });
    expect(review.recommendation).toMatchObject({ summary: 'Slow the taper to 10% a month.', author: 'Jordan Lee, PharmD', date: '2026-03-16' });
    expect(review.recommendation?.text).toContain('Suggested words for the conversation:\n"What would you like to be able to do again?"');
    const taskNow = (mine.ok ? mine.resources : []).find((r): r is Task => r.resourceType === 'Task')!;
    const ack = await acknowledgeReview(clinicianClient, taskNow, { kind: 'acknowledge', by: clinician, instant: '2026-03-16T12:00:00-07:00' }, fast);
    expect(ack.ok).toBe(true);
    const after = await loadPatientReviews(clinicianClient, PID, fast);
    expect(readReviews(after.ok ? after.resources : [])[0].acknowledged).toEqual({ on: '2026-03-16', by: 'Dr. Sam Sandbox' });
  });

  it('a patient-level token cannot update another patient\'s request', async () => {
    const team = await teamClient();
    const load = await loadTeamReviews(team, fast);
    const okafor = (load.ok ? load.resources : []).find((r): r is Task => r.resourceType === 'Task' && (r as Task).for?.reference === 'Patient/scn-benzo-patient')!;
    const other = await panelClient('scn-mme60-patient');
    const r = await startReview(other, okafor, { kind: 'start', by: clinician, instant: '2026-03-16T10:00:00-07:00' }, fast);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.kind).toBe('forbidden');
  });
});
