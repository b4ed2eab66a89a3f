/**
 * The team's answer: the recommendation in its own words, plus optional structured parts — taper plan, referrals,
 * monitoring changes and suggested words for the conversation (the consult study: clinicians valued word-for-word
 * scripting, confirmation of their plan, boundary setting and reframing around function, values and goals).
 * Saved as a consult note linked from the request; the draft survives failures and reloads (sessionStorage per
 * request) and a retry never files a second note.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { RecommendationItems, ReviewNeed } from '../../clinical/review/types.ts';
import { recommendationText } from '../../fhir/review-builders.ts';
import { CopyBlock } from '../shared/CopyBlock.tsx';
import type { ActionResult } from './actions.ts';
import { clearDraft, readDraft, recommendationDraftKey, requestIdFor, writeDraft, type PendingSend } from './drafts.ts';

interface Draft {
  summary: string;
  items: RecommendationItems;
  pending?: PendingSend | null;
}

const FIELDS: readonly { key: keyof RecommendationItems; label: string; helper: string; rows: number }[] = [
  { key: 'taperPlan', label: 'Taper plan (optional)', helper: 'Steps, pace and when to pause — e.g. 10% a month after a year or more of therapy (HHS 2019).', rows: 2 },
  { key: 'referrals', label: 'Referrals (optional)', helper: 'Physical therapy, behavioral health, addiction treatment, pharmacist follow-up…', rows: 2 },
  { key: 'monitoring', label: 'Monitoring changes (optional)', helper: 'PDMP, urine drug tests, naloxone, visits, PEG.', rows: 2 },
  {
    key: 'suggestedLanguage',
    label: 'Suggested words for the conversation (optional)',
    helper: 'Word for word, e.g. "I do really want to help you with your pain. What would you like to be able to do again?"',
    rows: 3,
  },
];

export interface RecommendationFormProps {
  /** The request answered (its draft and request id are kept under it). */
  taskId: string;
  question: string;
  needs: ReviewNeed[];
  canRespond: boolean;
  onSend: (input: { summary: string; items: RecommendationItems }, clientRequestId: string) => Promise<ActionResult>;
}

export function RecommendationForm({ taskId, question, needs, canRespond, onSend }: RecommendationFormProps) {
  const key = recommendationDraftKey(taskId);
  const [draft, setDraft] = useState<Draft>(() => readDraft<Draft>(key) ?? { summary: '', items: {} });
  const [phase, setPhase] = useState<'idle' | 'sending' | 'failed' | 'sent'>('idle');
  const [message, setMessage] = useState<string | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const summaryRef = useRef<HTMLInputElement | null>(null);
  const sending = useRef(false);

  useEffect(() => {
    if (phase !== 'sent') writeDraft(key, draft);
  }, [key, draft, phase]);

  const items = Object.fromEntries(Object.entries(draft.items).filter(([, v]) => typeof v === 'string' && v.trim()).map(([k, v]) => [k, (v as string).trim()])) as RecommendationItems;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (sending.current) return;
    if (!draft.summary.trim()) {
      setShowErrors(true);
      summaryRef.current?.focus();
      return;
    }
    const pending = requestIdFor(JSON.stringify({ summary: draft.summary.trim(), items }), draft.pending);
    const next = { ...draft, pending };
    setDraft(next);
    writeDraft(key, next);
    sending.current = true;
    setPhase('sending');
    const r = await onSend({ summary: draft.summary.trim(), items }, pending.id);
    sending.current = false;
    if (r.ok) {
      clearDraft(key);
      setPhase('sent');
      setMessage(r.warnings?.length ? r.warnings.join(' ') : null);
    } else {
      setPhase('failed');
      setMessage(r.message);
    }
  };

  if (phase === 'sent') {
    return (
      <Box role="status" aria-live="polite" sx={{ mt: 2 }}>
        <Alert severity="success">Recommendation filed in the chart as a consult note; the clinician sees it in the panel until they mark it read.</Alert>
        {message && <Alert severity="info" sx={{ mt: 1 }}>{message}</Alert>}
      </Box>
    );
  }
  return (
    <Box component="form" noValidate onSubmit={submit} aria-labelledby="recommendation-heading" className="case-review-noprint" sx={{ mt: 2 }}>
      <Typography id="recommendation-heading" component="h3" variant="subtitle1" sx={{ fontWeight: 700 }}>Recommendation back to the clinician</Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        Say what the team would do and why; when the clinician&apos;s plan is sound, say so. Keep the patient&apos;s function, values and goals at the centre.
      </Typography>
      {!canRespond && (
        <Alert severity="info" sx={{ mb: 1 }}>
          This sign-in cannot file recommendations in the chart (it was not granted permission to create documents and update requests). Write it here and copy the text into a note.
        </Alert>
      )}
      <TextField
        id="recommendation-summary"
        label="Recommendation"
        required
        fullWidth
        multiline
        minRows={4}
        value={draft.summary}
        onChange={(e) => setDraft((d) => ({ ...d, summary: e.target.value }))}
        inputRef={summaryRef}
        error={showErrors && !draft.summary.trim()}
        helperText={showErrors && !draft.summary.trim() ? 'Write the recommendation.' : ' '}
      />
      {FIELDS.map((f) => (
        <TextField
          key={f.key}
          id={`recommendation-${f.key}`}
          label={f.label}
          fullWidth
          multiline
          minRows={f.rows}
          value={draft.items[f.key] ?? ''}
          onChange={(e) => setDraft((d) => ({ ...d, items: { ...d.items, [f.key]: e.target.value } }))}
          helperText={f.helper}
          sx={{ mt: 1 }}
        />
      ))}
      {canRespond ? (
        <Box sx={{ mt: 1 }}>
          {phase === 'failed' && (
            <Alert severity="error" sx={{ mb: 1 }} action={<Button type="submit" color="inherit" size="small">Try again</Button>}>
              Could not file the recommendation: {message} Your text is still here; trying again will not file it twice.
            </Alert>
          )}
          {phase !== 'failed' && (
            <Button type="submit" variant="contained" disabled={phase === 'sending'}>{phase === 'sending' ? 'Filing…' : 'File recommendation'}</Button>
          )}
        </Box>
      ) : (
        draft.summary.trim() && (
          <Box sx={{ mt: 1 }}>
            <CopyBlock text={recommendationText({ summary: draft.summary, items, question, needs, instant: '', author: { reference: null, display: null } }).replace(/^.*\n\n/, '')} buttonLabel="Copy the recommendation" textLabel="Recommendation text to copy" rows={6} />
          </Box>
        )
      )}
    </Box>
  );
}
