/**
 * An indeterminate progress ring (role "progressbar", like Material's CircularProgress) drawn with one SVG circle:
 * the "Connecting to the EHR" screen shows it before anything else has loaded.
 */
import Box from '@mui/material/Box';
import { keyframes } from '@mui/material/styles';
import type { SxProps, Theme } from '@mui/material/styles';
import { withSx } from './sx.ts';

const turn = keyframes`to { transform: rotate(360deg); }`;

/** `label`: what is loading, for screen readers; without it the ring is decoration beside a visible text. */
export function Spinner({ size = 40, label, sx }: { size?: number; label?: string; sx?: SxProps<Theme> }) {
  const a11y = label ? { role: 'progressbar', 'aria-label': label } : { 'aria-hidden': true };
  return (
    <Box
      component="span"
      {...a11y}
      sx={withSx(
        {
          display: 'inline-block',
          width: size,
          height: size,
          color: 'primary.main',
          animation: `${turn} 1.2s linear infinite`,
          '@media (prefers-reduced-motion: reduce)': { animation: 'none' },
        },
        sx,
      )}
    >
      <svg viewBox="0 0 44 44" width={size} height={size} style={{ display: 'block' }}>
        <circle cx="22" cy="22" r="19" fill="none" stroke="currentColor" strokeWidth="4" strokeDasharray="90 120" strokeLinecap="round" />
      </svg>
    </Box>
  );
}
