/** The facts slice: per-source status, resources and notes; a reset returns to the pre-launch state. */
import { resetPanelStore, usePanelStore } from '../../src/store/index.ts';
import type { Observation } from 'fhir/r4';
import type { SourceLoad } from '../../src/fhir/types.ts';
import { condition, observation } from '../fhir/builders.ts';

afterEach(() => resetPanelStore());
const store = () => usePanelStore.getState();

const conditions = (state: SourceLoad['status'], ids: string[], text: string): SourceLoad => ({
  source: 'conditions', status: state, resources: ids.map((id) => condition(id)), pages: 1,
  notes: [{ source: 'conditions', level: 'info', text }],
});

it('marks started sources loading without touching finished ones', () => {
  store().receiveSource(conditions({ state: 'loaded' }, ['c1'], 'Loaded 1 Condition from 1 page'));
  store().startSources(['surveys', 'udt']);
  expect(store().loadStatus).toEqual({ conditions: { state: 'loaded' }, surveys: { state: 'loading' }, udt: { state: 'loading' } });
});

it('replaces a source wholesale when it reports again (resources, status and its notes)', () => {
  store().receiveSource(conditions({ state: 'unavailable', reason: 'not permitted' }, [], 'Could not be read: not permitted'));
  store().receiveSource(conditions({ state: 'loaded' }, ['c1', 'c2'], 'Loaded 2 Condition from 1 page'));
  expect(store().resources.conditions?.map((r) => r.id)).toEqual(['c1', 'c2']);
  expect(store().dataNotes.map((n) => n.text)).toEqual(['Loaded 2 Condition from 1 page']);
});

it('upserts a saved Observation by id (a retried save does not show twice)', () => {
  store().upsertResources('surveys', [observation('peg-new')]);
  const amended: Observation = { ...observation('peg-new'), status: 'amended' };
  store().upsertResources('surveys', [amended]);
  expect(store().resources.surveys?.map((r) => [r.id, (r as Observation).status])).toEqual([['peg-new', 'amended']]);
});

it('resets to the initial state', () => {
  store().startSources(['surveys']);
  store().setSessionError({ kind: 'session-expired', message: 'x' });
  resetPanelStore();
  expect([store().loadStatus, store().sessionError, store().asOf]).toEqual([{}, null, null]);
});
