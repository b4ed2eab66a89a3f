/**
 * Where the panel's lower part (PanelDetails.tsx, its own chunk) goes: placeholders with the section names while
 * the chunk arrives, which it does in parallel with the patient's searches.
 */
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import type { PanelProps } from './panel-props.ts';
import { preloadable } from './shared/preloadable.tsx';

export const panelDetails = preloadable<PanelProps & { asOf: string }>(() => import('./PanelDetails.tsx').then((m) => m.default));

function DetailsPlaceholder() {
  return (
    <Box aria-busy="true" aria-label="Loading the rest of the panel" sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Skeleton variant="rounded" height={160} />
      <Skeleton variant="rounded" height={160} />
    </Box>
  );
}

export function PanelDetailsSlot(p: PanelProps & { asOf: string }) {
  return <panelDetails.Component {...p} fallback={<DetailsPlaceholder />} />;
}
