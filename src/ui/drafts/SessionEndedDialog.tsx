/**
 * The overlay shown when the session ends while the panel is in use: it says the session ended and how to
 * relaunch, names the answers that are kept (in the draft, for this patient), and leaves the panel — the form and
 * its typed answers — on screen behind it. "View the panel" closes it; the panel's own banner still says why
 * nothing more can be read or saved.
 */
import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { usePanelStore } from '../../store/index.ts';
import { keptDraftsText } from './session-end.ts';

export function SessionEndedDialog() {
  const [open, setOpen] = useState(true);
  const kept = usePanelStore((s) => keptDraftsText(s));
  return (
    <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="session-ended-title" aria-describedby="session-ended-text">
      <DialogTitle id="session-ended-title">Your session has ended</DialogTitle>
      <DialogContent id="session-ended-text">
        <Typography sx={{ mb: 1 }}>
          The EHR no longer accepts this session (it expired or was ended), so the panel cannot read or save anything
          more.
        </Typography>
        <Typography sx={{ mb: 1 }}>{kept ?? 'Nothing you entered is lost.'}</Typography>
        <Typography>
          To relaunch: close this window or tab and open Pain Care Panel again from the patient's chart in the EHR.
        </Typography>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => setOpen(false)} autoFocus>
          View the panel
        </Button>
      </DialogActions>
    </Dialog>
  );
}
