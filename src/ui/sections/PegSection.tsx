/**
 * PEG tracker: the trend (needs the survey search) and today's entry (needs only write permission), so a
 * failed survey search still lets the MA record today's PEG.
 */
import Box from '@mui/material/Box';
import type { IsoDate, PegHistory } from '../../clinical/types.ts';
import type { SectionStatus } from '../section-status.ts';
import { StatusGate } from '../shared/SectionBoundary.tsx';
import { OrdersWindow, type OrdersWindowProps } from '../shared/OrdersWindow.tsx';
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
      <StatusGate status={chartStatus} title="PEG trend" render={() => (peg ? <PegChart peg={peg} improvementPct={improvementPct} /> : null)} />
      {peg?.baselineUnknown && orders && <OrdersWindow {...orders} />}
      <PegEntryForm asOf={asOf} canWrite={canWrite} />
    </Box>
  );
}
