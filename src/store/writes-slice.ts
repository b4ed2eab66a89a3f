/**
 * Saving from the panel (PEG entry, PDMP attestation) and the drafts behind the two forms. This slice is the one
 * owner of a save's request id: it is minted for a new entry and stays with the entry — through retries, edits,
 * session expiry and reload (it is kept in the draft) — until the chart confirms the save or the draft is
 * discarded. So:
 * - a retry re-sends the same request id, and the write can never file it twice (see src/fhir/writes.ts);
 * - an edited retry of a save that may already be on the chart (its answer was lost) first looks for it by its
 *   identifier; if it is there with the earlier answers the form says so and offers to keep them or to save the
 *   edited answers as a correction (a new entry naming the earlier one) — never a silent second Observation.
 * Drafts (what was typed, and the pending save) are kept per server and patient in sessionStorage (drafts.ts)
 * and restored when the same patient is launched again.
 */
import type { Observation } from 'fhir/r4';
import type { StateCreator } from 'zustand';
import { pegAnswersOf, sameAnswers, type PegAnswers, type PegCorrection } from '../fhir/observation-builders.ts';
import { SESSION_EXPIRED_MESSAGE } from '../fhir/types.ts';
import type { SaveOptions, WriteFailure, WriteResult } from '../fhir/writes.ts';

// The FHIR writes load with the first save (their chunk is not part of the first screen).
const fhirWrites = () => import('../fhir/writes.ts');
import { clinicInstant } from './clock.ts';
import {
  browserDraftStorage,
  readDraft,
  writeDraft,
  type DraftInputs,
  type DraftKind,
  type DraftOwner,
  type PendingWrite,
} from './drafts.ts';
import type { PanelState } from './index.ts';

export type WriteKind = DraftKind;

export type WriteStatus =
  | 'idle'
  | 'saving'
  | 'saved'
  | 'failed'
  /** The earlier save of this entry is on the chart with other answers than the form's: keep it or correct it. */
  | 'found-earlier';

export interface WriteState {
  status: WriteStatus;
  /** The answers being saved, that failed to save, or that were saved (PEG; null for the PDMP check). */
  answers: PegAnswers | null;
  /** The entry's request id (its identifier on the chart); null before the first save of an entry. */
  clientRequestId: string | null;
  effectiveDateTime: string | null;
  error: WriteFailure | null;
  /** A save of this entry may be on the chart although no answer said so: the next save with other answers looks first. */
  outcomeUnknown: boolean;
  observationId: string | null;
  /** status 'found-earlier': the Observation already saved under this entry's request id, with its answers. */
  earlier: { observation: Observation; answers: PegAnswers | null } | null;
  /** This entry corrects an earlier one (see savePegCorrection). */
  correction: PegCorrection | null;
}

/** What is typed in a form, the day it was typed, and whether it came back from storage (reload / relaunch). */
export interface DraftState<K extends WriteKind> {
  day: string;
  input: DraftInputs[K];
  restored: boolean;
}

export interface WriteDeps extends SaveOptions {
  newId?: () => string;
}

export interface WritesSlice {
  writes: Record<WriteKind, WriteState>;
  drafts: { peg: DraftState<'peg'> | null; pdmp: DraftState<'pdmp'> | null };
  /** Where drafts are kept (sessionStorage in the browser; tests may pass their own; null keeps them in memory). */
  draftStorage: () => Storage | null;
  /** Defaults for every save (tests: no real backoff waits). */
  writeOptions: WriteDeps;
  setDraftInput<K extends WriteKind>(kind: K, input: DraftInputs[K]): void;
  /** Forgets the typed answers and any unconfirmed save of this kind (not while a save is under way). */
  discardDraft(kind: WriteKind): void;
  savePeg(answers: PegAnswers, deps?: WriteDeps): Promise<WriteState>;
  /** After 'found-earlier': saves the form's answers as a new entry that names the earlier one as corrected. */
  savePegCorrection(deps?: WriteDeps): Promise<WriteState>;
  /** After 'found-earlier': the earlier answers stand; the draft is done. */
  keepEarlier(kind: WriteKind): void;
  attestPdmp(deps?: WriteDeps & { note?: string }): Promise<WriteState>;
  clearWrite(kind: WriteKind): void;
}

export const IDLE_WRITE: WriteState = {
  status: 'idle',
  answers: null,
  clientRequestId: null,
  effectiveDateTime: null,
  error: null,
  outcomeUnknown: false,
  observationId: null,
  earlier: null,
  correction: null,
};

const KINDS: WriteKind[] = ['peg', 'pdmp'];
const SOURCE = { peg: 'surveys', pdmp: 'pdmp' } as const;

/** The server and patient the drafts belong to; null before a patient is launched. */
export function draftOwner(s: Pick<PanelState, 'client' | 'patientId'>): DraftOwner | null {
  const serverUrl = s.client?.state?.serverUrl;
  return serverUrl && s.patientId ? { serverUrl, patientId: s.patientId } : null;
}
const ownerKey = (o: DraftOwner | null) => (o ? `${o.serverUrl}\n${o.patientId}` : null);

const isEmptyInput = (kind: WriteKind, input: DraftInputs[WriteKind]) =>
  kind === 'peg' ? Object.values(input as DraftInputs['peg']).every((v) => v.trim() === '') : !(input as DraftInputs['pdmp']).checked;

function pendingOf(w: WriteState): PendingWrite | null {
  if (!w.clientRequestId || !w.effectiveDateTime || w.status === 'saved') return null;
  // A save under way when the page closes may still reach the chart.
  const outcomeUnknown = w.outcomeUnknown || w.status === 'saving';
  return { clientRequestId: w.clientRequestId, effectiveDateTime: w.effectiveDateTime, answers: w.answers, outcomeUnknown, error: w.error };
}

export const createWritesSlice: StateCreator<PanelState, [], [], WritesSlice> = (set, get, api) => {
  const setWrite = (kind: WriteKind, w: WriteState) => set((s) => ({ writes: { ...s.writes, [kind]: w } }));
  const setDraft = <K extends WriteKind>(kind: K, d: DraftState<K> | null) => set((s) => ({ drafts: { ...s.drafts, [kind]: d } }));

  /** Writes this kind's draft and pending save under the launched patient's key (nowhere before a launch). */
  function persist(kind: WriteKind): void {
    const s = get();
    const owner = draftOwner(s);
    if (!owner) return;
    const draft = s.drafts[kind];
    const pending = pendingOf(s.writes[kind]);
    const day = draft?.day ?? s.asOf ?? '';
    writeDraft(s.draftStorage(), owner, kind, draft || pending ? { day, input: draft?.input ?? null, pending } : null);
  }

  /**
   * A new (server, patient): its stored drafts replace what is in memory. What was typed before any patient was
   * known (the form is on screen while the launch completes) is kept for the first patient, and only for it.
   */
  let owner: string | null = null;
  api.subscribe((s) => {
    const next = draftOwner(s);
    const key = ownerKey(next);
    if (key === owner) return;
    const first = owner === null;
    owner = key;
    if (!next) return;
    for (const kind of KINDS) {
      const stored = readDraft(s.draftStorage(), next, kind);
      if (stored) {
        setDraft(kind, stored.input ? { day: stored.day, input: stored.input, restored: true } : null);
        const p = stored.pending;
        setWrite(kind, p ? { ...IDLE_WRITE, clientRequestId: p.clientRequestId, effectiveDateTime: p.effectiveDateTime, answers: p.answers, outcomeUnknown: p.outcomeUnknown } : IDLE_WRITE);
      } else if (first && (get().drafts[kind] || pendingOf(get().writes[kind]))) {
        persist(kind);
      } else {
        setDraft(kind, null);
        setWrite(kind, IDLE_WRITE);
      }
    }
  });

  function newEntry(deps: WriteDeps, answers: PegAnswers | null): WriteState {
    return {
      ...IDLE_WRITE,
      status: 'saving',
      answers,
      clientRequestId: (deps.newId ?? (() => crypto.randomUUID()))(),
      effectiveDateTime: clinicInstant(get().clock),
    };
  }

  function context(pending: WriteState) {
    const { client, patientId, permissions } = get();
    if (!client || !patientId) throw new Error('The panel is not launched: no FHIR client or patient');
    return { client, patientId, ctx: { patientId, performer: permissions.fhirUser, clientRequestId: pending.clientRequestId!, effectiveDateTime: pending.effectiveDateTime! } };
  }

  /** The chart's answer to a save (or to the look-up before an edited retry) becomes the write state. */
  function settle(kind: WriteKind, pending: WriteState, result: WriteResult): WriteState {
    let next: WriteState;
    if (result.ok) {
      get().upsertResources(SOURCE[kind], [result.observation]);
      const onChart = kind === 'peg' ? pegAnswersOf(result.observation) : null;
      if (kind === 'peg' && result.existing && !sameAnswers(onChart, pending.answers)) {
        // The entry was saved before, with other answers than the form's: say so, never file a second one silently.
        next = { ...pending, status: 'found-earlier', error: null, outcomeUnknown: false, earlier: { observation: result.observation, answers: onChart } };
      } else {
        next = { ...pending, status: 'saved', error: null, outcomeUnknown: false, observationId: result.observation.id ?? null };
        setDraft(kind, null);
      }
    } else {
      next = { ...pending, status: 'failed', error: result.error, outcomeUnknown: pending.outcomeUnknown || Boolean(result.error.outcomeUnknown) };
      if (result.error.kind === 'unauthorized') get().setSessionError({ kind: 'session-expired', message: SESSION_EXPIRED_MESSAGE });
    }
    setWrite(kind, next);
    persist(kind);
    return next;
  }

  async function send(kind: WriteKind, pending: WriteState, deps: WriteDeps & { note?: string }): Promise<WriteState> {
    setWrite(kind, pending);
    persist(kind);
    const { client, ctx } = context(pending);
    const { savePegObservation, savePdmpAttestation } = await fhirWrites();
    const result =
      kind === 'peg'
        ? await savePegObservation(client, { ...pending.answers!, ...ctx }, deps, pending.correction ?? undefined)
        : await savePdmpAttestation(client, { ...ctx, note: deps.note }, deps);
    return settle(kind, pending, result);
  }

  return {
    writes: { peg: IDLE_WRITE, pdmp: IDLE_WRITE },
    drafts: { peg: null, pdmp: null },
    draftStorage: browserDraftStorage,
    writeOptions: {},

    setDraftInput(kind, input) {
      const s = get();
      const current = s.drafts[kind];
      if (s.writes[kind].status === 'saved') setWrite(kind, IDLE_WRITE); // typing after a save starts the next entry
      const empty = isEmptyInput(kind, input);
      setDraft(kind, empty && !pendingOf(get().writes[kind]) ? null : { day: current?.day ?? s.asOf ?? '', input, restored: current?.restored ?? false });
      persist(kind);
    },

    discardDraft(kind) {
      if (get().writes[kind].status === 'saving') return;
      setDraft(kind, null);
      setWrite(kind, IDLE_WRITE);
      persist(kind);
    },

    async savePeg(answers, given = {}) {
      const deps = { ...get().writeOptions, ...given };
      const prev = get().writes.peg;
      if (prev.status === 'saving') return prev; // a double click must not send twice
      // The save's date and the panel's as-of date come from the same clock: past midnight the panel first moves
      // to the new day, so it never files a record dated after the day it evaluates (and then ignores it).
      get().syncDay();
      const pendingId = prev.status === 'saved' ? null : prev.clientRequestId;
      if (!pendingId) return send('peg', newEntry(deps, answers), deps);
      const same = { ...prev, status: 'saving' as const, error: null, earlier: null };
      if (sameAnswers(prev.answers, answers)) return send('peg', same, deps); // a retry: same id, same instant
      const edited = { ...same, answers, effectiveDateTime: clinicInstant(get().clock) };
      if (!prev.outcomeUnknown) return send('peg', edited, deps); // nothing can be on the chart under this id
      // An edited retry of a save that may be on the chart: look for it before sending anything.
      setWrite('peg', { ...same, answers });
      const { client, patientId } = context(prev);
      const found = await (await fhirWrites()).findByRequestId(client, patientId, pendingId, deps);
      if (!found.ok) return settle('peg', { ...prev, answers, status: 'saving' }, found);
      if (found.observation) return settle('peg', { ...edited, outcomeUnknown: false }, { ok: true, observation: found.observation, existing: true });
      // Not on the chart: the edited answers go under the same id, so a late arrival of the first attempt is
      // found by the conditional create instead of becoming a second entry.
      return send('peg', { ...edited, outcomeUnknown: false }, deps);
    },

    async savePegCorrection(given = {}) {
      const deps = { ...get().writeOptions, ...given };
      const prev = get().writes.peg;
      if (prev.status !== 'found-earlier' || !prev.earlier || !prev.answers) return prev;
      get().syncDay();
      const correction: PegCorrection = { reference: `Observation/${prev.earlier.observation.id}`, answers: prev.earlier.answers };
      return send('peg', { ...newEntry(deps, prev.answers), correction }, deps);
    },

    keepEarlier(kind) {
      const prev = get().writes[kind];
      if (prev.status !== 'found-earlier' || !prev.earlier) return;
      setWrite(kind, { ...prev, status: 'saved', answers: prev.earlier.answers, observationId: prev.earlier.observation.id ?? null, earlier: null });
      setDraft(kind, null);
      persist(kind);
    },

    async attestPdmp(given = {}) {
      const deps = { ...get().writeOptions, ...given };
      const prev = get().writes.pdmp;
      if (prev.status === 'saving') return prev;
      get().syncDay();
      const retry = prev.status !== 'saved' && prev.clientRequestId !== null;
      return send('pdmp', retry ? { ...prev, status: 'saving', error: null } : newEntry(deps, null), deps);
    },

    clearWrite: (kind) => setWrite(kind, IDLE_WRITE),
  };
};
