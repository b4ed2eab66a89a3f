/**
 * Rooming checklist: every monitoring item with its status in words + icon, the last event, the due
 * date and why. PDMP check and urine drug test come first; items that need action are never green.
 */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import Alert from '@mui/material/Alert';
import type { MonitoringItem, UdtFinding } from '../../clinical/types.ts';
import { ITEM_LABEL, ITEM_ORDER, STATUS_LABEL } from '../labels.ts';
import { formatDate, usDates } from '../format.ts';
import { StatusChip } from '../shared/StatusChip.tsx';

export interface DueNowProps {
  items: MonitoringItem[];
  /** Same-day clinician alerts (e.g. PHQ-9 item 9 > 0). */
  alerts?: string[];
  /** Unexpected urine drug test results, shown under the UDT item as prompts for review (never punitive). */
  udtFindings?: UdtFinding[];
}

function byRoomingOrder(a: MonitoringItem, b: MonitoringItem): number {
  return ITEM_ORDER.indexOf(a.item) - ITEM_ORDER.indexOf(b.item);
}

function lastEvent(item: MonitoringItem): string {
  if (!item.lastDate) return item.status === 'unavailable' ? 'Last: unknown' : 'Last: none on file';
  return `Last: ${formatDate(item.lastDate)}${item.lastValue ? ` — ${usDates(item.lastValue)}` : ''}`;
}

function dueText(item: MonitoringItem): string {
  if (item.status === 'not-applicable') return 'Not due';
  if (item.status === 'unavailable') return 'Due: unknown';
  if (!item.dueDate) return item.status === 'never-done' || item.status === 'overdue' ? 'Due: now' : 'Due: —';
  return `Due: ${formatDate(item.dueDate)}`;
}

const ACTION = new Set(['overdue', 'never-done', 'due-soon']);

/** One line an MA can read at a glance; "nothing due" only when every item could be checked. */
export function dueHeadline(items: MonitoringItem[]): string {
  const sorted = [...items].sort(byRoomingOrder);
  const act = sorted.filter((i) => ACTION.has(i.status)).map((i) => `${ITEM_LABEL[i.item]} (${STATUS_LABEL[i.status].toLowerCase()})`);
  const unknown = sorted.filter((i) => i.status === 'unavailable').map((i) => ITEM_LABEL[i.item]);
  const parts = [];
  if (act.length) parts.push(`To do today: ${act.join(', ')}.`);
  if (unknown.length) parts.push(`Could not check: ${unknown.join(', ')} — check by hand.`);
  if (!parts.length) parts.push('Nothing is due: every item is up to date or not applicable.');
  return parts.join(' ');
}

export function DueNowSection({ items, alerts = [], udtFindings = [] }: DueNowProps) {
  const sorted = [...items].sort(byRoomingOrder);
  return (
    <Box>
      {sorted.length > 0 && (
        <Typography sx={{ fontWeight: 600, mb: 1 }} data-testid="due-headline">
          {dueHeadline(sorted)}
        </Typography>
      )}
      {alerts.map((alert) => (
        <Alert key={alert} severity="error" sx={{ mb: 1 }}>
          {usDates(alert)}
        </Alert>
      ))}
      {sorted.length === 0 ? (
        <Typography>No monitoring items were computed for this patient.</Typography>
      ) : (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }} aria-label="Monitoring items">
          {sorted.map((item) => (
            <DueItem key={item.item} item={item} findings={item.item === 'udt' ? udtFindings : []} />
          ))}
        </Box>
      )}
    </Box>
  );
}

function DueItem({ item, findings }: { item: MonitoringItem; findings: UdtFinding[] }) {
  return (
    <Box
      component="li"
      data-testid={`due-${item.item}`}
      sx={{
        py: 1,
        borderTop: 1,
        borderColor: 'divider',
        display: 'grid',
        gap: 0.5,
        gridTemplateColumns: { xs: '1fr', sm: '9.5rem 1fr' },
        alignItems: 'start',
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center' }}>
        <StatusChip status={item.status} />
      </Box>
      <Box>
        <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 700, lineHeight: 1.3 }}>
          {ITEM_LABEL[item.item]}
        </Typography>
        <Typography variant="body2">
          {lastEvent(item)} · <strong>{dueText(item)}</strong>
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {item.status === 'unavailable' ? `Could not check — ${usDates(item.reason)}` : `Why: ${usDates(item.reason)}`}
        </Typography>
        {!item.alerts?.length && findings.map((f) => (
          <Typography key={`${f.date}-${f.test}`} variant="body2" sx={{ color: '#6d3a00' }}>
            {formatDate(f.date)} {f.test}: {f.result} — {f.text}
          </Typography>
        ))}
        {item.alerts?.map((alert) => (
          <Typography key={alert} variant="body2" sx={{ color: '#8c1d18', fontWeight: 600 }}>
            {usDates(alert)}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}
