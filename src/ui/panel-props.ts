/** Everything the panel layout needs, already mapped from the store (see usePanelProps). */
import type { Policy } from '../clinical/policy/types.ts';
import type { IsoDate, LoadStatus, PanelSummary, SourceKey } from '../clinical/types.ts';
import type { SectionId } from './panel-status.ts';
import type { SectionStatus } from './section-status.ts';
import type { DataNoteLine } from './sections/DataNotesSection.tsx';
import type { MmeThresholds } from './sections/MmeBands.tsx';
import type { OrdersWindowProps } from './shared/OrdersWindow.tsx';

export interface PanelProps {
  /** Null until the policy and the clock are known (sections show loading) or when the policy is broken. */
  summary: PanelSummary | null;
  asOf: IsoDate | null;
  load: LoadStatus;
  loadedAt: string | null;
  statuses: Record<SectionId, SectionStatus>;
  notes: DataNoteLine[];
  counts: Partial<Record<SourceKey, number>>;
  canWrite: boolean;
  policyErrors: string[] | null;
  sessionError: { message: string } | null;
  thresholds: MmeThresholds;
  improvementPct: number;
  /** How far back the orders were read, and "Show older orders". */
  orders: OrdersWindowProps;
  /** The clinic policy (the refill check reads its refill share); null until loaded. */
  policy: Policy | null;
}
