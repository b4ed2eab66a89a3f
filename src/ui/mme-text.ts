/** The MME headline in words, shared by the MME section and the note text so the two never disagree. */
import type { MmeResult } from '../clinical/types.ts';
import { formatNumber, plural } from './format.ts';

/** e.g. "30 MME/day" or "At least 30 MME/day — 1 order could not be converted". */
export function mmeHeadline(mme: MmeResult): string {
  const unknown = mme.orders.filter((o) => o.status === 'unknown').length;
  const counted = mme.orders.filter((o) => o.status === 'counted').length;
  if (!mme.complete && mme.atLeast > 0) {
    return `At least ${formatNumber(mme.atLeast)} MME/day — ${plural(unknown, 'order')} could not be converted (verify)`;
  }
  if (mme.totalPerDay === null || !mme.complete) {
    return `Could not compute MME — ${plural(unknown, 'opioid order')} could not be converted`;
  }
  const total = `${formatNumber(mme.totalPerDay)} MME/day`;
  if (counted === 0) return `${total} — no current opioid orders are counted`;
  return total;
}
