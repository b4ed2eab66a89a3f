/**
 * The case review of the patient loaded in the panel's store (the panel itself, or the registry after it read the
 * patient's record), with the team's controls: take the request up ("Start the review") and file the
 * recommendation. Reads the patient's reviews and goals through the reviews store.
 */
import { useEffect, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { Spinner } from '../shared/Spinner.tsx';
import Typography from '@mui/material/Typography';
import type Client from 'fhirclient/lib/Client';
import type { Patient } from 'fhir/r4';
import { normalizeRecord } from '../../clinical/record/normalize.ts';
import { assembleCaseReview } from '../../clinical/review/case-review.ts';
import type { QueueReason } from '../../clinical/review/queue.ts';
import { isOpen, readReviews, sortReviews } from '../../clinical/review/read.ts';
import { permissionsOf, reviewAbilities } from '../../fhir/reviews.ts';
import { allResources, usePanelSummary } from '../../store/derived.ts';
import { usePanelStore } from '../../store/index.ts';
import { useReviewsStore } from '../../store/reviews-store.ts';
import { sendRecommendation, sendTeamInitiatedRecommendation, startTeamReview, teamInitiatedQuestion } from './actions.ts';
import { displayName } from './names.ts';
import { CaseReviewView } from './CaseReviewView.tsx';
import { RecommendationForm } from './RecommendationForm.tsx';
import { ReviewCard } from './ReviewCard.tsx';

export interface CaseReviewPanelProps {
  client: Client;
  patientId: string;
  /** The request to answer; default: the patient's oldest open request. */
  taskId?: string | null;
  /** Why the clinic's rules list the patient (shown when there is no request). */
  listedFor?: readonly QueueReason[];
}

export function CaseReviewPanel({ client, patientId, taskId = null, listedFor = [] }: CaseReviewPanelProps) {
  const summary = usePanelSummary();
  const resources = usePanelStore((s) => s.resources);
  const policy = usePanelStore((s) => s.policy);
  const asOf = usePanelStore((s) => s.asOf);
  const loadedAt = usePanelStore((s) => s.loadedAt);
  const policyErrors = usePanelStore((s) => s.policyErrors);
  const record = useMemo(() => (policy ? normalizeRecord(allResources(resources), policy) : null), [resources, policy]);
  const set = useReviewsStore((s) => s.patients[patientId]);
  useEffect(() => {
    if (!useReviewsStore.getState().patients[patientId]) void useReviewsStore.getState().loadPatient(client, patientId);
  }, [client, patientId]);
  const reviews = useMemo(() => sortReviews(readReviews(set?.resources ?? [])), [set]);
  // The request this review is about stays the same once chosen (answering it must not bring up the next one).
  const [chosen, setChosen] = useState<string | null>(taskId);
  const current = (chosen ? reviews.find((r) => r.taskId === chosen) : reviews.find(isOpen)) ?? null;
  useEffect(() => {
    if (!chosen && current) setChosen(current.taskId);
  }, [chosen, current]);
  const [filed, setFiled] = useState<string[] | null>(null);
  const teamQuestion = useMemo(() => teamInitiatedQuestion(listedFor.map((x) => x.text)), [listedFor]);
  const past = reviews.filter((r) => r !== current && r.status === 'completed');
  const abilities = useMemo(() => reviewAbilities(permissionsOf(client)), [client]);
  const [starting, setStarting] = useState<{ phase: 'idle' | 'saving' | 'failed'; error?: string }>({ phase: 'idle' });

  const ready = summary && record && asOf && loadedAt !== null && set && set.state !== 'loading';
  const caseReview = useMemo(
    () => (ready ? assembleCaseReview({ summary, record, patient: (resources.patient?.[0] as Patient | undefined) ?? null, goals: set.goals, review: current, listedFor, pastReviews: past, asOf }) : null),
    [ready, summary, record, resources.patient, set, current, listedFor, past, asOf],
  );

  if (policyErrors) return <Alert severity="error">The clinic policy could not be used, so no case review is shown: {policyErrors.join('; ')}</Alert>;
  if (!caseReview) {
    return (
      <Box role="status" aria-live="polite" sx={{ display: 'flex', gap: 2, alignItems: 'center', p: 2 }}>
        <Spinner size={20} />
        <Typography>Reading the patient&apos;s record for the case review…</Typography>
      </Box>
    );
  }

  const start = async () => {
    if (!current) return;
    setStarting({ phase: 'saving' });
    const r = await startTeamReview(client, current.taskId, patientId);
    setStarting(r.ok ? { phase: 'idle' } : { phase: 'failed', error: r.message });
  };

  return (
    <Box>
      {set.state === 'failed' && (
        <Alert severity="warning" sx={{ mb: 1 }} className="case-review-noprint">
          The support team requests could not be read ({set.reason}); the case review shows the record only.
        </Alert>
      )}
      <CaseReviewView review={caseReview} />
      {current && (
        <Box className="case-review-noprint" sx={{ mt: 2 }}>
          {current.status === 'requested' && abilities.start && (
            <Box sx={{ mb: 1 }}>
              {starting.phase === 'failed' && <Alert severity="error" sx={{ mb: 1 }}>Could not mark the request as taken up: {starting.error}</Alert>}
              <Button variant="outlined" onClick={start} disabled={starting.phase === 'saving'}>
                {starting.phase === 'saving' ? 'Saving…' : 'Start the review (shows the clinician the team is on it)'}
              </Button>
            </Box>
          )}
          {isOpen(current) ? (
            <RecommendationForm
              taskId={current.taskId}
              question={current.question}
              needs={current.needs}
              canRespond={abilities.respond}
              onSend={async (input, clientRequestId) => {
                const r = await sendRecommendation(client, { ...input, taskId: current.taskId, serviceRequestId: current.serviceRequestId, patientId, question: current.question, needs: current.needs, clientRequestId });
                if (r.ok) setFiled(r.warnings ?? []);
                return r;
              }}
            />
          ) : (
            <>
              {filed && (
                <Box role="status" aria-live="polite">
                  <Alert severity="success">Recommendation filed in the chart as a consult note; the clinician sees it in the panel until they mark it read.</Alert>
                  {filed.map((w) => <Alert key={w} severity="info" sx={{ mt: 1 }}>{w}</Alert>)}
                </Box>
              )}
              <ReviewCard review={current} />
            </>
          )}
        </Box>
      )}
      {!current && listedFor.length > 0 && set.state === 'loaded' && (
        <Box className="case-review-noprint" sx={{ mt: 2 }}>
          <Typography variant="body2" sx={{ mb: 1 }}>
            No clinician has asked about this patient. The team can still send a recommendation: it is filed as a review the team started
            itself, and the prescriber sees it in the panel like any answer.
          </Typography>
          <RecommendationForm
            taskId={`team-${patientId}`}
            question={teamQuestion}
            needs={['whole-case']}
            canRespond={abilities.request && abilities.respond}
            onSend={async (input, clientRequestId) => {
              const r = await sendTeamInitiatedRecommendation(client, { ...input, patientId, patientName: displayName((resources.patient?.[0] as Patient | undefined) ?? undefined), reasons: listedFor.map((x) => x.text), clientRequestId });
              if (r.ok) {
                setFiled(r.warnings ?? []);
                if (r.taskId) setChosen(r.taskId);
              }
              return r;
            }}
          />
        </Box>
      )}
    </Box>
  );
}
