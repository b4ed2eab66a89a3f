/** Patient agreement: status, signed date and renewal due date, from the agreement monitoring item. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { MonitoringItem } from '../../clinical/types.ts';
import { formatDate, usDates } from '../format.ts';
import { StatusChip } from '../shared/StatusChip.tsx';

export function AgreementSection({ agreement }: { agreement: MonitoringItem | null }) {
  if (!agreement) {
    return <Typography>No patient agreement rule applies to this patient.</Typography>;
  }
  const unavailable = agreement.status === 'unavailable';
  return (
    <Box data-testid="agreement">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
        <Typography component="span" sx={{ fontWeight: 700 }}>
          Status:
        </Typography>
        <StatusChip status={agreement.status} />
      </Box>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, my: 1 }}>
        <dt>Signed</dt>
        <dd style={{ margin: 0 }}>
          {agreement.lastDate ? formatDate(agreement.lastDate) : unavailable ? 'Unknown' : 'No signed agreement on file'}
          {agreement.lastValue ? ` — ${usDates(agreement.lastValue)}` : ''}
        </dd>
        <dt>Renewal due</dt>
        <dd style={{ margin: 0 }}>{agreement.dueDate ? formatDate(agreement.dueDate) : unavailable ? 'Unknown' : '—'}</dd>
      </Box>
      <Typography variant="body2" color="text.secondary">
        {unavailable ? `Could not check — ${usDates(agreement.reason)}` : `Why: ${usDates(agreement.reason)}`}
      </Typography>
    </Box>
  );
}
