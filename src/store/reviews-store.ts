/**
 * The support team's reviews, apart from the panel's store: one patient's reviews and goals (the panel's section,
 * a case review) and the team's worklist (the registry). Writes go through src/fhir/reviews.ts; what they return
 * is upserted here so every view shows the same state without reading again.
 *
 * @example
 *   await useReviewsStore.getState().loadPatient(client, 'p1');
 *   useReviewsStore.getState().patients.p1 // { state: 'loaded', resources: [Task, ServiceRequest, DocumentReference], goals: [...] }
 */
import type Client from 'fhirclient/lib/Client';
import type { Goal, Resource } from 'fhir/r4';
import { create } from 'zustand';
import type { Actor } from '../fhir/review-builders.ts';
import { loadPatientReviews, loadTeamReviews, readCurrentUser } from '../fhir/reviews.ts';
import type { TransportOptions } from '../fhir/transport.ts';

export interface ReviewSet {
  state: 'loading' | 'loaded' | 'failed';
  resources: Resource[];
  goals: Goal[];
  notes: string[];
  /** Why it could not be read, in words. */
  reason?: string;
  /** The failure was a refused permission (the section says so instead of "could not check"). */
  forbidden?: boolean;
  /** The EHR does not offer the workflow's searches (its CapabilityStatement lists no Task search). */
  unsupported?: boolean;
}

export interface ReviewsState {
  patients: Record<string, ReviewSet>;
  team: ReviewSet | null;
  /** The signed-in user as others will see them on what they file. */
  user: Actor | null;
  loadPatient(client: Client, patientId: string, options?: TransportOptions): Promise<void>;
  loadTeam(client: Client, options?: TransportOptions): Promise<void>;
  loadUser(client: Client, options?: TransportOptions): Promise<Actor>;
  /** Adds or replaces resources (after a write) in the patient's set and the team's list. */
  upsert(patientId: string | null, resources: Resource[]): void;
}

const key = (r: Resource) => `${r.resourceType}/${r.id}`;
function merge(list: Resource[], added: Resource[]): Resource[] {
  const keys = new Set(added.map(key));
  return [...list.filter((r) => !keys.has(key(r))), ...added];
}

const LOADING: ReviewSet = { state: 'loading', resources: [], goals: [], notes: [] };

export const useReviewsStore = create<ReviewsState>()((set, get) => ({
  patients: {},
  team: null,
  user: null,
  async loadPatient(client, patientId, options) {
    const previous = get().patients[patientId];
    set((s) => ({ patients: { ...s.patients, [patientId]: previous ? { ...previous, state: 'loading' } : LOADING } }));
    const r = await loadPatientReviews(client, patientId, options);
    const next: ReviewSet = r.ok
      ? { state: 'loaded', resources: r.resources, goals: r.goals, notes: r.notes }
      : { state: 'failed', resources: [], goals: [], notes: [], reason: r.reason, forbidden: r.kind === 'forbidden', unsupported: r.unsupported };
    set((s) => ({ patients: { ...s.patients, [patientId]: next } }));
  },
  async loadTeam(client, options) {
    set((s) => ({ team: s.team ? { ...s.team, state: 'loading' } : LOADING }));
    const r = await loadTeamReviews(client, options);
    set({ team: r.ok ? { state: 'loaded', resources: r.resources, goals: [], notes: r.notes } : { state: 'failed', resources: [], goals: [], notes: [], reason: r.reason, forbidden: r.kind === 'forbidden', unsupported: r.unsupported } });
  },
  async loadUser(client, options) {
    const known = get().user;
    if (known) return known;
    const user = await readCurrentUser(client, options);
    set({ user });
    return user;
  },
  upsert(patientId, resources) {
    set((s) => {
      const patients = { ...s.patients };
      if (patientId && patients[patientId]) patients[patientId] = { ...patients[patientId], resources: merge(patients[patientId].resources, resources) };
      const team = s.team ? { ...s.team, resources: merge(s.team.resources, resources) } : null;
      return { patients, team };
    });
  },
}));

export function resetReviewsStore(): void {
  useReviewsStore.setState(useReviewsStore.getInitialState(), true);
}
