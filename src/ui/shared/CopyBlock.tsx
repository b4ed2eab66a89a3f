/** Read-only text with a Copy button and a spoken result ("Copied", or how to copy by hand). */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { copyText } from './copy-text.ts';
import { CopyIcon } from './icons.tsx';

interface Props {
  text: string;
  buttonLabel: string;
  /** Accessible name of the text box, e.g. "Visit note text". */
  textLabel: string;
  rows?: number;
}

export function CopyBlock({ text, buttonLabel, textLabel, rows = 6 }: Props) {
  const [result, setResult] = useState<'copied' | 'failed' | null>(null);
  const onCopy = async () => setResult((await copyText(text)) ? 'copied' : 'failed');
  return (
    <Box>
      <Box
        component="textarea"
        readOnly
        aria-label={textLabel}
        value={text}
        rows={rows}
        sx={{ width: '100%', fontFamily: 'monospace', fontSize: 13, p: 1, boxSizing: 'border-box', resize: 'vertical' }}
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Button variant="outlined" size="small" startIcon={<CopyIcon />} onClick={onCopy}>
          {buttonLabel}
        </Button>
        <Typography variant="body2" role="status" aria-live="polite">
          {result === 'copied' && 'Copied to the clipboard.'}
          {result === 'failed' && 'Could not reach the clipboard — select the text above and press Ctrl+C (⌘C on a Mac).'}
        </Typography>
      </Box>
    </Box>
  );
}
