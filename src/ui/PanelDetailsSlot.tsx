/**
 * Where the panel's lower part (PanelDetails.tsx, its own chunk) goes: placeholders with the section names while
 * the chunk arrives, which it does in parallel with the patient's searches.
 */
import { useDeferredValue } from 'react';
import Box from '@mui/material/Box';
import type { PanelProps } from './panel-props.ts';
import { Placeholder } from './shared/Placeholder.tsx';
import { preloadable } from './shared/preloadable.tsx';

export const panelDetails = preloadable<PanelProps & { asOf: string }>(() => import('./PanelDetails.tsx').then((m) => m.default));

function DetailsPlaceholder() {
  return (
    <Box aria-busy="true" aria-label="Loading the rest of the panel" sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Placeholder height={160} />
      <Placeholder height={160} />
    </Box>
  );
}

/**
 * While the record loads, the lower part follows the data one step behind the checklist and the strip
 * (useDeferredValue): when a batch of results arrives, React draws the first screen first and the longer sections
 * right after, interruptibly. Once loaded, it follows at once (a save and its chart point show together).
 */
export function PanelDetailsSlot(p: PanelProps & { asOf: string }) {
  const deferred = useDeferredValue(p);
  const shown = p.loadedAt ? p : deferred;
  return <panelDetails.Component {...shown} fallback={<DetailsPlaceholder />} />;
}
