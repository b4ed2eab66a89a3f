/**
 * Total MME/day with the factor edition, the 50/90 bands, "at least N" when an order could not be
 * converted, a per-order table whose rows expand to the arithmetic, and the excluded/unknown orders
 * with their reasons. An unknown order is never shown as 0.
 */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { MmeOrderResult, MmeResult } from '../../clinical/types.ts';
import { EDITION_LABEL } from '../labels.ts';
import { mmeHeadline } from '../mme-text.ts';
import { formatDate, plural } from '../format.ts';
import { useEngineText } from '../engine-text.ts';
import { groupBy, productKey, type Group } from '../grouping.ts';
import { DisclosureButton, DisclosurePanel, useDisclosure } from '../shared/Disclosure.tsx';
import { MmeBands, type MmeThresholds } from './MmeBands.tsx';
import { DEFAULT_THRESHOLDS } from '../thresholds.ts';
import { MmeOrderTable } from './MmeOrderTable.tsx';
import { OrdersWindow, windowPhrase, type OrdersWindowProps } from '../shared/OrdersWindow.tsx';

export interface MmeProps {
  mme: MmeResult;
  thresholds?: MmeThresholds;
  /** How far back the orders were read (never "no opioid orders" for the whole history when only a window was). */
  orders?: OrdersWindowProps;
}


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
      <OrderList title="Not counted" orders={excluded} testId="mme-excluded" />
      {mme.orders.length === 0 && <Typography sx={{ mt: 1 }}>No opioid orders {windowPhrase(orders?.since)}.</Typography>}
      {orders && <OrdersWindow {...orders} />}
    </Box>
  );
}

interface OrderListProps {
  title: string;
  orders: MmeOrderResult[];
  testId: string;
}

/**
 * Orders not counted or not converted, one line per product (the latest order and its reason, how many orders,
 * their date range); a product's line expands to every order with its own reason.
 */
function OrderList({ title, orders, testId }: OrderListProps) {
  const groups = groupBy(orders, (o) => productKey(o.medication), (o) => o.authoredOn);
  if (orders.length === 0) return null;
  return (
    <Box sx={{ mt: 2 }} data-testid={testId}>
      <Typography component="h3" variant="subtitle2">
        {title}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 3 }}>
        {groups.map((g) => (
          <OrderGroupLine key={g.key} group={g} />
        ))}
      </Box>
    </Box>
  );
}

function OrderGroupLine({ group }: { group: Group<MmeOrderResult> }) {
  const et = useEngineText();
  const all = useDisclosure();
  const o = group.latest;
  const n = group.items.length;
  const when = (d: string | null) => (d ? formatDate(d) : 'undated');
  return (
    <li>
      <Typography variant="body2">
        <strong>{o.medication}</strong> — {et(o.reason)}
        {o.derivation && o.derivation !== 'not counted — duplicate' ? ` (${et(o.derivation)})` : ''}
        {n > 1 && ` · ${plural(n, 'order')}, ${group.first === group.last ? when(group.last) : `${when(group.first)} – ${when(group.last)}`}`}
      </Typography>
      {n > 1 && (
        <>
          <DisclosureButton open={all.open} onToggle={all.toggle} controls={all.id} label={`Show all ${n} orders of ${o.medication}`}>
            {all.open ? 'Hide the orders' : `Show all ${n} orders`}
          </DisclosureButton>
          <DisclosurePanel id={all.id} open={all.open}>
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {group.items.map((x) => (
                <Typography component="li" variant="body2" key={x.medicationRequestId}>
                  {when(x.authoredOn)}: {et(x.reason)}
                </Typography>
              ))}
            </Box>
          </DisclosurePanel>
        </>
      )}
    </li>
  );
}
