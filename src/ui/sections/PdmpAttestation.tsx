/**
 * "PDMP checked today": a deliberate two-step attestation (tick, then save) that writes the PDMP review
 * Observation when permitted, with the same keep-and-retry rules as the PEG form; otherwise text to copy.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Typography from '@mui/material/Typography';
import type { IsoDate } from '../../clinical/types.ts';
import { formatDate } from '../format.ts';
import { useDurableSave, type SaveFn } from '../shared/useDurableSave.ts';
import { CopyBlock } from '../shared/CopyBlock.tsx';

export interface PdmpAttestationProps {
  asOf: IsoDate;
  canWrite: boolean;
  onAttest: SaveFn<{ date: IsoDate }>;
}

export function pdmpCopyText(date: IsoDate): string {
  return `PDMP reviewed for this patient on ${formatDate(date)} (SNOMED 461651000124104).`;
}

export function PdmpAttestation({ asOf, canWrite, onAttest }: PdmpAttestationProps) {
  const [checked, setChecked] = useState(false);
  const save = useDurableSave(onAttest);
  const submit = () => void save.submit({ date: asOf });
  return (
    <Box sx={{ mt: 2, pt: 1.5, borderTop: 1, borderColor: 'divider' }}>
      <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 700 }}>
        PDMP check
      </Typography>
      <FormControlLabel
        control={<Checkbox checked={checked} onChange={(e) => setChecked(e.target.checked)} disabled={save.phase === 'saved'} />}
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
        <Alert severity="error" action={<Button color="inherit" size="small" onClick={submit}>Retry</Button>}>
          Could not save the PDMP check: {save.error} Retry will not create a duplicate.
        </Alert>
      ) : save.phase === 'saved' ? null : (
        <Button variant="contained" disabled={!checked || save.phase === 'saving'} onClick={submit}>
          {save.phase === 'saving' ? 'Saving…' : 'Save PDMP check'}
        </Button>
      )}
      <Typography variant="body2" role="status" aria-live="polite" sx={{ mt: 1 }}>
        {save.phase === 'saved' && `Saved to the chart: PDMP checked ${formatDate(asOf)}.`}
      </Typography>
    </Box>
  );
}
