/**
 * What the user typed survives a failed save, a reload of the app frame and a relaunch in the same browser tab:
 * each form keeps its draft in sessionStorage (per patient for a request, per review for a recommendation), with
 * the request id of the content it last tried to send — a retry of the same content reuses it (the conditional
 * create then finds the first attempt instead of filing twice); changed content gets a new id, so an edit is never
 * silently replaced by an earlier attempt that did reach the server. Cleared once the save succeeds.
 */
const PREFIX = 'pain-care-panel:';

export const requestDraftKey = (patientId: string) => `${PREFIX}review-request:${patientId}`;
export const recommendationDraftKey = (reviewKey: string) => `${PREFIX}review-recommendation:${reviewKey}`;

/** The request id kept for one content. */
export interface PendingSend {
  content: string;
  id: string;
}

function storage(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    return null; // storage disabled (privacy settings): the form still keeps the text while it is open
  }
}

export function readDraft<T>(key: string): T | null {
  try {
    const raw = storage()?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function writeDraft<T>(key: string, value: T): void {
  try {
    storage()?.setItem(key, JSON.stringify(value));
  } catch {
    // full or disabled: the text stays in the form
  }
}

export function clearDraft(key: string): void {
  try {
    storage()?.removeItem(key);
  } catch {
    // nothing to clear
  }
}

export function newRequestId(): string {
  const c = globalThis.crypto;
  if (c?.randomUUID) return c.randomUUID();
  const bytes = new Uint8Array(16);
  c.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The id to send this content with: the kept one when the content is unchanged, else a new one. */
export function requestIdFor(content: string, pending: PendingSend | null | undefined): PendingSend {
  return pending && pending.content === content ? pending : { content, id: newRequestId() };
}
