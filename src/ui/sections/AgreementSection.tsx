/** Patient agreement: status, signed date and renewal due date, from the agreement monitoring item; why on demand. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { IsoDate, MonitoringItem } from '../../clinical/types.ts';
import { useEngineText } from '../engine-text.ts';
import { formatDate } from '../format.ts';
import { displayStatus } from '../labels.ts';
import { DisclosureButton, DisclosurePanel, useDisclosure } from '../shared/Disclosure.tsx';
import { StatusChip } from '../shared/StatusChip.tsx';
import { ItemDetails } from './ItemDetails.tsx';

export function AgreementSection({ agreement, asOf = '' }: { agreement: MonitoringItem | null; asOf?: IsoDate }) {
  const et = useEngineText();
  const why = useDisclosure();
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
        <StatusChip status={displayStatus(agreement, asOf)} />
        <DisclosureButton open={why.open} onToggle={why.toggle} controls={why.id} label="Why: patient agreement">
          Why
        </DisclosureButton>
      </Box>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.25, my: 0.5 }}>
        <dt>Signed</dt>
        <dd style={{ margin: 0 }}>
          {agreement.lastDate ? formatDate(agreement.lastDate) : unavailable ? 'Unknown' : 'No signed agreement on file'}
          {agreement.lastValue && agreement.lastValue !== 'signed' ? ` — ${et(agreement.lastValue)}` : ''}
        </dd>
        <dt>Renewal due</dt>
        <dd style={{ margin: 0 }}>{agreement.dueDate ? formatDate(agreement.dueDate) : unavailable ? 'Unknown' : '—'}</dd>
      </Box>
      <DisclosurePanel id={why.id} open={why.open}>
        <ItemDetails item={agreement} asOf={asOf} />
      </DisclosurePanel>
    </Box>
  );
}
