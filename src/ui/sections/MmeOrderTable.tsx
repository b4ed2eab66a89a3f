/** Counted orders, one row each; the medication name is a button that expands the row to its arithmetic. */
import { Fragment, useState } from 'react';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { MmeOrderResult } from '../../clinical/types.ts';
import { formatFactor, formatNumber } from '../format.ts';
import { useEngineText } from '../engine-text.ts';
import { flagText } from '../labels.ts';
import { ExpandIcon } from '../shared/icons.tsx';

export function MmeOrderTable({ orders }: { orders: MmeOrderResult[] }) {
  const et = useEngineText();
  const [open, setOpen] = useState<Record<string, boolean>>({});
  const toggle = (id: string) => setOpen((o) => ({ ...o, [id]: !o[id] }));
  return (
    <Table size="small" sx={{ mt: 1 }} aria-label="MME by order">
      <TableHead>
        <TableRow>
          <TableCell>Order (select to see the arithmetic)</TableCell>
          <TableCell align="right">MME/day</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {orders.map((order) => {
          const id = order.medicationRequestId;
          const detailId = `mme-derivation-${id}`;
          return (
            <Fragment key={id}>
              <TableRow>
                <TableCell sx={{ borderBottom: open[id] ? 'none' : undefined }}>
                  <Button
                    size="small"
                    aria-expanded={Boolean(open[id])}
                    aria-controls={open[id] ? detailId : undefined}
                    onClick={() => toggle(id)}
                    endIcon={<ExpandIcon sx={{ transform: open[id] ? 'rotate(180deg)' : 'none' }} />}
                    sx={{ textTransform: 'none', textAlign: 'left', justifyContent: 'flex-start', p: 0.5 }}
                  >
                    {order.medication}
                  </Button>
                  {order.reason && (
                    <Typography variant="body2" color="text.secondary" sx={{ pl: 0.5 }}>
                      {et(order.reason)}
                    </Typography>
                  )}
                </TableCell>
                <TableCell align="right" sx={{ fontWeight: 700, whiteSpace: 'nowrap' }}>
                  {order.mmePerDay === null ? '—' : formatNumber(order.mmePerDay)}
                </TableCell>
              </TableRow>
              {open[id] && (
                <TableRow id={detailId}>
                  <TableCell colSpan={2}>
                    <Derivation order={order} />
                  </TableCell>
                </TableRow>
              )}
            </Fragment>
          );
        })}
      </TableBody>
    </Table>
  );
}

function Derivation({ order }: { order: MmeOrderResult }) {
  const et = useEngineText();
  return (
    <>
      <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
        {et(order.derivation)}
      </Typography>
      {order.ingredients.map((line) => (
        <Typography key={line.ingredient} variant="body2" color="text.secondary">
          {line.ingredient}: {formatNumber(line.strength)} {line.strengthUnit}
          {line.dailyAmount !== null && ` · ${formatNumber(line.dailyAmount)} ${line.amountUnit}`}
          {line.factor !== null && ` · factor ${formatFactor(line.factor)}`}
          {line.factorSource && ` (${line.factorSource})`}
        </Typography>
      ))}
      {order.flags.length > 0 && (
        <Typography variant="body2" color="text.secondary">
          Notes: {order.flags.map(flagText).join('; ')}
        </Typography>
      )}
    </>
  );
}
