/**
 * The chunks index.html loads after its first chunk: the clinical engine (started before the token exchange, so
 * it arrives while the searches run), the panel's lower part and the session-ended overlay.
 */
import { loadEngine } from '../store/engine.ts';
import { panelDetails } from '../ui/PanelDetailsSlot.tsx';
import { sessionEndedDialog } from '../ui/drafts/session-ended-slot.ts';

export async function preloadLaterChunks(): Promise<void> {
  await Promise.all([loadEngine(), panelDetails.preload(), sessionEndedDialog.preload()]);
}
