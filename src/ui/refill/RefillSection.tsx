/** "Refill request": a disclosure in the panel that opens the refill check for a request between visits. */
import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { refillCheck } from '../../clinical/course/refill.ts';
import type { Policy } from '../../clinical/policy/types.ts';
import type { PanelSummary } from '../../clinical/types.ts';
import { RefillView } from './RefillView.tsx';

export function RefillSection({ summary, policy }: { summary: PanelSummary; policy: Policy }) {
  const [open, setOpen] = useState(false);
  const check = useMemo(() => (open ? refillCheck(summary, policy) : null), [open, summary, policy]);
  return (
    <Box>
      {!open && (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
          <Typography variant="body2">Handling a refill request between visits?</Typography>
          <Button size="small" variant="outlined" onClick={() => setOpen(true)} data-testid="open-refill">Check this refill</Button>
        </Box>
      )}
      {check && <RefillView check={check} />}
    </Box>
  );
}
