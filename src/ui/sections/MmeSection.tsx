/**
 * Total MME/day with the factor edition, the 50/90 bands, "at least N" when an order could not be
 * converted, a per-order table whose rows expand to the arithmetic, and the excluded/unknown orders
 * with their reasons. An unknown order is never shown as 0.
 */
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { MmeOrderResult, MmeResult } from '../../clinical/types.ts';
import { EDITION_LABEL } from '../labels.ts';
import { mmeHeadline } from '../mme-text.ts';
import { usDates } from '../format.ts';
import { MmeBands, type MmeThresholds } from './MmeBands.tsx';
import { MmeOrderTable } from './MmeOrderTable.tsx';
import { OrdersWindow, windowPhrase, type OrdersWindowProps } from '../shared/OrdersWindow.tsx';

export interface MmeProps {
  mme: MmeResult;
  thresholds?: MmeThresholds;
  /** How far back the orders were read (never "no opioid orders" for the whole history when only a window was). */
  orders?: OrdersWindowProps;
}

export const DEFAULT_THRESHOLDS: MmeThresholds = { caution: 50, high: 90 };

export function MmeSection({ mme, thresholds = DEFAULT_THRESHOLDS, orders }: MmeProps) {
  const counted = mme.orders.filter((o) => o.status === 'counted');
  const unknown = mme.orders.filter((o) => o.status === 'unknown');
  const excluded = mme.orders.filter((o) => o.status === 'excluded');
  return (
    <Box>
      <Typography variant="h5" component="p" sx={{ fontWeight: 700 }} data-testid="mme-total">
        {mmeHeadline(mme)}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        Using {EDITION_LABEL[mme.edition] ?? mme.edition}. Sum of the counted orders below.
      </Typography>
      {(mme.totalPerDay !== null || mme.atLeast > 0) && (
        <MmeBands total={mme.complete ? (mme.totalPerDay ?? 0) : mme.atLeast} atLeast={!mme.complete} thresholds={thresholds} />
      )}
      {counted.length > 0 && <MmeOrderTable orders={counted} />}
      <OrderList title="Could not be converted (not counted as 0)" orders={unknown} testId="mme-unknown" />
      <OrderList title="Not counted" orders={excluded} testId="mme-excluded" collapseAfter={3} />
      {mme.orders.length === 0 && <Typography sx={{ mt: 1 }}>No opioid orders {windowPhrase(orders?.since)}.</Typography>}
      {orders && <OrdersWindow {...orders} />}
    </Box>
  );
}

interface OrderListProps {
  title: string;
  orders: MmeOrderResult[];
  testId: string;
  /** Long histories (monthly fills) show the first few and a button for the rest. */
  collapseAfter?: number;
}

function OrderList({ title, orders, testId, collapseAfter = Infinity }: OrderListProps) {
  const [all, setAll] = useState(false);
  if (orders.length === 0) return null;
  const shown = all ? orders : orders.slice(0, collapseAfter);
  return (
    <Box sx={{ mt: 2 }} data-testid={testId}>
      <Typography component="h3" variant="subtitle2">
        {title}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 3 }}>
        {shown.map((order) => (
          <li key={order.medicationRequestId}>
            <Typography variant="body2">
              <strong>{order.medication}</strong> — {usDates(order.reason)}
              {order.derivation ? ` (${usDates(order.derivation)})` : ''}
            </Typography>
          </li>
        ))}
      </Box>
      {orders.length > collapseAfter && (
        <Button size="small" aria-expanded={all} onClick={() => setAll(!all)} sx={{ textTransform: 'none' }}>
          {all ? 'Show fewer' : `Show all ${orders.length} orders not counted`}
        </Button>
      )}
    </Box>
  );
}
