/** The plain-text visit-note summary with a Copy button. */
import Typography from '@mui/material/Typography';
import { CopyBlock } from '../shared/CopyBlock.tsx';

export function CopyToNoteSection({ text }: { text: string }) {
  return (
    <>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        Plain text for the visit note: MME with its arithmetic, the tier with its reasons, what is due and what was done
        today.
      </Typography>
      <CopyBlock text={text} buttonLabel="Copy to note" textLabel="Visit note text" rows={12} />
    </>
  );
}
