/**
 * PEG mean over time as a hand-made SVG: each point is focusable and names its items; the baseline and
 * the ≥ 30% improvement line are drawn, improved visits get a diamond marker. A visually hidden table
 * carries the same data for screen readers.
 */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { PegEntry, PegHistory } from '../../clinical/types.ts';
import { dayNumber } from '../../clinical/dates.ts';
import { formatDate, formatPeg } from '../format.ts';
import { useEngineText } from '../engine-text.ts';
import { PegDataTable, changeText } from './PegDataTable.tsx';
import { DisclosureButton, DisclosurePanel, useDisclosure } from '../shared/Disclosure.tsx';
import { useWidth } from '../shared/useWidth.ts';

const H = 220;
const PAD = { left: 34, right: 16, top: 12, bottom: 28 };

export function pointLabel(entry: PegEntry): string {
  const item = (v: number | null) => (v === null ? 'not recorded' : String(v));
  return (
    `${formatDate(entry.date)}: PEG ${formatPeg(entry.mean)} (pain ${item(entry.pain)}, enjoyment ${item(entry.enjoyment)}, ` +
    `activity ${item(entry.activity)})${changeText(entry)}`
  );
}

export function PegChart({ peg, improvementPct = 30 }: { peg: PegHistory; improvementPct?: number }) {
  const target = 1 - improvementPct / 100;
  const [active, setActive] = useState<number | null>(null);
  const [boxRef, W] = useWidth<HTMLDivElement>(600);
  const table = useDisclosure();
  const et = useEngineText();
  const entries = peg.entries;
  if (entries.length === 0) {
    return <Typography>No PEG scores on file yet. Record today's below to start the trend.</Typography>;
  }
  const days = entries.map((e) => dayNumber(e.date));
  const first = Math.min(...days);
  const span = Math.max(...days) - first;
  const x = (d: number) => (span === 0 ? (W + PAD.left - PAD.right) / 2 : PAD.left + ((d - first) / span) * (W - PAD.left - PAD.right));
  const y = (v: number) => PAD.top + ((10 - v) / 10) * (H - PAD.top - PAD.bottom);
  const baseline = peg.baseline?.mean ?? null;
  const shown = active === null ? null : entries[active];
  return (
    <Box ref={boxRef}>
      <Box component="svg" className="panel-chart" viewBox={`0 0 ${W} ${H}`} role="group" aria-label="PEG score over time, 0 to 10, lower is better" sx={{ width: '100%', height: 'auto', display: 'block' }}>
        {[0, 5, 10].map((v) => (
          <g key={v} aria-hidden="true">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#cfd8dc" />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="12" fill="#37474f">{v}</text>
          </g>
        ))}
        {baseline !== null && (
          <g aria-hidden="true" data-testid="peg-baseline">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(baseline)} y2={y(baseline)} stroke="#37474f" strokeDasharray="6 4" />
            <text x={PAD.left + 14} y={y(baseline) - 6} fontSize="12" fill="#37474f">Baseline {formatPeg(baseline)}</text>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(baseline * target)} y2={y(baseline * target)} stroke="#1b5e20" strokeDasharray="2 4" />
            <text x={PAD.left + 14} y={y(baseline * target) + 14} fontSize="12" fill="#1b5e20">{improvementPct}% better: {formatPeg(baseline * target)}</text>
          </g>
        )}
        <polyline aria-hidden="true" fill="none" stroke="#1565c0" strokeWidth="2" points={entries.map((e, i) => `${x(days[i])},${y(e.mean)}`).join(' ')} />
        {entries.map((entry, i) => (
          <g
            key={`${entry.date}-${i}`}
            tabIndex={0}
            role="img"
            aria-label={pointLabel(entry)}
            onFocus={() => setActive(i)}
            onMouseEnter={() => setActive(i)}
            onBlur={() => setActive(null)}
            style={{ outline: 'none', cursor: 'pointer' }}
            className="peg-point"
          >
            <title>{pointLabel(entry)}</title>
            <circle cx={x(days[i])} cy={y(entry.mean)} r="14" fill="transparent" />
            {entry.improved30 ? (
              <rect x={x(days[i]) - 6} y={y(entry.mean) - 6} width="12" height="12" transform={`rotate(45 ${x(days[i])} ${y(entry.mean)})`} fill="#1b5e20" />
            ) : (
              <circle cx={x(days[i])} cy={y(entry.mean)} r="5" fill="#1565c0" />
            )}
            {active === i && <circle cx={x(days[i])} cy={y(entry.mean)} r="10" fill="none" stroke="#000" strokeWidth="2" />}
          </g>
        ))}
        <text aria-hidden="true" x={PAD.left} y={H - 8} fontSize="12" fill="#37474f">{formatDate(entries[0].date)}</text>
        <text aria-hidden="true" x={W - PAD.right} y={H - 8} textAnchor="end" fontSize="12" fill="#37474f">{formatDate(entries[entries.length - 1].date)}</text>
      </Box>
      <Typography variant="body2" className="no-print" sx={{ minHeight: '1.5em' }} data-testid="peg-point-detail">
        {shown ? pointLabel(shown) : 'Hover or tab to a point to see its three answers.'}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p" data-testid="peg-baseline-rule">
        {peg.baseline
          ? `Dashed line: baseline ${formatPeg(peg.baseline.mean)} on ${formatDate(peg.baseline.date)} (${et(peg.baselineRule)}). Dotted line: ${improvementPct}% below baseline. Diamond: at least ${improvementPct}% better than baseline (clinically meaningful improvement, CDC).`
          : `No baseline line: ${et(peg.baselineRule)}.`}
      </Typography>
      <DisclosureButton open={table.open} onToggle={table.toggle} controls={table.id}>
        {table.open ? 'Hide the table' : 'Show the scores as a table'}
      </DisclosureButton>
      <DisclosurePanel id={table.id} open={table.open}>
        <PegDataTable entries={entries} baseline={peg.baseline} />
      </DisclosurePanel>
    </Box>
  );
}
