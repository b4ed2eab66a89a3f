/**
 * The dose history as a step chart: MME/day over the read window, the 50 and 90 MME/day lines, each change marked
 * (start, increase, decrease, switch, stop) and focusable with its explanation. A period whose dose could not be
 * computed is drawn as a hatched gap, never as zero; "at least" periods are dashed.
 */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { CourseResult, DoseChange } from '../../clinical/course/types.ts';
import { addDays, dayNumber } from '../../clinical/dates.ts';
import { formatDate, formatNumber, usDates } from '../format.ts';
import { useWidth } from '../shared/useWidth.ts';

const H = 200;
const PAD = { left: 40, right: 16, top: 14, bottom: 26 };
const KIND_WORD: Record<DoseChange['kind'], string> = { start: 'Started', increase: 'Increased', decrease: 'Reduced', switch: 'Switched', stop: 'Stopped' };

export function changeLabel(c: DoseChange): string {
  const pace = c.kind === 'decrease' && c.pctPerMonth !== null ? ` (${formatNumber(c.pctPerMonth)}% a month)` : '';
  return `${formatDate(c.date)}: ${KIND_WORD[c.kind]}${pace} — ${usDates(c.detail)}`;
}

export function DoseHistoryChart({ course, thresholds = { caution: 50, high: 90 } }: { course: CourseResult; thresholds?: { caution: number; high: number } }) {
  const [active, setActive] = useState<number | null>(null);
  const [boxRef, W] = useWidth<HTMLDivElement>(600);
  const segments = course.history;
  if (segments.length === 0) return null;
  const first = dayNumber(segments[0].from);
  const last = dayNumber(segments.at(-1)!.to) + 1;
  const top = Math.max(thresholds.high * 1.15, ...segments.map((s) => (s.mmePerDay ?? 0) * 1.1));
  const x = (d: string) => PAD.left + ((dayNumber(d) - first) / Math.max(1, last - first)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / top) * (H - PAD.top - PAD.bottom);
  const shown = active === null ? null : course.changes[active];
  return (
    <Box ref={boxRef} data-testid="dose-history">
      <Box component="svg" className="panel-chart" viewBox={`0 0 ${W} ${H}`} role="group" aria-label={`Opioid dose over time, MME per day, ${formatDate(segments[0].from)} to ${formatDate(segments.at(-1)!.to)}`} sx={{ width: '100%', height: 'auto', display: 'block' }}>
        <defs>
          <pattern id="gap-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1="0" y1="0" x2="0" y2="6" stroke="#9e9e9e" strokeWidth="2" />
          </pattern>
        </defs>
        {[0, thresholds.caution, thresholds.high].map((v) => (
          <g key={v} aria-hidden="true">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke={v === 0 ? '#90a4ae' : v === thresholds.high ? '#b71c1c' : '#e65100'} strokeDasharray={v === 0 ? undefined : '4 4'} />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize="12" fill="#37474f">{v}</text>
          </g>
        ))}
        {segments.map((s, i) => {
          const x1 = x(s.from);
          const x2 = x(addDays(s.to, 1));
          if (s.mmePerDay === null) {
            return <rect key={i} aria-hidden="true" x={x1} y={PAD.top} width={Math.max(1, x2 - x1)} height={H - PAD.top - PAD.bottom} fill="url(#gap-hatch)" opacity="0.5" data-testid="dose-gap" />;
          }
          return <line key={i} aria-hidden="true" x1={x1} x2={x2} y1={y(s.mmePerDay)} y2={y(s.mmePerDay)} stroke="#1565c0" strokeWidth="3" strokeDasharray={s.complete ? undefined : '6 3'} />;
        })}
        {course.changes.map((c, i) => (
          <g key={`${c.date}-${i}`} tabIndex={0} role="img" aria-label={changeLabel(c)} onFocus={() => setActive(i)} onMouseEnter={() => setActive(i)} onBlur={() => setActive(null)} style={{ outline: 'none', cursor: 'pointer' }}>
            <title>{changeLabel(c)}</title>
            <line x1={x(c.date)} x2={x(c.date)} y1={PAD.top} y2={H - PAD.bottom} stroke={c.kind === 'decrease' || c.kind === 'stop' ? '#6a1b9a' : '#455a64'} strokeWidth={active === i ? 3 : 1} />
            <circle cx={x(c.date)} cy={y(c.toMme ?? 0)} r="5" fill="#fff" stroke="#263238" strokeWidth="2" />
          </g>
        ))}
        <text aria-hidden="true" x={PAD.left} y={H - 6} fontSize="12" fill="#37474f">{formatDate(segments[0].from)}</text>
        <text aria-hidden="true" x={W - PAD.right} y={H - 6} textAnchor="end" fontSize="12" fill="#37474f">{formatDate(segments.at(-1)!.to)}</text>
      </Box>
      <Typography variant="body2" sx={{ minHeight: '1.5em' }} data-testid="dose-change-detail">
        {shown ? changeLabel(shown) : 'Hover or tab to a change to see what changed.'}
      </Typography>
      <Typography variant="caption" color="text.secondary" component="p">
        Solid line: MME/day; dashed: at least that (a dose could not be read); hatched: no dose could be computed for
        that period (a gap, not zero). Lines at {thresholds.caution} and {thresholds.high} MME/day.
      </Typography>
    </Box>
  );
}
