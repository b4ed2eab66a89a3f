/**
 * PEG tracker: the trend (needs the survey search) and today's entry (needs only write permission), so a
 * failed survey search still lets the MA record today's PEG.
 */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { IsoDate, PegHistory } from '../../clinical/types.ts';
import type { SectionStatus } from '../section-status.ts';
import { StatusGate } from '../shared/SectionBoundary.tsx';
import { OrdersWindow, type OrdersWindowProps } from '../shared/OrdersWindow.tsx';
import { formatDate, plural } from '../format.ts';
import { pegWindow, windowed } from '../peg-window.ts';
import { PegChart } from './PegChart.tsx';
import { PegEntryForm } from './PegEntryForm.tsx';

export interface PegSectionProps {
  peg: PegHistory | null;
  chartStatus: SectionStatus;
  asOf: IsoDate;
  canWrite: boolean;
  /** Clinic policy: the improvement marked on the chart (default 30%). */
  improvementPct?: number;
  /** When the course began before the orders read, the baseline is unknown: offer to read older orders. */
  orders?: OrdersWindowProps;
}

export function PegSection({ peg, chartStatus, asOf, canWrite, improvementPct, orders }: PegSectionProps) {
  return (
    <Box>
      <StatusGate status={chartStatus} title="PEG trend" render={() => (peg ? <PegTrend peg={peg} asOf={asOf} improvementPct={improvementPct} /> : null)} />
      {peg?.baselineUnknown && orders && <OrdersWindow {...orders} />}
      <Box className="no-print">
        <PegEntryForm asOf={asOf} canWrite={canWrite} />
      </Box>
    </Box>
  );
}

/** The chart over the current course or the last 2 years, with a control to see every score. */
function PegTrend({ peg, asOf, improvementPct }: { peg: PegHistory; asOf: IsoDate; improvementPct?: number }) {
  const [all, setAll] = useState(false);
  const w = pegWindow(peg, asOf);
  const shown = windowed(peg, all ? null : w.from);
  return (
    <Box>
      {w.hidden > 0 && (
        <Box className="no-print" sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 1, mb: 0.5 }} data-testid="peg-window">
          <Typography variant="body2" color="text.secondary">
            {all
              ? `All ${plural(peg.entries.length, 'PEG score')} since ${formatDate(peg.entries[0].date)}.`
              : `${w.course ? 'Current opioid course' : 'Last 2 years'}: ${plural(shown.entries.length, 'score')} since ${formatDate(w.from)}.`}
          </Typography>
          <Button size="small" variant="text" aria-pressed={all} onClick={() => setAll(!all)} sx={{ textTransform: 'none' }}>
            {all ? (w.course ? 'Show the current course only' : 'Show the last 2 years only') : `Show all ${peg.entries.length} scores`}
          </Button>
        </Box>
      )}
      <PegChart peg={shown} improvementPct={improvementPct} />
    </Box>
  );
}
