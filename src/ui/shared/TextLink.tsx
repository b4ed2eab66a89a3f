/**
 * A text link in the panel's colours: a plain anchor, because Material's Link (a Typography with its own
 * decoration logic) costs the first screen about 2 kB of script for what a few CSS rules do.
 */
import type { MouseEvent, ReactNode } from 'react';
import Box from '@mui/material/Box';
import type { SxProps, Theme } from '@mui/material/styles';
import { withSx } from './sx.ts';

interface Props {
  href: string;
  children: ReactNode;
  /** 'always' for a link in running text (sources); 'hover' where the link is a labelled control (the strip). */
  underline?: 'always' | 'hover';
  /** A link to another site opens outside the EHR frame. */
  external?: boolean;
  onClick?: (event: MouseEvent) => void;
  testId?: string;
  sx?: SxProps<Theme>;
}

export function TextLink({ href, children, underline = 'always', external, onClick, testId, sx }: Props) {
  return (
    <Box
      component="a"
      href={href}
      onClick={onClick}
      data-testid={testId}
      {...(external ? { target: '_blank', rel: 'noopener noreferrer' } : {})}
      sx={withSx({
          color: 'primary.main',
          textDecoration: underline === 'always' ? 'underline' : 'none',
          textUnderlineOffset: '0.15em',
          '&:hover': { textDecoration: 'underline' },
          '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 2 },
        }, sx)}
    >
      {children}
    </Box>
  );
}
