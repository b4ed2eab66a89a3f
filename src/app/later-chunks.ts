/**
 * The chunks index.html loads after its first chunk: the clinical engine (started before the token exchange, so
 * it arrives while the searches run), the panel's lower part, the session-ended overlay and the case review.
 */
import { loadEngine } from '../store/engine.ts';
import { panelDetails } from '../ui/PanelDetailsSlot.tsx';
import { sessionEndedDialog } from '../ui/drafts/session-ended-slot.ts';
import { caseReviewPanel } from '../ui/review/case-review-slot.tsx';

export async function preloadLaterChunks(): Promise<void> {
  await Promise.all([loadEngine(), panelDetails.preload(), sessionEndedDialog.preload(), caseReviewPanel.preload()]);
}
