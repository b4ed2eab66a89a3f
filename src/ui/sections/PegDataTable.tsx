/** The PEG chart's data as a table, visually hidden: the screen-reader alternative to the SVG. */
import Box from '@mui/material/Box';
import type { PegEntry } from '../../clinical/types.ts';
import { formatDate, formatNumber, formatPeg } from '../format.ts';

/** ", 32% lower than baseline (≥ 30% improvement)" etc.; empty for the baseline itself. */
export function changeText(entry: PegEntry): string {
  const pct = entry.changeFromBaselinePct;
  if (pct === null) return '';
  const size = formatNumber(Math.abs(pct));
  const direction = pct < 0 ? `${size}% lower than baseline` : pct > 0 ? `${size}% higher than baseline` : 'same as baseline';
  return `, ${direction}${entry.improved30 ? ' (at least 30% improvement)' : ''}`;
}

const hidden = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

export function PegDataTable({ entries }: { entries: PegEntry[] }) {
  const cell = (v: number | null) => (v === null ? 'not recorded' : String(v));
  return (
    <Box sx={hidden}>
      <table>
      <caption>PEG scores, oldest first</caption>
      <thead>
        <tr>
          <th scope="col">Date</th>
          <th scope="col">Pain</th>
          <th scope="col">Enjoyment</th>
          <th scope="col">Activity</th>
          <th scope="col">PEG score</th>
          <th scope="col">Change from baseline</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e, i) => (
          <tr key={`${e.date}-${i}`}>
            <td>{formatDate(e.date)}</td>
            <td>{cell(e.pain)}</td>
            <td>{cell(e.enjoyment)}</td>
            <td>{cell(e.activity)}</td>
            <td>{formatPeg(e.mean)}</td>
            <td>{changeText(e).replace(/^, /, '') || 'baseline'}</td>
          </tr>
        ))}
      </tbody>
      </table>
    </Box>
  );
}
