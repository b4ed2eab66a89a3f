/**
 * Pre-visit planning (6BB block 4): the patients with an appointment on a chosen day, each with
 * their rooming checklist (what is due, overdue, never done or could not be checked). Printable.
 */
import { useMemo, useState } from 'react';
import { Box, Button, List, ListItem, Stack, TextField, Typography } from '@mui/material';
import { formatMme } from '../../registry/row.ts';
import { MONITORING_ITEMS } from '../../registry/columns.ts';
import { STATUS_LABEL, displayStatus } from '../labels.ts';
import type { RegistryRow } from '../../registry/types.ts';

const ACTION = new Set(['overdue', 'due-soon', 'never-done', 'unavailable']);

export function HuddleSheet({ rows, defaultDate }: { rows: RegistryRow[]; defaultDate: string }) {
  const [date, setDate] = useState(defaultDate);
  const scheduled = useMemo(
    () => rows
      .flatMap((r) => (r.appointments ?? []).filter((a) => a.date === date).map((a) => ({ row: r, slot: a })))
      .sort((a, b) => (a.slot.time ?? '').localeCompare(b.slot.time ?? '')),
    [rows, date],
  );
  return (
    <Box className="huddle-sheet">
      <Stack direction="row" spacing={2} sx={{ alignItems: "center", mb: 1, '@media print': { display: 'none' } }}>
        <TextField type="date" size="small" label="Clinic day" value={date} onChange={(e) => setDate(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }} />
        <Button variant="outlined" onClick={() => window.print()}>Print huddle sheet</Button>
      </Stack>
      <Typography variant="h6" component="h2">Huddle sheet for {date}: {scheduled.length} patients on long-term opioid therapy</Typography>
      {scheduled.length === 0 && <Typography>No registry patient has an appointment that day (or appointments could not be read).</Typography>}
      <List>
        {scheduled.map(({ row, slot }) => {
          const todo = MONITORING_ITEMS.filter(({ item }) => ACTION.has(row.monitoring[item]?.status ?? ''));
          return (
            <ListItem key={`${row.patientId}-${slot.time}`} divider sx={{ display: 'block', breakInside: 'avoid' }}>
              <Typography sx={{ fontWeight: "bold" }}>{slot.time ?? 'time not set'} — {row.name} ({row.prescriber.display})</Typography>
              <Typography variant="body2">
                {slot.type}; MME {formatMme(row)}; tier {row.tier}{row.topReason ? ` (${row.topReason})` : ''}
                {row.benzoOverlap ? '; benzodiazepine overlap' : ''}{row.naloxoneGap ? '; offer naloxone' : ''}
              </Typography>
              <Typography variant="body2" component="div">
                Rooming checklist: {todo.length === 0 ? 'nothing due' : todo.map(({ item, label }) =>
                  `☐ ${label} (${STATUS_LABEL[displayStatus(row.monitoring[item]!, date)].toLowerCase()}${row.monitoring[item]!.dueDate ? `, due ${row.monitoring[item]!.dueDate}` : ''})`).join('  ')}
              </Typography>
            </ListItem>
          );
        })}
      </List>
    </Box>
  );
}
