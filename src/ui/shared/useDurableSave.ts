/**
 * A form's view of one chart write (PEG entry or PDMP check): the draft it edits and the save's state, both owned
 * by the store's writes slice (src/store/writes-slice.ts), which alone decides a save's request id — so a retry,
 * an edit, a session expiry or a reload can neither lose the answers nor file them twice.
 *
 * @example
 *   const peg = useDurableSave('peg');
 *   peg.setInput({ pain: '5', enjoyment: '4', activity: '4' });
 *   await peg.submit({ pain: 5, enjoyment: 4, activity: 4 }); // peg.phase: 'saving' → 'saved' | 'failed' | 'found-earlier'
 */
import { useCallback } from 'react';
import type { PegAnswers } from '../../fhir/observation-builders.ts';
import type { DraftInputs } from '../../store/drafts.ts';
import { usePanelStore } from '../../store/index.ts';
import type { WriteKind, WriteStatus } from '../../store/writes-slice.ts';

export type SavePhase = WriteStatus;

/** The failure in words, as a sentence (the form follows it with what Retry will do). */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

export function useDurableSave<K extends WriteKind>(kind: K) {
  const write = usePanelStore((s) => s.writes[kind]);
  const draft = usePanelStore((s) => s.drafts[kind]);
  const sessionEnded = usePanelStore((s) => s.sessionError?.kind === 'session-expired');

  const setInput = useCallback((input: DraftInputs[K]) => usePanelStore.getState().setDraftInput(kind, input), [kind]);
  const discard = useCallback(() => usePanelStore.getState().discardDraft(kind), [kind]);
  const keepEarlier = useCallback(() => usePanelStore.getState().keepEarlier(kind), [kind]);
  /** Saves (PEG: these answers; PDMP: the attestation); resolves true when the chart confirmed it. */
  const submit = useCallback(
    async (answers?: PegAnswers): Promise<boolean> => {
      const store = usePanelStore.getState();
      const done = kind === 'peg' ? await store.savePeg(answers!) : await store.attestPdmp();
      return done.status === 'saved';
    },
    [kind],
  );
  const saveCorrection = useCallback(async () => (await usePanelStore.getState().savePegCorrection()).status === 'saved', []);

  return {
    phase: write.status,
    error: write.error ? sentence(write.error.message) : null,
    write,
    draft,
    /** Unsaved answers came back from an earlier page of this patient (reload or relaunch). */
    restored: draft?.restored === true,
    /** A save was sent and not confirmed (kept across reloads): saving again will not file it twice. */
    unconfirmed: write.status === 'idle' && write.clientRequestId !== null,
    /** Something to discard: typed answers, or a save that the chart has not confirmed. */
    hasDraft: draft !== null || (write.clientRequestId !== null && write.status !== 'saved'),
    sessionEnded,
    setInput,
    discard,
    keepEarlier,
    submit,
    saveCorrection,
  };
}
