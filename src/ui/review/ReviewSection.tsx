/**
 * The panel's "Pain support team" section: the team's recommendations waiting to be read (with "Mark as read"),
 * open requests and where they stand, "Ask the pain support team", the printable case review, and earlier reviews.
 * A container: it reads the panel's store (client, patient, day) and the reviews store itself, so the panel's
 * layout needs one line for it.
 */
import { useEffect, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import Typography from '@mui/material/Typography';
import type { Patient } from 'fhir/r4';
import { awaitsAcknowledgement, isOpen, readReviews, sortReviews } from '../../clinical/review/read.ts';
import type { Review } from '../../clinical/review/types.ts';
import { permissionsOf, reviewAbilities, type ReviewAbilities } from '../../fhir/reviews.ts';
import { usePanelStore } from '../../store/index.ts';
import { useReviewsStore, type ReviewSet } from '../../store/reviews-store.ts';
import { acknowledgeRecommendation, sendReviewRequest, type ActionResult } from './actions.ts';
import { CaseReviewSlot } from './case-review-slot.tsx';
import { hasRequestDraft, RequestReviewForm } from './RequestReviewForm.tsx';
import { ReviewCard } from './ReviewCard.tsx';
import { displayName } from './names.ts';
import type { ReviewNeed } from '../../clinical/review/types.ts';

export function ReviewSection() {
  const client = usePanelStore((s) => s.client);
  const patientId = usePanelStore((s) => s.patientId);
  const patient = usePanelStore((s) => s.resources.patient?.[0] as Patient | undefined);
  const set = useReviewsStore((s) => (patientId ? s.patients[patientId] : undefined));
  useEffect(() => {
    if (client && patientId && !useReviewsStore.getState().patients[patientId]) void useReviewsStore.getState().loadPatient(client, patientId);
  }, [client, patientId]);
  const abilities = useMemo(() => (client ? reviewAbilities(permissionsOf(client)) : null), [client]);
  if (!client || !patientId || !abilities) return <Typography variant="body2">The support team section needs a patient launched from the chart.</Typography>;
  return (
    <ReviewSectionView
      set={set ?? null}
      abilities={abilities}
      patientId={patientId}
      onReload={() => void useReviewsStore.getState().loadPatient(client, patientId)}
      onRequest={(input, id) => sendReviewRequest(client, { ...input, patientId, patientName: displayName(patient), clientRequestId: id })}
      onAcknowledge={(taskId) => acknowledgeRecommendation(client, taskId, patientId)}
      caseReview={(taskId) => <CaseReviewSlot client={client} patientId={patientId} taskId={taskId} />}
    />
  );
}

export interface ReviewSectionViewProps {
  set: ReviewSet | null;
  abilities: ReviewAbilities;
  patientId: string;
  onReload: () => void;
  onRequest: (input: { needs: ReviewNeed[]; question: string }, clientRequestId: string) => Promise<ActionResult>;
  onAcknowledge: (taskId: string) => Promise<ActionResult>;
  /** The case review (rendered in a full-screen dialog). */
  caseReview: (taskId: string | null) => React.ReactNode;
}

export function ReviewSectionView({ set, abilities, patientId, onReload, onRequest, onAcknowledge, caseReview }: ReviewSectionViewProps) {
  const reviews = useMemo(() => sortReviews(readReviews(set?.resources ?? [])), [set]);
  const toRead = reviews.filter(awaitsAcknowledgement);
  const open = reviews.filter(isOpen);
  const past = reviews.filter((r) => !isOpen(r) && !awaitsAcknowledgement(r));
  const [formOpen, setFormOpen] = useState(() => hasRequestDraft(patientId));
  const [sent, setSent] = useState(false);
  const [caseFor, setCaseFor] = useState<{ taskId: string | null } | null>(null);
  const [showPast, setShowPast] = useState(false);
  const [acked, setAcked] = useState(false);
  const acknowledge = async (taskId: string) => {
    const r = await onAcknowledge(taskId);
    if (r.ok) setAcked(true);
    return r;
  };

  const list = (items: Review[]) => items.map((r) => (
    <ReviewCard key={r.taskId} review={r} canAcknowledge={abilities.acknowledge} onAcknowledge={acknowledge} />
  ));

  return (
    <Box>
      <Typography variant="body2">
        The clinic&apos;s pain support team — clinicians, nurses, a pharmacist with tapering experience, and MOUD and behavioral-health
        colleagues — reviews cases on request and answers with a recommendation here.
      </Typography>
      {set?.state === 'loading' && <Typography role="status" variant="body2" sx={{ mt: 1 }}>Loading support team requests…</Typography>}
      {set?.state === 'failed' && (
        set.unsupported
          ? <Alert severity="info" sx={{ mt: 1 }}>This EHR does not offer the support team&apos;s requests in the chart ({set.reason}). Write the question below and copy it into a message to the team.</Alert>
          : set.forbidden
          ? <Alert severity="info" sx={{ mt: 1 }}>This launch was not granted permission to read the support team&apos;s requests, so earlier requests and answers cannot be shown.</Alert>
          : <Alert severity="warning" sx={{ mt: 1 }} action={<Button color="inherit" size="small" onClick={onReload}>Read again</Button>}>Could not check — support team requests could not be read ({set.reason}).</Alert>
      )}
      {list(toRead)}
      {list(open)}
      {acked && <Alert severity="success" role="status" sx={{ mt: 1 }}>Marked as read; the recommendation stays under “Earlier reviews”.</Alert>}
      {sent && <Alert severity="success" role="status" sx={{ mt: 1 }}>Sent to the pain support team. It is listed above until they answer.</Alert>}
      {formOpen ? (
        <RequestReviewForm
          patientId={patientId}
          canSend={abilities.request && !set?.unsupported}
          onSend={onRequest}
          onSent={() => { setSent(true); setFormOpen(false); }}
          onCancel={() => setFormOpen(false)}
        />
      ) : (
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1 }}>
          <Button variant="contained" onClick={() => { setFormOpen(true); setSent(false); }}>Ask the pain support team</Button>
          <Button variant="outlined" onClick={() => setCaseFor({ taskId: open[0]?.taskId ?? null })}>Case review (printable)</Button>
          {open.length > 0 && <Button onClick={onReload} disabled={set?.state === 'loading'}>Check for an answer</Button>}
        </Box>
      )}
      {past.length > 0 && (
        <Box sx={{ mt: 1 }}>
          <Button size="small" aria-expanded={showPast} onClick={() => setShowPast((v) => !v)}>
            {showPast ? 'Hide' : 'Show'} earlier reviews ({past.length})
          </Button>
          {showPast && list(past)}
        </Box>
      )}
      <Dialog fullScreen open={caseFor !== null} onClose={() => setCaseFor(null)} aria-labelledby="case-review-heading">
        <DialogContent>
          <Box className="case-review-noprint" sx={{ display: 'flex', justifyContent: 'flex-end' }}>
            <Button onClick={() => setCaseFor(null)}>Close case review</Button>
          </Box>
          {caseFor && caseReview(caseFor.taskId)}
        </DialogContent>
      </Dialog>
    </Box>
  );
}
