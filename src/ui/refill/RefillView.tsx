/**
 * The refill request view: for a nurse or medical assistant handling a refill request between visits — last fill
 * and run-out date, whether the request is early, what the clinic policy wants done first, the MME after the refill,
 * and any pace flag; one screen, copyable to the refill encounter.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { RefillCheck } from '../../clinical/course/refill.ts';
import { refillNote } from '../../clinical/course/refill.ts';
import { STATUS_LABEL } from '../labels.ts';
import { formatDate, formatNumber, usDates } from '../format.ts';
import { CopyBlock } from '../shared/CopyBlock.tsx';
import { COURSE_FLAG_LABEL } from '../labels.ts';

export function RefillView({ check }: { check: RefillCheck }) {
  if (check.notApplicable) {
    return <Alert severity="info" data-testid="refill-not-applicable">Not a long-term opioid refill: {usDates(check.notApplicable)}.</Alert>;
  }
  const mme = check.mmeAfter.value === null ? 'Could not compute — verify the dose' : `${check.mmeAfter.complete ? '' : 'At least '}${formatNumber(check.mmeAfter.value)} MME/day`;
  const todo = check.before.filter((b) => b.needed);
  return (
    <Box data-testid="refill-view" sx={{ display: 'flex', flexDirection: 'column', gap: 1.5 }}>
      <Typography variant="body1"><strong>{check.products.join('; ')}</strong></Typography>
      <Typography variant="body2" data-testid="refill-supply">
        Last fill {formatDate(check.lastFill, 'not on record')}; supply runs out {formatDate(check.supplyEnds, 'unknown')}
        {check.daysLeft !== null ? (check.daysLeft < 0 ? ` (ran out ${-check.daysLeft} days ago)` : ` (${check.daysLeft} days left)`) : ''}.
      </Typography>
      {check.early && (
        <Alert severity={check.early.early ? 'warning' : 'success'} data-testid="refill-timing">
          {check.early.early ? 'Early request' : 'On time'}: {check.early.why}.
        </Alert>
      )}
      <Box>
        <Typography component="h3" variant="subtitle2">Before this refill</Typography>
        {todo.length === 0 ? <Typography variant="body2">Everything your clinic's policy asks for is up to date.</Typography> : null}
        <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid="refill-before">
          {check.before.map((b) => (
            <li key={b.item}><Typography variant="body2"><strong>{b.label}</strong>: {STATUS_LABEL[b.status]} — {usDates(b.text)}</Typography></li>
          ))}
        </Box>
      </Box>
      <Typography variant="body2" data-testid="refill-mme"><strong>MME after the refill:</strong> {mme}</Typography>
      {check.flags.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 3 }} aria-label="To review">
          {check.flags.map((f, i) => <li key={i}><Typography variant="body2"><strong>{COURSE_FLAG_LABEL[f.code] ?? f.code}</strong>: {usDates(f.detail)}</Typography></li>)}
        </Box>
      )}
      <CopyBlock text={refillNote(check)} textLabel="Refill encounter text" buttonLabel="Copy to refill encounter" />
    </Box>
  );
}
