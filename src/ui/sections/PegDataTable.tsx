/**
 * The PEG scores as a table (the chart's data, on demand). No placeholder rows or cells: answers that were not
 * recorded read "—" (said once in the caption), and when no score shown has its three answers the answer columns
 * are left out. The change column names the baseline itself and the scores before the current course.
 */
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

/** The change column: "baseline", "before this course", the change, or "—". */
export function changeCell(entry: PegEntry, baseline: PegEntry | null): string {
  if (baseline && entry.date === baseline.date && entry.mean === baseline.mean) return 'baseline';
  if (baseline && entry.date < baseline.date) return 'before this course';
  return changeText(entry).replace(/^, /, '') || '—';
}

const cellSx = { px: 1, py: 0.25, borderBottom: '1px solid #e0e0e0', textAlign: 'left', fontSize: '0.875rem' } as const;

export function PegDataTable({ entries, baseline }: { entries: PegEntry[]; baseline: PegEntry | null }) {
  const items = entries.some((e) => e.pain !== null || e.enjoyment !== null || e.activity !== null);
  const missing = items && entries.some((e) => e.pain === null || e.enjoyment === null || e.activity === null);
  const cell = (v: number | null) => (v === null ? '—' : String(v));
  const rows = [...entries].reverse();
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Box component="table" sx={{ borderCollapse: 'collapse', width: '100%', '& th, & td': cellSx }}>
        <caption style={{ textAlign: 'left', captionSide: 'top', fontSize: '0.875rem' }}>
          PEG scores, newest first{missing ? ' (— = answer not recorded)' : ''}{!items ? ' (only the score was recorded, not the three answers)' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            {items && <th scope="col">Pain</th>}
            {items && <th scope="col">Enjoyment</th>}
            {items && <th scope="col">Activity</th>}
            <th scope="col">PEG score</th>
            <th scope="col">Change from baseline</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((e, i) => (
            <tr key={`${e.date}-${i}`}>
              <td>{formatDate(e.date)}</td>
              {items && <td>{cell(e.pain)}</td>}
              {items && <td>{cell(e.enjoyment)}</td>}
              {items && <td>{cell(e.activity)}</td>}
              <td>{formatPeg(e.mean)}</td>
              <td>{changeCell(e, baseline)}</td>
            </tr>
          ))}
        </tbody>
      </Box>
    </Box>
  );
}
