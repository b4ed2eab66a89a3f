/** The printable case review in its own chunk: opened on demand from a review, never needed for the first screen. */
import { Spinner } from '../shared/Spinner.tsx';
import { preloadable } from '../shared/preloadable.tsx';
import type { CaseReviewPanelProps } from './CaseReviewPanel.tsx';

export const caseReviewPanel = preloadable<CaseReviewPanelProps>(() => import('./CaseReviewPanel.tsx').then((m) => m.CaseReviewPanel));

export function CaseReviewSlot(props: CaseReviewPanelProps) {
  return <caseReviewPanel.Component {...props} fallback={<Spinner size={20} label="Loading the case review" />} />;
}
