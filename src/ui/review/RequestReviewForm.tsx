/**
 * "Ask the pain support team": what would help (the consult study's kinds of help) and one question. The draft
 * lives in sessionStorage per patient until it is sent, with the request id of what was last tried, so a failed
 * send, a reload or a relaunch loses nothing and "Try again" never files twice. Without write permission the form
 * says so and offers the text to copy into a message to the team.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { NEED_LABEL, REVIEW_NEEDS } from '../../clinical/review/codes.ts';
import type { ReviewNeed } from '../../clinical/review/types.ts';
import { CopyBlock } from '../shared/CopyBlock.tsx';
import { clearDraft, readDraft, requestDraftKey, requestIdFor, writeDraft, type PendingSend } from './drafts.ts';
import type { ActionResult } from './actions.ts';

export interface RequestDraft {
  needs: ReviewNeed[];
  question: string;
  pending?: PendingSend | null;
}

export interface RequestReviewFormProps {
  patientId: string;
  canSend: boolean;
  onSend: (input: { needs: ReviewNeed[]; question: string }, clientRequestId: string) => Promise<ActionResult>;
  onSent?: () => void;
  onCancel?: () => void;
}

export const hasRequestDraft = (patientId: string) => {
  const d = readDraft<RequestDraft>(requestDraftKey(patientId));
  return Boolean(d && (d.needs?.length || d.question?.trim()));
};

export function requestCopyText(d: Pick<RequestDraft, 'needs' | 'question'>): string {
  return `Request for the pain support team\nHelp with: ${d.needs.map((n) => NEED_LABEL[n]).join('; ') || '(choose)'}\nQuestion: ${d.question.trim()}`;
}

export function RequestReviewForm({ patientId, canSend, onSend, onSent, onCancel }: RequestReviewFormProps) {
  const key = requestDraftKey(patientId);
  const [draft, setDraft] = useState<RequestDraft>(() => readDraft<RequestDraft>(key) ?? { needs: [], question: '' });
  const [phase, setPhase] = useState<'idle' | 'sending' | 'failed'>('idle');
  const [error, setError] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const question = useRef<HTMLInputElement | null>(null);
  const needsRef = useRef<HTMLInputElement | null>(null);
  const sending = useRef(false);

  useEffect(() => {
    if (draft.needs.length || draft.question.trim() || draft.pending) writeDraft(key, draft);
    else clearDraft(key);
  }, [key, draft]);

  const toggle = (code: ReviewNeed) =>
    setDraft((d) => ({ ...d, needs: d.needs.includes(code) ? d.needs.filter((n) => n !== code) : [...d.needs, code] }));
  const needsMissing = draft.needs.length === 0;
  const questionMissing = !draft.question.trim();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending.current) return; // a double click must not send twice
    if (needsMissing || questionMissing) {
      setShowErrors(true);
      (needsMissing ? needsRef.current : question.current)?.focus();
      return;
    }
    const needs = REVIEW_NEEDS.map((n) => n.code).filter((c) => draft.needs.includes(c));
    const content = JSON.stringify({ needs, question: draft.question.trim() });
    const pending = requestIdFor(content, draft.pending);
    const withPending = { ...draft, pending };
    setDraft(withPending);
    writeDraft(key, withPending); // kept before sending: a reload mid-send retries with the same id
    sending.current = true;
    setPhase('sending');
    setError(null);
    const result = await onSend({ needs, question: draft.question.trim() }, pending.id);
    sending.current = false;
    if (result.ok) {
      clearDraft(key);
      setDraft({ needs: [], question: '' });
      setShowErrors(false);
      setPhase('idle');
      onSent?.();
    } else {
      setPhase('failed');
      setError(result.message);
    }
  };

  return (
    <Box component="form" noValidate onSubmit={submit} aria-labelledby="review-request-heading" sx={{ mt: 1 }}>
      <Typography id="review-request-heading" component="h3" variant="subtitle1" sx={{ fontWeight: 700 }}>
        Ask the pain support team
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        One question is enough: the team reads the chart and answers with a recommendation you will see here.
      </Typography>
      {!canSend && (
        <Alert severity="info" sx={{ mb: 1 }}>
          This sign-in cannot send requests to the team (it was not granted permission to create requests in the chart).
          Write the question here, then copy it into a message to the team.
        </Alert>
      )}
      <FormControl component="fieldset" error={showErrors && needsMissing} sx={{ mb: 1 }}>
        <FormLabel component="legend">What would help?</FormLabel>
        <FormGroup>
          {REVIEW_NEEDS.map((n, i) => (
            <FormControlLabel
              key={n.code}
              control={<Checkbox checked={draft.needs.includes(n.code)} onChange={() => toggle(n.code)} slotProps={i === 0 ? { input: { ref: needsRef } } : undefined} size="small" />}
              label={<Typography variant="body2"><strong>{n.label}</strong> — {n.hint}</Typography>}
            />
          ))}
        </FormGroup>
        {showErrors && needsMissing && <FormHelperText>Choose at least one kind of help.</FormHelperText>}
      </FormControl>
      <TextField
        id="review-question"
        label="Your question"
        required
        fullWidth
        multiline
        minRows={3}
        value={draft.question}
        onChange={(e) => setDraft((d) => ({ ...d, question: e.target.value }))}
        inputRef={question}
        error={showErrors && questionMissing}
        helperText={showErrors && questionMissing ? 'Write the question for the team.' : 'For example: "How do I raise a slower taper without losing her trust?"'}
      />
      {canSend ? (
        <Box sx={{ mt: 1, display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          {phase === 'failed' && (
            <Alert severity="error" sx={{ width: '100%' }} action={<Button type="submit" color="inherit" size="small">Try again</Button>}>
              Could not send: {error} Your question is still here; trying again will not send it twice.
            </Alert>
          )}
          {phase !== 'failed' && (
            <Button type="submit" variant="contained" disabled={phase === 'sending'}>
              {phase === 'sending' ? 'Sending…' : 'Send to the support team'}
            </Button>
          )}
          {onCancel && phase !== 'sending' && <Button onClick={onCancel}>Close (the draft is kept)</Button>}
        </Box>
      ) : (
        draft.question.trim() && <Box sx={{ mt: 1 }}><CopyBlock text={requestCopyText(draft)} buttonLabel="Copy the request" textLabel="Request text to copy" rows={4} /></Box>
      )}
    </Box>
  );
}
