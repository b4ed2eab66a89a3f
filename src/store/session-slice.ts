/**
 * The launch: the fhirclient Client, the fixed clock (asOf, set once at launch), the clinic policy,
 * what the granted scopes allow, and a session error that stops the panel ("relaunch from the chart").
 */
import type Client from 'fhirclient/lib/Client';
import type { StateCreator } from 'zustand';
import type { Policy } from '../clinical/policy/index.ts';
import type { IsoDate } from '../clinical/types.ts';
import type { SessionError } from '../fhir/types.ts';
import { clinicDay, systemClock, type Clock } from './clock.ts';
import type { PanelState } from './index.ts';

export interface PanelPermissions {
  /** May the panel save PEG scores and the PDMP attestation? */
  canWriteObservation: boolean;
  /** The signed-in user's FHIR resource ("Practitioner/123"), when the launch shared it. */
  fhirUser: string | null;
}

export interface SessionSlice {
  client: Client | null;
  patientId: string | null;
  /** The calendar date every rule is evaluated on: the clock's day at launch, moved on if the panel stays open past midnight. */
  asOf: IsoDate | null;
  /** The one clock of the panel (as-of date, save timestamps, "loaded at"); set by the launch, fixed in tests. */
  clock: Clock;
  /** When the record finished loading (ISO instant, for "as of" in the data notes). */
  loadedAt: string | null;
  policy: Policy | null;
  /** Why public/policy.json could not be used; the summary is withheld rather than computed on guesses. */
  policyErrors: string[] | null;
  permissions: PanelPermissions;
  sessionError: SessionError | null;
  startSession(session: { client: Client; asOf: IsoDate; patientId: string | null; permissions: PanelPermissions; clock?: Clock }): void;
  /** Moves asOf to the clock's current day when the day has changed (the summary recomputes); returns the day. */
  syncDay(): IsoDate;
  setPolicy(result: { ok: true; policy: Policy } | { ok: false; errors: string[] }): void;
  setSessionError(error: SessionError | null): void;
  setLoadedAt(instant: string): void;
}

export const createSessionSlice: StateCreator<PanelState, [], [], SessionSlice> = (set, get) => ({
  client: null,
  patientId: null,
  asOf: null,
  clock: systemClock,
  loadedAt: null,
  policy: null,
  policyErrors: null,
  permissions: { canWriteObservation: false, fhirUser: null },
  sessionError: null,
  startSession: ({ client, asOf, patientId, permissions, clock }) => set({ client, asOf, patientId, permissions, ...(clock ? { clock } : {}) }),
  syncDay: () => {
    const { asOf, clock } = get();
    const today = clinicDay(clock);
    // Only forward: a clock that steps back (zone change) never rewinds the visit.
    if (asOf === null || today > asOf) set({ asOf: today });
    return asOf === null || today > asOf ? today : asOf;
  },
  setPolicy: (result) => set(result.ok ? { policy: result.policy, policyErrors: null } : { policy: null, policyErrors: result.errors }),
  setSessionError: (sessionError) => set({ sessionError }),
  setLoadedAt: (loadedAt) => set({ loadedAt }),
});
