/**
 * How far back the medication orders were read, said where it matters ("No opioid orders" is never the whole
 * history when only two years were read), with "Show older orders" to read the rest on demand.
 */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { IsoDate } from '../../clinical/types.ts';
import { formatDate } from '../format.ts';

export interface OrdersWindowProps {
  /** Earliest date the orders cover; null: the whole record; undefined: not stated (a file, a test). */
  since: IsoDate | null | undefined;
  older: { state: 'idle' | 'loading' | 'done' | 'failed'; reason?: string };
  onShowOlder?: () => void;
}

export function OrdersWindow({ since, older, onShowOlder }: OrdersWindowProps) {
  if (since === undefined) return null;
  if (since === null) {
    return (
      <Typography variant="caption" color="text.secondary" component="p" data-testid="orders-window">
        Orders read: the whole record.
      </Typography>
    );
  }
  return (
    <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap' }} data-testid="orders-window">
      <Typography variant="caption" color="text.secondary" component="p">
        Orders read from {formatDate(since)} on (and every undated order); older orders were not read.
        {older.state === 'failed' ? ` Older orders could not be read: ${older.reason ?? 'unknown error'}.` : ''}
      </Typography>
      {onShowOlder && (
        <Button size="small" variant="text" className="no-print" onClick={onShowOlder} disabled={older.state === 'loading'} sx={{ textTransform: 'none' }}>
          {older.state === 'loading' ? 'Reading older orders…' : older.state === 'failed' ? 'Try again' : 'Show older orders'}
        </Button>
      )}
    </Box>
  );
}

/** "since 11/22/2024" when only a window was read, else "on file". */
export function windowPhrase(since: IsoDate | null | undefined): string {
  return since ? `since ${formatDate(since)}` : 'on file';
}
