/**
 * Measures of success (6BB block 6): overall and by prescriber, each with numerator/denominator,
 * what could not be checked, and its definition on hover.
 */
import { Table, TableBody, TableCell, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import type { RegistryReport } from '../../registry/accumulate.ts';
import { MEASURES } from '../../registry/measure-defs.ts';
import type { MeasureCount } from '../../registry/types.ts';

export function formatMeasure(m: MeasureCount | undefined): string {
  if (!m || m.rate === null) return '—';
  return `${Math.round(m.rate * 100)}% (${m.numerator}/${m.denominator})`;
}

function notes(m: MeasureCount): string {
  const parts: string[] = [];
  if (m.unavailable) parts.push(`${m.unavailable} could not be checked (counted as not met)`);
  if (m.incomplete) parts.push(`${m.incomplete} with incomplete MME (counted at their known lower bound)`);
  return parts.join('; ');
}

export function MeasuresPanel({ report }: { report: RegistryReport }) {
  const overall = new Map(report.measures.overall.map((m) => [m.id, m]));
  return (
    <>
      <Typography variant="h6" component="h2">Measures of success (as of {report.asOf})</Typography>
      <Table size="small" aria-label="Measures overall">
        <TableHead>
          <TableRow><TableCell>Measure</TableCell><TableCell>Share</TableCell><TableCell>Goal</TableCell><TableCell>Notes</TableCell></TableRow>
        </TableHead>
        <TableBody>
          {MEASURES.map((d) => (
            <TableRow key={d.id}>
              <Tooltip title={`Numerator: ${d.numerator}. Denominator: ${d.denominator}.`}><TableCell>{d.label}</TableCell></Tooltip>
              <TableCell>{formatMeasure(overall.get(d.id))}</TableCell>
              <TableCell>{d.direction === 'higher-is-better' ? 'higher is better' : 'lower is better'}</TableCell>
              <TableCell>{overall.get(d.id) ? notes(overall.get(d.id)!) : ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="h6" component="h2" sx={{ mt: 2 }}>By prescriber</Typography>
      <Table size="small" aria-label="Measures by prescriber">
        <TableHead>
          <TableRow>
            <TableCell>Prescriber</TableCell><TableCell>Patients</TableCell>
            {MEASURES.map((d) => <TableCell key={d.id}>{d.label}</TableCell>)}
          </TableRow>
        </TableHead>
        <TableBody>
          {report.measures.byPrescriber.map((p) => (
            <TableRow key={p.prescriber.key}>
              <TableCell>{p.prescriber.display}</TableCell>
              <TableCell>{p.patients}</TableCell>
              {MEASURES.map((d) => <TableCell key={d.id}>{formatMeasure(p.measures.find((m) => m.id === d.id))}</TableCell>)}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
