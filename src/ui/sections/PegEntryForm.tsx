/**
 * "Record today's PEG": the three validated questions, the mean live, and a save that never loses the answers.
 * The answers are a draft in the store (kept for this patient across session expiry and reload until saved or
 * discarded); a failed save keeps them with Retry (same request id, so no duplicate); a save found on the chart
 * with the earlier answers is said so, with the choice to keep them or save the edited ones as a correction.
 * Without write permission the form says so and offers the text to copy.
 */
import { useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { IsoDate } from '../../clinical/types.ts';
import { formatDate, formatPeg } from '../format.ts';
import { EMPTY_DRAFT, PEG_QUESTIONS, parseDraft, parsePegAnswer, pegCopyText, pegMean, type PegAnswers, type PegItemKey } from '../peg.ts';
import { useDurableSave } from '../shared/useDurableSave.ts';
import { CopyBlock } from '../shared/CopyBlock.tsx';
import { DraftNotice } from '../drafts/DraftNotice.tsx';

export interface PegEntryFormProps {
  asOf: IsoDate;
  canWrite: boolean;
}

const NO_ERRORS: Record<PegItemKey, boolean> = { pain: false, enjoyment: false, activity: false };

/** "pain 5, enjoyment 4, activity 4 (PEG 4.3)". */
export function describeAnswers(a: PegAnswers): string {
  return `pain ${a.pain}, enjoyment ${a.enjoyment}, activity ${a.activity} (PEG ${formatPeg(pegMean(a))})`;
}

export function PegEntryForm({ asOf, canWrite }: PegEntryFormProps) {
  const save = useDurableSave('peg');
  const draft = save.draft?.input ?? EMPTY_DRAFT;
  const [showErrors, setShowErrors] = useState<Record<PegItemKey, boolean>>(NO_ERRORS);
  const inputs = useRef<Partial<Record<PegItemKey, HTMLInputElement | null>>>({});
  const answers = parseDraft(draft);
  const busy = save.phase === 'saving';

  const change = (key: PegItemKey, value: string) => save.setInput({ ...draft, [key]: value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!answers) {
      setShowErrors({ pain: true, enjoyment: true, activity: true });
      const firstBad = PEG_QUESTIONS.find(({ key }) => !('value' in parsePegAnswer(draft[key])));
      if (firstBad) inputs.current[firstBad.key]?.focus();
      return;
    }
    if (await save.submit(answers)) setShowErrors(NO_ERRORS);
  };

  const hasDraft = save.hasDraft;
  return (
    <Box component="form" noValidate onSubmit={submit} aria-labelledby="peg-form-heading" sx={{ mt: 2 }}>
      <Typography id="peg-form-heading" component="h3" variant="subtitle1" sx={{ fontWeight: 700 }}>
        Record today's PEG ({formatDate(asOf)})
      </Typography>
      {!canWrite && (
        <Alert severity="info" sx={{ my: 1 }}>
          This sign-in does not let the app save to the chart (it was not granted permission to create Observations).
          Enter the answers to see the score, then copy the text into the visit note or flowsheet.
        </Alert>
      )}
      {PEG_QUESTIONS.map(({ key, label, question, anchors }) => {
        const parsed = parsePegAnswer(draft[key]);
        const error = showErrors[key] && 'error' in parsed ? parsed.error : null;
        return (
          <Box key={key} sx={{ my: 1.5 }}>
            <Typography component="label" htmlFor={`peg-${key}`} variant="body2" sx={{ display: 'block', mb: 0.5 }}>
              <strong>{label}.</strong> {question}
            </Typography>
            <TextField
              id={`peg-${key}`}
              size="small"
              value={draft[key]}
              onChange={(e) => change(key, e.target.value)}
              onBlur={() => draft[key] !== '' && setShowErrors((s) => ({ ...s, [key]: true }))}
              inputRef={(el: HTMLInputElement | null) => {
                inputs.current[key] = el;
              }}
              error={Boolean(error)}
              helperText={error ? `${error} (${anchors})` : anchors}
              disabled={busy}
              slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', maxLength: 2 } }}
              sx={{ '& .MuiOutlinedInput-root': { width: '6rem' } }}
            />
          </Box>
        );
      })}
      <Typography role="status" aria-live="polite" sx={{ fontWeight: 700 }} data-testid="peg-live-mean">
        {answers ? `PEG score (mean of the three): ${formatPeg(pegMean(answers))}` : 'PEG score: answer all three questions to see it.'}
      </Typography>
      {canWrite && save.phase !== 'failed' && save.phase !== 'found-earlier' && (
        <DraftNotice
          what="PEG answers"
          restored={save.restored}
          day={save.draft?.day ?? null}
          unconfirmed={save.unconfirmed}
          canDiscard={hasDraft && !busy}
          onDiscard={save.discard}
        />
      )}
      {canWrite ? (
        <SaveControls save={save} canDiscard={hasDraft && !busy} />
      ) : answers ? (
        <CopyBlock text={pegCopyText(answers, asOf)} buttonLabel="Copy PEG text" textLabel="PEG text to copy" rows={3} />
      ) : null}
    </Box>
  );
}

function SaveControls({ save, canDiscard }: { save: ReturnType<typeof useDurableSave<'peg'>>; canDiscard: boolean }) {
  const { phase, write, sessionEnded } = save;
  const discard = canDiscard ? (
    <Button color="inherit" size="small" onClick={save.discard}>
      Discard draft
    </Button>
  ) : null;
  return (
    <Box sx={{ mt: 1 }}>
      {phase === 'failed' && (
        <Alert
          severity="error"
          sx={{ mb: 1 }}
          action={
            <>
              {!sessionEnded && <Button type="submit" color="inherit" size="small">Retry</Button>}
              {discard}
            </>
          }
        >
          {sessionEnded
            ? 'Not saved: the session ended. Your answers are kept on this device for this patient; relaunch the app from the chart and they will be back in the form.'
            : `Could not save to the chart: ${save.error} Your answers are still in the form; Retry will not create a duplicate.`}
        </Alert>
      )}
      {phase === 'found-earlier' && write.earlier && write.answers && (
        <Alert severity="warning" sx={{ mb: 1 }}>
          <AlertTitle>This PEG was already saved — with the earlier answers</AlertTitle>
          The save that seemed to fail did reach the chart, with {write.earlier.answers ? describeAnswers(write.earlier.answers) : 'other answers'}.
          The form now has {describeAnswers(write.answers)}. Nothing else was filed.
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 1 }}>
            <Button variant="contained" size="small" onClick={() => void save.saveCorrection()} disabled={sessionEnded}>
              Save the edited answers as a correction
            </Button>
            <Button variant="outlined" size="small" onClick={save.keepEarlier}>
              Keep the saved answers
            </Button>
          </Box>
        </Alert>
      )}
      {phase !== 'failed' && phase !== 'found-earlier' && (
        <Button type="submit" variant="contained" disabled={phase === 'saving' || sessionEnded}>
          {phase === 'saving' ? 'Saving…' : 'Save PEG to chart'}
        </Button>
      )}
      <Typography variant="body2" role="status" aria-live="polite" sx={{ mt: 1 }}>
        {phase === 'saved' &&
          write.answers &&
          `Saved to the chart: PEG ${formatPeg(pegMean(write.answers))}${write.correction ? ' (a correction of the earlier entry)' : ''}.`}
      </Typography>
    </Box>
  );
}
