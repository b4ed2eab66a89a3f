/** A component's own styles followed by the caller's `sx` (one object, an array, or none), as MUI documents. */
import type { SxProps, Theme } from '@mui/material/styles';

export function withSx(own: SxProps<Theme>, sx?: SxProps<Theme>): SxProps<Theme> {
  return [own, ...(Array.isArray(sx) ? sx : [sx])] as SxProps<Theme>;
}
