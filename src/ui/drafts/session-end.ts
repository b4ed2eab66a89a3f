/**
 * When the session ends (the EHR refuses the token and no refresh helps), what replaces what: a panel that is in
 * use — some of the record was read, or the user typed or saved something — stays on screen under an overlay
 * (its answers are kept in the draft); a launch that never showed anything keeps the full "session expired" page.
 * Also the words for what the overlay says is kept.
 */
import type { PanelState } from '../../store/index.ts';
import { parseDraft } from '../peg.ts';

export type SessionEndView = 'page' | 'overlay' | null;

/** Something on screen is worth keeping: data that was read, answers that were typed, a save that was tried. */
export function panelInUse(s: Pick<PanelState, 'loadStatus' | 'drafts' | 'writes'>): boolean {
  const read = Object.values(s.loadStatus).some((status) => status?.state === 'loaded' || status?.state === 'partial');
  const typed = s.drafts.peg !== null || s.drafts.pdmp !== null;
  const tried = s.writes.peg.status !== 'idle' || s.writes.pdmp.status !== 'idle';
  return read || typed || tried;
}

export function sessionEndView(s: Pick<PanelState, 'sessionError' | 'loadStatus' | 'drafts' | 'writes'>): SessionEndView {
  if (s.sessionError?.kind !== 'session-expired') return null;
  return panelInUse(s) ? 'overlay' : 'page';
}

/** "Your unsaved PEG answers (pain 5, enjoyment 4, activity 4) and PDMP check are kept …", or null when nothing is. */
export function keptDraftsText(s: Pick<PanelState, 'drafts'>): string | null {
  const items: string[] = [];
  const peg = s.drafts.peg?.input;
  if (peg) {
    const a = parseDraft(peg);
    items.push(a ? `PEG answers (pain ${a.pain}, enjoyment ${a.enjoyment}, activity ${a.activity})` : 'PEG answers');
  }
  if (s.drafts.pdmp?.input.checked) items.push('PDMP check');
  if (items.length === 0) return null;
  const verb = items.length > 1 || s.drafts.peg ? 'are' : 'is';
  return `Your unsaved ${items.join(' and ')} ${verb} kept on this device for this patient and will be back in the form when you relaunch the app from the chart.`;
}
