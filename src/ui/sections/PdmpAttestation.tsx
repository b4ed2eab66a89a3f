/**
 * "PDMP checked today": a deliberate two-step attestation (tick, then save) that writes the PDMP review
 * Observation when permitted, with the same rules as the PEG form — the tick is a draft kept for this patient
 * until saved or discarded, a failed save keeps it with Retry (no duplicate); otherwise text to copy.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import type { IsoDate } from '../../clinical/types.ts';
import { formatDate } from '../format.ts';
import { useDurableSave } from '../shared/useDurableSave.ts';
import { CopyBlock } from '../shared/CopyBlock.tsx';
import { DraftNotice } from '../drafts/DraftNotice.tsx';

export interface PdmpAttestationProps {
  asOf: IsoDate;
  canWrite: boolean;
}

export function pdmpCopyText(date: IsoDate): string {
  return `PDMP reviewed for this patient on ${formatDate(date)} (SNOMED 461651000124104).`;
}

export function PdmpAttestation({ asOf, canWrite }: PdmpAttestationProps) {
  const save = useDurableSave('pdmp');
  const saved = save.phase === 'saved';
  const checked = saved || (save.draft?.input.checked ?? false);
  const busy = save.phase === 'saving';
  const canDiscard = save.hasDraft && !busy;
  const submit = () => void save.submit();
  const discard = canDiscard ? (
    <Button color="inherit" size="small" onClick={save.discard}>
      Discard draft
    </Button>
  ) : null;
  return (
    <Box sx={{ mt: 2, pt: 1.5, borderTop: 1, borderColor: 'divider' }}>
      <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 700 }}>
        PDMP check
      </Typography>
      <FormControlLabel
        control={<Checkbox checked={checked} onChange={(e) => save.setInput({ checked: e.target.checked })} disabled={saved || busy} />}
        label={`PDMP checked today (${formatDate(asOf)}): I reviewed this patient's prescription monitoring report.`}
      />
      {!canWrite ? (
        <>
          <Alert severity="info" sx={{ my: 1 }}>
            This sign-in does not let the app save to the chart. Document the check with this text:
          </Alert>
          <CopyBlock text={pdmpCopyText(asOf)} buttonLabel="Copy PDMP text" textLabel="PDMP text to copy" rows={2} />
        </>
      ) : save.phase === 'failed' ? (
        <Alert
          severity="error"
          action={
            <>
              {!save.sessionEnded && <Button color="inherit" size="small" onClick={submit}>Retry</Button>}
              {discard}
            </>
          }
        >
          {save.sessionEnded
            ? 'Not saved: the session ended. The check is kept on this device for this patient; relaunch the app from the chart to save it.'
            : `Could not save the PDMP check: ${save.error} Retry will not create a duplicate.`}
        </Alert>
      ) : saved ? null : (
        <>
          <DraftNotice what="PDMP check" restored={save.restored} day={save.draft?.day ?? null} unconfirmed={save.unconfirmed} canDiscard={canDiscard} onDiscard={save.discard} />
          <Button variant="contained" disabled={!checked || busy || save.sessionEnded} onClick={submit}>
            {busy ? 'Saving…' : 'Save PDMP check'}
          </Button>
        </>
      )}
      <Typography variant="body2" role="status" aria-live="polite" sx={{ mt: 1 }}>
        {saved && `Saved to the chart: PDMP checked ${formatDate(asOf)}.`}
      </Typography>
    </Box>
  );
}
