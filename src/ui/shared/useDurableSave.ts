/**
 * Save state for a chart write that must never lose the user's answers nor duplicate on retry.
 * One clientRequestId is minted for the first attempt and reused by every retry until a save
 * succeeds (the write uses it for a conditional create), then a fresh one is minted for the next entry.
 * If the user changes the answers after a failure, the retry is a different entry and gets a new id:
 * otherwise a first attempt that did reach the server would be "found" and the new values silently dropped.
 */
import { useCallback, useRef, useState } from 'react';

export type SavePhase = 'idle' | 'saving' | 'failed' | 'saved';

export interface SaveState {
  phase: SavePhase;
  error: string | null;
}

export type SaveFn<T> = (input: T, clientRequestId: string) => Promise<void>;

export function newRequestId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The failure in words, as a sentence (it is shown followed by "Retry will not create a duplicate."). */
function message(error: unknown): string {
  const text = (error instanceof Error && error.message ? error.message : String(error)).trim();
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function useDurableSave<T>(save: SaveFn<T>) {
  const [state, setState] = useState<SaveState>({ phase: 'idle', error: null });
  const requestId = useRef<{ id: string; key: string } | null>(null);
  const inFlight = useRef(false);

  const submit = useCallback(
    async (input: T): Promise<boolean> => {
      if (inFlight.current) return false; // a double click must not send twice
      inFlight.current = true;
      const key = JSON.stringify(input);
      if (requestId.current?.key !== key) requestId.current = { id: newRequestId(), key };
      setState({ phase: 'saving', error: null });
      try {
        await save(input, requestId.current.id);
        requestId.current = null;
        setState({ phase: 'saved', error: null });
        return true;
      } catch (error) {
        setState({ phase: 'failed', error: message(error) });
        return false;
      } finally {
        inFlight.current = false;
      }
    },
    [save],
  );

  const dismiss = useCallback(() => setState({ phase: 'idle', error: null }), []);
  return { ...state, submit, dismiss };
}
