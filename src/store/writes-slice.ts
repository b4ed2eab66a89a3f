/**
 * Saving from the panel (PEG entry, PDMP attestation). A failed save keeps the answers and its request id,
 * so "try again" re-sends the same conditional create and can never file the score twice.
 */
import type { StateCreator } from 'zustand';
import type { PegAnswers } from '../fhir/observation-builders.ts';
import type { TransportOptions } from '../fhir/transport.ts';
import { SESSION_EXPIRED_MESSAGE } from '../fhir/types.ts';
import { savePdmpAttestation, savePegObservation, type WriteFailure, type WriteResult } from '../fhir/writes.ts';
import type { PanelState } from './index.ts';
import { clinicInstant } from './clock.ts';

export type WriteKind = 'peg' | 'pdmp';

export interface WriteState {
  status: 'idle' | 'saving' | 'saved' | 'failed';
  /** The answers being saved or that failed to save (kept for retry). */
  answers: PegAnswers | null;
  clientRequestId: string | null;
  effectiveDateTime: string | null;
  error: WriteFailure | null;
  observationId: string | null;
}

export interface WriteDeps extends TransportOptions {
  newId?: () => string;
}

export interface WritesSlice {
  writes: Record<WriteKind, WriteState>;
  savePeg(answers: PegAnswers, deps?: WriteDeps): Promise<WriteResult>;
  attestPdmp(deps?: WriteDeps & { note?: string }): Promise<WriteResult>;
  clearWrite(kind: WriteKind): void;
}

const IDLE: WriteState = { status: 'idle', answers: null, clientRequestId: null, effectiveDateTime: null, error: null, observationId: null };
const sameAnswers = (a: PegAnswers | null, b: PegAnswers | null) =>
  a !== null && b !== null && a.pain === b.pain && a.enjoyment === b.enjoyment && a.activity === b.activity;

export const createWritesSlice: StateCreator<PanelState, [], [], WritesSlice> = (set, get) => {
  /** A retry of a failed save keeps its request id and instant; anything else is a new entry. */
  function begin(kind: WriteKind, answers: PegAnswers | null, deps: WriteDeps): WriteState {
    const previous = get().writes[kind];
    // The save's date and the panel's as-of date come from the same clock: past midnight the panel first moves
    // to the new day, so it never files a record dated after the day it evaluates (and then ignores it).
    get().syncDay();
    const retry = previous.status === 'failed' && (kind === 'pdmp' || sameAnswers(previous.answers, answers));
    const next: WriteState = {
      ...IDLE,
      status: 'saving',
      answers,
      clientRequestId: retry ? previous.clientRequestId : (deps.newId ?? (() => crypto.randomUUID()))(),
      effectiveDateTime: retry ? previous.effectiveDateTime : clinicInstant(get().clock),
    };
    set((s) => ({ writes: { ...s.writes, [kind]: next } }));
    return next;
  }

  function finish(kind: WriteKind, pending: WriteState, result: WriteResult): WriteResult {
    if (result.ok) {
      get().upsertResources(kind === 'peg' ? 'surveys' : 'pdmp', [result.observation]);
      set((s) => ({ writes: { ...s.writes, [kind]: { ...pending, status: 'saved', observationId: result.observation.id ?? null } } }));
    } else {
      set((s) => ({ writes: { ...s.writes, [kind]: { ...pending, status: 'failed', error: result.error } } }));
      if (result.error.kind === 'unauthorized') get().setSessionError({ kind: 'session-expired', message: SESSION_EXPIRED_MESSAGE });
    }
    return result;
  }

  function context(pending: WriteState) {
    const { client, patientId, permissions } = get();
    if (!client || !patientId) throw new Error('The panel is not launched: no FHIR client or patient');
    return { client, ctx: { patientId, performer: permissions.fhirUser, clientRequestId: pending.clientRequestId!, effectiveDateTime: pending.effectiveDateTime! } };
  }

  return {
    writes: { peg: IDLE, pdmp: IDLE },
    async savePeg(answers, deps = {}) {
      const pending = begin('peg', answers, deps);
      const { client, ctx } = context(pending);
      return finish('peg', pending, await savePegObservation(client, { ...answers, ...ctx }, deps));
    },
    async attestPdmp(deps = {}) {
      const pending = begin('pdmp', null, deps);
      const { client, ctx } = context(pending);
      return finish('pdmp', pending, await savePdmpAttestation(client, { ...ctx, note: deps.note }, deps));
    },
    clearWrite: (kind) => set((s) => ({ writes: { ...s.writes, [kind]: IDLE } })),
  };
};
