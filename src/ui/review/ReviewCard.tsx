/**
 * One support team review as the clinician and the team see it: where it stands, what was asked, and the team's
 * recommendation with its structured parts (suggested words set apart, to be read aloud as written).
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { NEED_LABEL } from '../../clinical/review/codes.ts';
import { awaitsAcknowledgement } from '../../clinical/review/read.ts';
import type { RecommendationItems, Review } from '../../clinical/review/types.ts';
import { formatDate } from '../format.ts';
import type { ActionResult } from './actions.ts';

export function reviewState(r: Review): { text: string; tone: 'waiting' | 'working' | 'answer' | 'done' } {
  if (r.status === 'requested') return { text: 'Waiting for the team', tone: 'waiting' };
  if (r.status === 'in-progress') return { text: 'The team is reviewing', tone: 'working' };
  if (r.status === 'completed' && !r.acknowledged) return { text: 'Recommendation ready — not yet read', tone: 'answer' };
  if (r.status === 'completed') return { text: `Read${r.acknowledged?.on ? ` on ${formatDate(r.acknowledged.on)}` : ''}${r.acknowledged?.by ? ` by ${r.acknowledged.by}` : ''}`, tone: 'done' };
  if (r.status === 'cancelled') return { text: 'Withdrawn', tone: 'done' };
  return { text: `Status: ${r.fhirStatus}`, tone: 'done' };
}

const TONE_COLOR = { waiting: 'warning.dark', working: 'info.dark', answer: 'success.dark', done: 'text.secondary' } as const;

export const ITEM_LABELS: readonly [keyof RecommendationItems, string][] = [
  ['taperPlan', 'Taper plan'],
  ['referrals', 'Referrals'],
  ['monitoring', 'Monitoring changes'],
  ['suggestedLanguage', 'Suggested words for the conversation'],
];

export interface ReviewCardProps {
  review: Review;
  headingLevel?: 'h3' | 'h4';
  canAcknowledge?: boolean;
  onAcknowledge?: (taskId: string) => Promise<ActionResult>;
}

export function ReviewCard({ review, headingLevel = 'h3', canAcknowledge = false, onAcknowledge }: ReviewCardProps) {
  const state = reviewState(review);
  const rec = review.recommendation;
  const [phase, setPhase] = useState<'idle' | 'saving' | 'failed'>('idle');
  const [error, setError] = useState<string | null>(null);
  const acknowledge = async () => {
    if (!onAcknowledge || phase === 'saving') return;
    setPhase('saving');
    const r = await onAcknowledge(review.taskId);
    if (r.ok) setPhase('idle');
    else {
      setPhase('failed');
      setError(r.message);
    }
  };
  const headingId = `review-${review.taskId}-heading`;
  return (
    <Box component="article" aria-labelledby={headingId} sx={{ borderLeft: 4, borderColor: TONE_COLOR[state.tone], pl: 1.5, py: 0.5, my: 1.5 }}>
      <Typography id={headingId} component={headingLevel} variant="subtitle2" sx={{ fontWeight: 700, color: TONE_COLOR[state.tone] }}>
        {state.text}
      </Typography>
      <Typography variant="body2">
        Asked {review.requestedOn ? `on ${formatDate(review.requestedOn)} ` : ''}by {review.requester ?? 'a clinician'} — help with:{' '}
        {review.needs.map((n) => NEED_LABEL[n]).join('; ') || 'not said'}
      </Typography>
      <Typography variant="body2" sx={{ fontStyle: 'italic', whiteSpace: 'pre-wrap', my: 0.5 }}>“{review.question}”</Typography>
      {rec && (
        <Box sx={{ mt: 1 }}>
          <Typography variant="body2" sx={{ fontWeight: 700 }}>
            Recommendation{rec.date ? ` of ${formatDate(rec.date)}` : ''}{rec.author ? ` — ${rec.author}` : ''}
          </Typography>
          <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{rec.summary}</Typography>
          {ITEM_LABELS.filter(([k]) => rec.items[k]).map(([k, label]) => (
            <Box key={k} sx={{ mt: 1 }}>
              <Typography variant="body2" sx={{ fontWeight: 700 }}>{label}</Typography>
              {k === 'suggestedLanguage' ? (
                <Box component="blockquote" sx={{ m: 0, mt: 0.5, p: 1, bgcolor: 'grey.100', borderRadius: 1, whiteSpace: 'pre-wrap', fontSize: 14 }}>{rec.items[k]}</Box>
              ) : (
                <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{rec.items[k]}</Typography>
              )}
            </Box>
          ))}
        </Box>
      )}
      {review.recommendationRef && !rec && <Alert severity="warning" sx={{ mt: 1 }}>The team answered, but the note could not be read — open it in the chart&apos;s documents.</Alert>}
      {review.problems.filter((p) => !(rec === null && p.includes('recommendation'))).map((p) => <Alert key={p} severity="info" sx={{ mt: 1 }}>Note: {p}.</Alert>)}
      {awaitsAcknowledgement(review) && onAcknowledge && (
        <Box sx={{ mt: 1 }}>
          {canAcknowledge ? (
            <>
              {phase === 'failed' && <Alert severity="error" sx={{ mb: 1 }}>Could not record that you read it: {error}</Alert>}
              <Button variant="outlined" size="small" onClick={acknowledge} disabled={phase === 'saving'}>
                {phase === 'saving' ? 'Saving…' : phase === 'failed' ? 'Try again: mark as read' : 'Mark as read'}
              </Button>
            </>
          ) : (
            <Typography variant="body2" color="text.secondary">This sign-in cannot record that you read it (no permission to update requests).</Typography>
          )}
        </Box>
      )}
    </Box>
  );
}
