/**
 * "Record today's PEG": the three validated questions, the mean live, and a save that never loses the
 * answers. A failed save keeps them on screen with Retry (same request id, so no duplicate); without
 * write permission the form says so and offers the text to copy.
 */
import { useRef, useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { IsoDate } from '../../clinical/types.ts';
import { formatDate, formatPeg } from '../format.ts';
import { EMPTY_DRAFT, PEG_QUESTIONS, parseDraft, parsePegAnswer, pegCopyText, pegMean, type PegAnswers, type PegDraft, type PegItemKey } from '../peg.ts';
import { useDurableSave, type SaveFn } from '../shared/useDurableSave.ts';
import { CopyBlock } from '../shared/CopyBlock.tsx';

export interface PegEntryFormProps {
  asOf: IsoDate;
  canWrite: boolean;
  onSave: SaveFn<PegAnswers>;
}

export function PegEntryForm({ asOf, canWrite, onSave }: PegEntryFormProps) {
  const [draft, setDraft] = useState<PegDraft>(EMPTY_DRAFT);
  const [showErrors, setShowErrors] = useState<Record<PegItemKey, boolean>>({ pain: false, enjoyment: false, activity: false });
  const [savedMean, setSavedMean] = useState<number | null>(null);
  const save = useDurableSave(onSave);
  const inputs = useRef<Partial<Record<PegItemKey, HTMLInputElement | null>>>({});
  const answers = parseDraft(draft);

  const change = (key: PegItemKey, value: string) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSavedMean(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!answers) {
      setShowErrors({ pain: true, enjoyment: true, activity: true });
      const firstBad = PEG_QUESTIONS.find(({ key }) => !('value' in parsePegAnswer(draft[key])));
      if (firstBad) inputs.current[firstBad.key]?.focus();
      return;
    }
    if (await save.submit(answers)) {
      setSavedMean(pegMean(answers));
      setDraft(EMPTY_DRAFT);
      setShowErrors({ pain: false, enjoyment: false, activity: false });
    }
  };

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
              slotProps={{ htmlInput: { inputMode: 'numeric', autoComplete: 'off', maxLength: 2 } }}
              sx={{ '& .MuiOutlinedInput-root': { width: '6rem' } }}
            />
          </Box>
        );
      })}
      <Typography role="status" aria-live="polite" sx={{ fontWeight: 700 }} data-testid="peg-live-mean">
        {answers ? `PEG score (mean of the three): ${formatPeg(pegMean(answers))}` : 'PEG score: answer all three questions to see it.'}
      </Typography>
      {canWrite ? (
        <SaveControls phase={save.phase} error={save.error} savedMean={savedMean} />
      ) : answers ? (
        <CopyBlock text={pegCopyText(answers, asOf)} buttonLabel="Copy PEG text" textLabel="PEG text to copy" rows={3} />
      ) : null}
    </Box>
  );
}

function SaveControls({ phase, error, savedMean }: { phase: string; error: string | null; savedMean: number | null }) {
  return (
    <Box sx={{ mt: 1 }}>
      {phase === 'failed' && (
        <Alert severity="error" sx={{ mb: 1 }} action={<Button type="submit" color="inherit" size="small">Retry</Button>}>
          Could not save to the chart: {error} Your answers are still in the form; Retry will not create a
          duplicate.
        </Alert>
      )}
      {phase !== 'failed' && (
        <Button type="submit" variant="contained" disabled={phase === 'saving'}>
          {phase === 'saving' ? 'Saving…' : 'Save PEG to chart'}
        </Button>
      )}
      <Typography variant="body2" role="status" aria-live="polite" sx={{ mt: 1 }}>
        {phase === 'saved' && savedMean !== null && `Saved to the chart: PEG ${formatPeg(savedMean)}.`}
      </Typography>
    </Box>
  );
}
