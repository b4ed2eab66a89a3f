/**
 * A grey block where content will appear (the look of Material's Skeleton, without its styled-component machinery:
 * it is on the first screen, where every kilobyte delays the rooming checklist).
 */
import Box from '@mui/material/Box';
import { keyframes } from '@mui/material/styles';
import type { SxProps, Theme } from '@mui/material/styles';
import { withSx } from './sx.ts';

const pulse = keyframes`0% { opacity: 1; } 50% { opacity: 0.4; } 100% { opacity: 1; }`;

export function Placeholder({ height, sx }: { height: number; sx?: SxProps<Theme> }) {
  return (
    <Box
      aria-hidden
      data-placeholder
      sx={withSx({
          height,
          borderRadius: 1,
          bgcolor: 'action.hover',
          animation: `${pulse} 2s ease-in-out 0.5s infinite`,
          '@media (prefers-reduced-motion: reduce)': { animation: 'none' },
        }, sx)}
    />
  );
}
