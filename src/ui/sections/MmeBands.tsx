/**
 * A horizontal scale with the clinic's bands marked (default 50 and 90 MME/day) and the patient's total.
 * Decorative for sighted users; the same facts are in the text next to it.
 */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { formatNumber } from '../format.ts';

import type { MmeThresholds } from '../thresholds.ts';

export type { MmeThresholds } from '../thresholds.ts';

export function bandOf(total: number, t: MmeThresholds): 'below' | 'caution' | 'high' {
  if (total >= t.high) return 'high';
  if (total >= t.caution) return 'caution';
  return 'below';
}

const BAND_TEXT = {
  below: (t: MmeThresholds) => `below ${formatNumber(t.caution)} MME/day`,
  caution: (t: MmeThresholds) => `at or above ${formatNumber(t.caution)} MME/day (reassess benefits and risks)`,
  high: (t: MmeThresholds) => `at or above ${formatNumber(t.high)} MME/day (high-dose band)`,
};

export function MmeBands({ total, atLeast, thresholds }: { total: number; atLeast: boolean; thresholds: MmeThresholds }) {
  const max = Math.max(thresholds.high * 1.35, total * 1.1);
  const pct = (value: number) => `${Math.min(100, (value / max) * 100)}%`;
  const band = bandOf(total, thresholds);
  return (
    <Box sx={{ my: 1.5 }}>
      <Box aria-hidden="true" sx={{ position: 'relative', height: 14, borderRadius: 1, overflow: 'hidden', bgcolor: '#edf7ed' }}>
        <Box sx={{ position: 'absolute', left: pct(thresholds.caution), right: 0, top: 0, bottom: 0, bgcolor: '#fff4e5' }} />
        <Box sx={{ position: 'absolute', left: pct(thresholds.high), right: 0, top: 0, bottom: 0, bgcolor: '#fdecea' }} />
        <Box sx={{ position: 'absolute', left: 0, width: pct(total), top: 4, height: 6, bgcolor: '#37474f' }} />
      </Box>
      <Box aria-hidden="true" sx={{ position: 'relative', height: 18, fontSize: 12 }}>
        {[thresholds.caution, thresholds.high].map((mark) => (
          <Box key={mark} sx={{ position: 'absolute', left: pct(mark), transform: 'translateX(-50%)', borderLeft: '2px solid #37474f', pl: 0.5 }}>
            {formatNumber(mark)}
          </Box>
        ))}
      </Box>
      <Typography variant="body2">
        {atLeast ? 'At least ' : ''}
        {formatNumber(total)} MME/day is {BAND_TEXT[band](thresholds)}. Bands: {formatNumber(thresholds.caution)} and{' '}
        {formatNumber(thresholds.high)} MME/day.
      </Typography>
    </Box>
  );
}
