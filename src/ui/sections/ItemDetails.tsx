/**
 * The "why" of one monitoring item, shown on demand: last event, due date, the rule in words, same-day alerts
 * and the public sources with their links.
 */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { IsoDate, MonitoringItem } from '../../clinical/types.ts';
import { useEngineText } from '../engine-text.ts';
import { formatDate } from '../format.ts';
import { displayStatus } from '../labels.ts';
import { Citations } from '../shared/Citations.tsx';

/** "Last: 08/04/2026 — PDMP reviewed · Due: 11/02/2026". */
export function lastAndDue(item: MonitoringItem, asOf: IsoDate, et: (s: string) => string): string {
  const status = displayStatus(item, asOf);
  const last = item.lastDate
    ? `Last: ${formatDate(item.lastDate)}${item.lastValue ? ` — ${et(item.lastValue)}` : ''}`
    : status === 'unavailable' ? 'Last: unknown' : 'Last: none on file';
  const due =
    status === 'not-applicable' ? 'Not due'
      : status === 'unavailable' ? 'Due: unknown'
        : status === 'never-done' || status === 'due-today' ? 'Due: now'
          : item.dueDate ? `Due: ${formatDate(item.dueDate)}` : 'Due: —';
  return `${last} · ${due}`;
}

export function ItemDetails({ item, asOf }: { item: MonitoringItem; asOf: IsoDate }) {
  const et = useEngineText();
  const unavailable = item.status === 'unavailable';
  return (
    <Box>
      <Typography variant="body2">{lastAndDue(item, asOf, et)}</Typography>
      <Typography variant="body2">
        {unavailable ? 'Could not check — ' : 'Why: '}
        {et(item.reason)}
      </Typography>
      {item.alerts?.map((alert) => (
        <Typography key={alert} variant="body2" sx={{ color: '#8c1d18', fontWeight: 600 }}>
          {et(alert)}
        </Typography>
      ))}
      <Citations citations={item.citations} fallback={item.source} />
    </Box>
  );
}
