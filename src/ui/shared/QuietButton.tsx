/**
 * A small text button (the look of Material's `<Button size="small" variant="text">`) as a native <button>: the
 * rooming checklist's items and the "Why" toggles are on the first screen, where Material's Button with its ripple
 * and loading machinery costs about 5 kB of script. Native button: keyboard, focus and form semantics as-is.
 */
import type { ButtonHTMLAttributes, ReactNode } from 'react';
import Box from '@mui/material/Box';
import type { SxProps, Theme } from '@mui/material/styles';
import { withSx } from './sx.ts';

type Props = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'color'> & {
  startIcon?: ReactNode;
  endIcon?: ReactNode;
  /** 'neutral' for list items (text colour), 'primary' for controls. */
  tone?: 'primary' | 'neutral';
  sx?: SxProps<Theme>;
};

export function QuietButton({ startIcon, endIcon, tone = 'primary', sx, children, ...rest }: Props) {
  return (
    <Box
      component="button"
      type="button"
      {...rest}
      sx={withSx({
          display: 'inline-flex',
          alignItems: 'center',
          gap: 0.5,
          m: 0,
          px: 0.75,
          py: 0,
          border: 0,
          borderRadius: 1,
          bgcolor: 'transparent',
          color: tone === 'primary' ? 'primary.main' : 'text.primary',
          font: 'inherit',
          fontSize: '0.8125rem',
          fontWeight: tone === 'primary' ? 500 : 400,
          lineHeight: 1.75,
          cursor: 'pointer',
          '&:hover': { bgcolor: 'action.hover' },
          '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 1 },
          '&:disabled': { color: 'text.disabled', cursor: 'default', bgcolor: 'transparent' },
          '& > svg': { fontSize: 18 },
        }, sx)}
    >
      {startIcon}
      {children}
      {endIcon}
    </Box>
  );
}
