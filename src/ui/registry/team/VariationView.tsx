/**
 * Clinical variation by prescriber, to start a supportive conversation — never a ranking. Counts with shares for
 * prescribers with enough patients, beside the whole clinic; a share above the clinic's is marked in words.
 */
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { Policy } from '../../../clinical/policy/types.ts';
import { share, VARIATION_MEASURES, type VariationRow } from '../../../clinical/review/variation.ts';

function cell(row: VariationRow, id: (typeof VARIATION_MEASURES)[number]['id'], showShare: boolean) {
  const n = row.counts[id];
  const s = share(row, id);
  const above = row.aboveClinic.includes(id);
  return (
    <TableCell key={id} align="right" sx={above ? { fontWeight: 700 } : undefined}>
      {n}{showShare && s !== null ? ` (${Math.round(s * 100)}%)` : ''}
      {above && <Typography component="span" variant="caption" sx={{ display: 'block' }}>above the clinic&apos;s share</Typography>}
    </TableCell>
  );
}

export function VariationView({ rows, clinic, policy }: { rows: VariationRow[]; clinic: VariationRow; policy: Policy }) {
  const min = policy.review.variationMinPatients.value;
  return (
    <Box>
      <Typography variant="body2" sx={{ mb: 1 }}>
        How each prescriber&apos;s patients on opioids compare with the clinic&apos;s policy, to talk through with the clinician — as support,
        not judgement. Panels differ: a clinician who took on patients already on high doses, or who cares for more complex patients,
        will show higher figures. Shares are set beside the clinic&apos;s only from {min} patients; with fewer, a single patient moves
        the share a lot, so only counts are shown.
      </Typography>
      <Table size="small" aria-label="Clinical variation by prescriber">
        <TableHead>
          <TableRow>
            <TableCell>Prescriber</TableCell>
            <TableCell align="right">Patients</TableCell>
            {VARIATION_MEASURES.map((m) => <TableCell key={m.id} align="right">{m.label(policy)}</TableCell>)}
            <TableCell align="right">MME could not be fully computed</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          <TableRow sx={{ bgcolor: 'grey.100' }}>
            <TableCell component="th" scope="row"><strong>{clinic.display}</strong></TableCell>
            <TableCell align="right">{clinic.patients}</TableCell>
            {VARIATION_MEASURES.map((m) => cell(clinic, m.id, true))}
            <TableCell align="right">{clinic.incomplete}</TableCell>
          </TableRow>
          {rows.map((r) => (
            <TableRow key={r.key}>
              <TableCell component="th" scope="row">{r.display}{!r.compared && <Typography component="span" variant="caption" sx={{ display: 'block' }}>fewer than {min} patients: counts only</Typography>}</TableCell>
              <TableCell align="right">{r.patients}</TableCell>
              {VARIATION_MEASURES.map((m) => cell(r, m.id, r.compared))}
              <TableCell align="right">{r.incomplete}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="caption" component="p" sx={{ mt: 1 }}>
        MME thresholds from the clinic policy ({policy.risk.moderateMme.value} and {policy.risk.highMme.value} MME/day, CDC 2022 Rec 4); an MME that could not be fully
        computed counts by its known lower bound. Benzodiazepine with the opioid: CDC 2022 Rec 11. Safety monitoring gap and dose pace flag: the
        queue&apos;s rules (PDMP, urine drug test, agreement or naloxone overdue by more than {policy.review.careGapDays.value} days or never done; taper faster
        than policy, stop without a taper or dose increase in the last {policy.review.flagWindowDays.value} days).
      </Typography>
    </Box>
  );
}
