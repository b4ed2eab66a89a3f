/**
 * Unsaved PEG answers and PDMP ticks, kept in sessionStorage per FHIR server and patient until they are saved or
 * discarded, so neither a session that ends at the moment of saving nor a reload loses them. A draft holds what
 * was typed and, when a save was sent, that save's request id (so saving again after a relaunch cannot file it
 * twice). The key and the stored record both name the server and the patient; a record that does not name the
 * patient being read is never returned, so one patient's answers can never appear in another's form.
 *
 * @example
 *   const owner = { serverUrl: 'https://ehr.example/fhir', patientId: 'p1' };
 *   writeDraft(sessionStorage, owner, 'peg', { day: '2026-11-22', input: { pain: '5', enjoyment: '', activity: '' }, pending: null });
 *   readDraft(sessionStorage, owner, 'peg')?.input // { pain: '5', enjoyment: '', activity: '' }
 */
import type { IsoDate } from '../clinical/types.ts';
import type { PegAnswers } from '../fhir/observation-builders.ts';
import type { WriteFailure } from '../fhir/writes.ts';

export type DraftKind = 'peg' | 'pdmp';

/** The raw text of the three PEG answers, as typed. */
export type PegDraftInput = Record<keyof PegAnswers, string>;
export interface PdmpDraftInput {
  checked: boolean;
}
export interface DraftInputs {
  peg: PegDraftInput;
  pdmp: PdmpDraftInput;
}

/** A save that was sent and not confirmed: its request id stays with the entry. */
export interface PendingWrite {
  clientRequestId: string;
  effectiveDateTime: string;
  answers: PegAnswers | null;
  /** The save may have reached the chart (its answer was lost, or the app closed while it was under way). */
  outcomeUnknown: boolean;
  error: WriteFailure | null;
}

export interface Draft<K extends DraftKind = DraftKind> {
  /** The clinic day the answers were entered. */
  day: IsoDate;
  input: DraftInputs[K] | null;
  pending: PendingWrite | null;
}

export interface DraftOwner {
  serverUrl: string;
  patientId: string;
}

interface StoredDraft<K extends DraftKind> extends Draft<K> {
  v: 1;
  kind: K;
  serverUrl: string;
  patientId: string;
}

const PREFIX = 'pain-care-panel:draft:v1';

export function draftKey(owner: DraftOwner, kind: DraftKind): string {
  return `${PREFIX}:${kind}:${encodeURIComponent(owner.serverUrl)}:${encodeURIComponent(owner.patientId)}`;
}

/** sessionStorage when the browser lets the app use it (a sandboxed frame or a full quota may not), else null. */
export function browserDraftStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isPegInput = (v: unknown): v is PegDraftInput =>
  isObject(v) && ['pain', 'enjoyment', 'activity'].every((k) => typeof v[k] === 'string' && (v[k] as string).length <= 8);
const isPdmpInput = (v: unknown): v is PdmpDraftInput => isObject(v) && typeof v.checked === 'boolean';
const isAnswers = (v: unknown): v is PegAnswers =>
  isObject(v) && ['pain', 'enjoyment', 'activity'].every((k) => Number.isInteger(v[k]) && (v[k] as number) >= 0 && (v[k] as number) <= 10);
const isPending = (v: unknown): v is PendingWrite =>
  isObject(v) &&
  typeof v.clientRequestId === 'string' &&
  v.clientRequestId.length > 0 &&
  typeof v.effectiveDateTime === 'string' &&
  (v.answers === null || isAnswers(v.answers)) &&
  typeof v.outcomeUnknown === 'boolean' &&
  (v.error === null || (isObject(v.error) && typeof v.error.message === 'string' && typeof v.error.kind === 'string'));

/** This patient's draft of one kind, or null (none, unreadable, or recorded for anyone else). */
export function readDraft<K extends DraftKind>(storage: Storage | null, owner: DraftOwner, kind: K): Draft<K> | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(draftKey(owner, kind)) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  let stored: unknown;
  try {
    stored = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isObject(stored) || stored.v !== 1 || stored.kind !== kind) return null;
  if (stored.serverUrl !== owner.serverUrl || stored.patientId !== owner.patientId) return null;
  const input = stored.input === null ? null : kind === 'peg' ? (isPegInput(stored.input) ? stored.input : undefined) : isPdmpInput(stored.input) ? stored.input : undefined;
  const pending = stored.pending === null ? null : isPending(stored.pending) ? stored.pending : undefined;
  if (input === undefined || pending === undefined || typeof stored.day !== 'string') return null;
  return { day: stored.day, input: input as DraftInputs[K] | null, pending };
}

/** Stores (or, given null or an empty draft, removes) this patient's draft; a full or refused storage is ignored. */
export function writeDraft<K extends DraftKind>(storage: Storage | null, owner: DraftOwner, kind: K, draft: Draft<K> | null): void {
  if (!storage) return;
  const key = draftKey(owner, kind);
  try {
    if (!draft || (draft.input === null && draft.pending === null)) storage.removeItem(key);
    else {
      const stored: StoredDraft<K> = { v: 1, kind, serverUrl: owner.serverUrl, patientId: owner.patientId, ...draft };
      storage.setItem(key, JSON.stringify(stored));
    }
  } catch {
    // Quota or a storage the browser refuses: the draft still lives in memory for this page.
  }
}
