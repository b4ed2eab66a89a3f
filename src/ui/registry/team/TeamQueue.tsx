/**
 * The support team's queue: clinicians' open requests first, then the patients the clinic's policy lists, each
 * with why it is listed and the rule behind it; filter by prescriber; answered requests not yet read at the end.
 */
import { useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { NEED_LABEL } from '../../../clinical/review/codes.ts';
import { filterQueue, queuePrescribers, shownName, type QueueEntry } from '../../../clinical/review/queue.ts';
import { awaitsAcknowledgement } from '../../../clinical/review/read.ts';
import type { Review } from '../../../clinical/review/types.ts';
import { formatMme } from '../../../registry/row.ts';
import { formatDate, usDates } from '../../format.ts';
import { reviewState } from '../../review/ReviewCard.tsx';

const TIER_TEXT: Record<string, string> = { high: 'High', moderate: 'Moderate', low: 'Low', unknown: 'Unknown', 'not-applicable': 'Not in scope' };

export interface TeamQueueProps {
  entries: QueueEntry[];
  reviews: Review[];
  /** Registry names by patient id (for answered requests of patients not on the agenda). */
  names: ReadonlyMap<string, string>;
  /** The team's requests could not be read (why), or null. */
  problem: string | null;
  registryRunning: boolean;
  onOpen: (entry: QueueEntry) => void;
  onReload: () => void;
}

export function TeamQueue({ entries, reviews, names, problem, registryRunning, onOpen, onReload }: TeamQueueProps) {
  const [prescriber, setPrescriber] = useState<string>('');
  const prescribers = useMemo(() => queuePrescribers(entries), [entries]);
  const shown = useMemo(() => filterQueue(entries, prescriber || null), [entries, prescriber]);
  const requested = shown.filter((e) => e.requests.length > 0).length;
  const answered = reviews.filter(awaitsAcknowledgement);
  return (
    <Box>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <TextField select size="small" label="Prescriber" value={prescriber} onChange={(e) => setPrescriber(e.target.value)} sx={{ minWidth: 260 }}
          slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}>
          <MenuItem value="">All prescribers ({entries.length})</MenuItem>
          {prescribers.map((p) => <MenuItem key={p.key} value={p.key}>{p.display} ({p.count})</MenuItem>)}
        </TextField>
        <Button onClick={onReload}>Read requests again</Button>
      </Stack>
      <Typography variant="body2" role="status" aria-live="polite">
        {shown.length} {shown.length === 1 ? 'patient' : 'patients'} on the agenda: {requested} with a clinician&apos;s request, {shown.length - requested} listed by the clinic&apos;s review rules.
        {registryRunning ? ' The registry is still reading patients; the list grows as they arrive.' : ''}
      </Typography>
      {problem && <Alert severity="warning" sx={{ my: 1 }} action={<Button color="inherit" size="small" onClick={onReload}>Read again</Button>}>Clinicians&apos; requests could not be read ({problem}): only the patients listed by the rules are shown.</Alert>}
      <List aria-label="Support team queue">
        {shown.map((e) => (
          <ListItem key={e.patientId} divider sx={{ display: 'block' }}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', justifyContent: 'space-between', flexWrap: 'wrap' }}>
              <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 700 }}>{e.name}</Typography>
              <Button variant={e.requests.length ? 'contained' : 'outlined'} size="small" onClick={() => onOpen(e)} aria-label={`Open case review of ${e.name}`}>
                Open case review
              </Button>
            </Stack>
            <Typography variant="body2" color="text.secondary">
              Prescriber: {e.prescriber.display}
              {e.patient ? ` · tier ${TIER_TEXT[e.patient.tier] ?? e.patient.tier} · MME/day ${formatMme(e.patient)}` : ' · not in the registry (no current opioid analgesic order)'}
            </Typography>
            {e.requests.map((r) => (
              <Box key={r.taskId} sx={{ mt: 0.5 }}>
                <Typography variant="body2"><strong>{reviewState(r).text}</strong> — asked {r.requestedOn ? `on ${formatDate(r.requestedOn)} ` : ''}by {r.requester ?? 'a clinician'}: {r.needs.map((n) => NEED_LABEL[n]).join('; ')}</Typography>
                <Typography variant="body2" sx={{ fontStyle: 'italic' }}>“{r.question}”</Typography>
              </Box>
            ))}
            <Box component="ul" sx={{ m: 0, mt: 0.5, pl: 3 }}>
              {e.reasons.filter((r) => r.kind !== 'request').map((r, i) => (
                <Typography component="li" variant="body2" key={`${r.kind}-${i}`}>
                  {usDates(r.text)}{r.date ? ` (${formatDate(r.date)})` : ''} <Typography component="span" variant="caption" color="text.secondary">— {r.rule}</Typography>
                </Typography>
              ))}
            </Box>
          </ListItem>
        ))}
      </List>
      {shown.length === 0 && <Typography>No patient on the agenda{prescriber ? ' for this prescriber' : ''}.</Typography>}
      {answered.length > 0 && (
        <Box sx={{ mt: 2 }}>
          <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 700 }}>Answered, not yet read by the clinician ({answered.length})</Typography>
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {answered.map((r) => (
              <Typography component="li" variant="body2" key={r.taskId}>
                {names.get(r.patientId ?? '') ?? shownName(r.patientName, r.patientId)} — asked by {r.requester ?? 'a clinician'}{r.changedOn ? `, answered ${formatDate(r.changedOn)}` : ''}
              </Typography>
            ))}
          </Box>
        </Box>
      )}
    </Box>
  );
}
