/**
 * What a form says about its draft: answers that came back after a reload or relaunch (with the day they were
 * entered), a save that was sent but not confirmed, and the "Discard draft" control that forgets them.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { formatDate } from '../format.ts';

export interface DraftNoticeProps {
  /** What the draft holds, in words ("answers", "PDMP check"). */
  what: string;
  restored: boolean;
  /** The clinic day the draft was started. */
  day: string | null;
  /** A save was sent and its answer never came: saving again checks the chart first. */
  unconfirmed: boolean;
  /** Show "Discard draft" (there is something to discard and no save is under way). */
  canDiscard: boolean;
  onDiscard: () => void;
}

export function DraftNotice({ what, restored, day, unconfirmed, canDiscard, onDiscard }: DraftNoticeProps) {
  const discard = canDiscard ? (
    <Button color="inherit" size="small" onClick={onDiscard}>
      Discard draft
    </Button>
  ) : null;
  if (restored || unconfirmed) {
    return (
      <Alert severity="info" sx={{ my: 1 }} action={discard}>
        {restored && `Restored from ${formatDate(day)}: your unsaved ${what}. Check, then save or discard the draft.`}
        {unconfirmed &&
          ` A save of the ${what} was sent but never confirmed; saving again first checks the chart, so it cannot be filed twice.`}
      </Alert>
    );
  }
  return discard ? <Box sx={{ mt: 1 }}>{discard}</Box> : null;
}
