/**
 * The two chart-write forms against the msw fake EHR with the real store: a launched session (client, patient,
 * fixed clock) without loading the record, saves without real backoff waits, and helpers to read what the fake
 * EHR holds and to simulate a reload (the page's memory is gone, sessionStorage stays).
 */
import { cleanup, screen } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import type { Observation } from 'fhir/r4';
import { fixedClock } from '../../src/store/clock.ts';
import { resetPanelStore, usePanelStore } from '../../src/store/index.ts';
import { BASE, TOKEN_URI, fake } from '../fhir/msw/fake-fhir.ts';
import { makeNodeClient } from '../fhir/msw/node-client.ts';
import { AS_OF } from './fixtures.ts';

export const WRITE_SCOPE = 'launch/patient openid fhirUser patient/*.read patient/Observation.write';
export const CLOCK = fixedClock('2026-11-22T15:00:00Z');

export function launchSession(options: { patientId?: string; scope?: string; refreshToken?: string } = {}): void {
  const patientId = options.patientId ?? 'p1';
  const client = makeNodeClient({ serverUrl: BASE, tokenUri: TOKEN_URI, scope: options.scope ?? WRITE_SCOPE, patient: patientId, refreshToken: options.refreshToken });
  usePanelStore.setState({ writeOptions: { sleep: async () => {}, random: () => 0.5 } });
  usePanelStore.getState().startSession({ client, asOf: AS_OF, patientId, permissions: { canWriteObservation: true, fhirUser: null }, clock: CLOCK });
}

/** A reload: the rendered page and the store are gone; sessionStorage (and the fake EHR) stay. */
export function reload(): void {
  cleanup();
  resetPanelStore();
}

/** Observations the app wrote to the fake EHR. */
export const written = () => fake.resources.filter((r) => r.resourceType === 'Observation' && r.id?.startsWith('obs-new')) as Observation[];
export const requestIds = () => written().map((o) => o.identifier?.[0].value);

export const PAIN = /What number best describes your pain on average in the past week\?/;
export const ENJOY = /What number best describes how, during the past week, pain has interfered with your enjoyment of life\?/;
export const ACTIVITY = /What number best describes how, during the past week, pain has interfered with your general activity\?/;

export async function answerPeg(user: ReturnType<typeof userEvent.setup>, pain: string, enjoyment: string, activity: string) {
  for (const [label, value] of [[PAIN, pain], [ENJOY, enjoyment], [ACTIVITY, activity]] as const) {
    const box = screen.getByRole('textbox', { name: label });
    await user.clear(box);
    if (value) await user.type(box, value);
  }
}

export const pegValues = () => [PAIN, ENJOY, ACTIVITY].map((label) => (screen.getByRole('textbox', { name: label }) as HTMLInputElement).value);
