/**
 * Re-allocation when a prescriber leaves: their patients, highest tier first, then whoever runs out of supply
 * first, with the next appointment and any open support team request; as CSV for the care team.
 */
import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { reallocationList } from '../../../clinical/review/reallocation.ts';
import type { Review, TeamPatient } from '../../../clinical/review/types.ts';
import type { IsoDate } from '../../../clinical/types.ts';
import { formatDate, usDates } from '../../format.ts';
import { downloadText, mmeCell, reallocationCsv, reallocationFileName } from './reallocation-csv.ts';

const TIER_TEXT: Record<string, string> = { high: 'High', moderate: 'Moderate', low: 'Low', unknown: 'Unknown', 'not-applicable': 'Not in scope' };

export function ReallocationView({ patients, reviews, asOf }: { patients: TeamPatient[]; reviews: Review[]; asOf: IsoDate }) {
  const prescribers = useMemo(() => {
    const m = new Map<string, { key: string; display: string; count: number }>();
    for (const p of patients) m.set(p.prescriber.key, { ...p.prescriber, count: (m.get(p.prescriber.key)?.count ?? 0) + 1 });
    return [...m.values()].sort((a, b) => a.display.localeCompare(b.display));
  }, [patients]);
  const [key, setKey] = useState('');
  const chosen = prescribers.find((p) => p.key === key) ?? null;
  const rows = useMemo(() => (chosen ? reallocationList(patients, chosen.key, reviews, asOf) : []), [patients, chosen, reviews, asOf]);
  return (
    <Box>
      <Typography variant="body2" sx={{ mb: 1 }}>
        When a prescriber leaves, every patient needs a new prescriber before their supply runs out. Choose the prescriber: their patients are
        listed highest tier first (unknown before moderate — missing data is never read as lower risk), then by the day their current supply runs out.
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <TextField select size="small" label="Prescriber who is leaving" value={key} onChange={(e) => setKey(e.target.value)} sx={{ minWidth: 280 }}
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}>
          <MenuItem value="">Choose a prescriber</MenuItem>
          {prescribers.map((p) => <MenuItem key={p.key} value={p.key}>{p.display} ({p.count})</MenuItem>)}
        </TextField>
        <Button variant="outlined" disabled={!chosen} onClick={() => chosen && downloadText(reallocationCsv(rows), reallocationFileName(chosen.display, asOf))}>Download CSV</Button>
      </Stack>
      {chosen && (
        <Table size="small" aria-label={`Patients of ${chosen.display} to re-allocate`}>
          <TableHead>
            <TableRow>
              <TableCell>Patient</TableCell>
              <TableCell>Tier</TableCell>
              <TableCell>Top reason</TableCell>
              <TableCell align="right">MME/day</TableCell>
              <TableCell>Supply runs out</TableCell>
              <TableCell>Next appointment</TableCell>
              <TableCell>Open request</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.patientId}>
                <TableCell component="th" scope="row">{r.name}</TableCell>
                <TableCell>{TIER_TEXT[r.tier] ?? r.tier}</TableCell>
                <TableCell>{usDates(r.topReason)}</TableCell>
                <TableCell align="right">{mmeCell(r)}</TableCell>
                <TableCell>{r.supplyEnds ? `${formatDate(r.supplyEnds)}${r.daysLeft !== null ? ` (${r.daysLeft >= 0 ? `${r.daysLeft} days left` : `${-r.daysLeft} days ago`})` : ''}` : 'not known'}</TableCell>
                <TableCell>{r.nextAppointment ? formatDate(r.nextAppointment) : 'none booked'}</TableCell>
                <TableCell>{r.openRequest ? 'yes' : ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
