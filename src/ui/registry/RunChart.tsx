/**
 * Monthly run chart (hand-made SVG): one measure's share at each month-end over the last 12 months,
 * with the median line (run charts read shifts and trends against the median).
 */
import { useState } from 'react';
import { MenuItem, TextField, Typography } from '@mui/material';
import { MEASURES } from '../../registry/measure-defs.ts';
import type { RunChartPoint } from '../../registry/run-chart.ts';
import type { MeasureId } from '../../registry/types.ts';

const W = 640, H = 220, PAD = { l: 44, r: 24, t: 12, b: 36 };

export function RunChart({ points }: { points: RunChartPoint[] }) {
  const [id, setId] = useState<MeasureId>('udt-policy');
  const values = points.map((p) => p.measures.find((m) => m.id === id)?.rate ?? null);
  const x = (i: number) => PAD.l + (i * (W - PAD.l - PAD.r)) / Math.max(1, points.length - 1);
  const y = (v: number) => PAD.t + (1 - v) * (H - PAD.t - PAD.b);
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const median = known.length ? (known[(known.length - 1) >> 1] + known[known.length >> 1]) / 2 : null;
  const path = values.map((v, i) => (v === null ? '' : `${i && values[i - 1] !== null ? 'L' : 'M'}${x(i)},${y(v)}`)).join(' ');
  const label = MEASURES.find((m) => m.id === id)!.label;
  return (
    <>
      <TextField select size="small" label="Measure" value={id} onChange={(e) => setId(e.target.value as MeasureId)} sx={{ minWidth: 320, mb: 1 }}>
        {MEASURES.map((m) => <MenuItem key={m.id} value={m.id}>{m.label}</MenuItem>)}
      </TextField>
      <svg width="100%" style={{ maxWidth: 760, fontFamily: "sans-serif" }} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Run chart: ${label}, last ${points.length} month-ends`}>
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line x1={PAD.l} x2={W - PAD.r} y1={y(t)} y2={y(t)} stroke="#ddd" />
            <text x={PAD.l - 6} y={y(t) + 4} fontSize="11" textAnchor="end">{t * 100}%</text>
          </g>
        ))}
        {median !== null && <line x1={PAD.l} x2={W - PAD.r} y1={y(median)} y2={y(median)} stroke="#888" strokeDasharray="4 3" />}
        <path d={path} fill="none" stroke="#1565c0" strokeWidth="2" />
        {values.map((v, i) => v !== null && (
          <circle key={i} cx={x(i)} cy={y(v)} r="3.5" fill="#1565c0">
            <title>{`${points[i].monthEnd}: ${Math.round(v * 100)}%`}</title>
          </circle>
        ))}
        {points.map((p, i) => (
          <text key={p.monthEnd} x={x(i)} y={H - 14} fontSize="10" textAnchor="middle">{p.monthEnd.slice(2, 7)}</text>
        ))}
      </svg>
      <Typography variant="caption">
        Each point is computed as of the month&apos;s last day from the same records; dashed line: median
        {median !== null ? ` (${Math.round(median * 100)}%)` : ''}. Months with no patients in the denominator are gaps.
      </Typography>
    </>
  );
}
