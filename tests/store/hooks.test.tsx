/** Read hooks: a section sees its own source go from loading to loaded; data notes list problems first. */
import { act, renderHook } from '@testing-library/react';
import { useDataNotes, useSourceStatus } from '../../src/store/hooks.ts';
import { usePanelStore } from '../../src/store/index.ts';
import { observation } from '../fhir/builders.ts';

it('a section reads loading until its source reports, then the source status', () => {
  const { result } = renderHook(() => useSourceStatus('surveys'));
  expect(result.current).toEqual({ state: 'loading' });
  act(() => usePanelStore.getState().receiveSource({
    source: 'surveys', status: { state: 'partial', reason: 'page 2 could not be read' }, resources: [observation('peg1')], pages: 1, notes: [],
  }));
  expect(result.current).toEqual({ state: 'partial', reason: 'page 2 could not be read' });
});

it('lists errors, then warnings, then what was loaded — and keeps a stable array between renders', () => {
  act(() => usePanelStore.getState().receiveSource({
    source: 'udt', status: { state: 'loaded' }, resources: [], pages: 2,
    notes: [
      { source: 'udt', level: 'info', text: 'Loaded 0 Observation from 2 pages' },
      { source: 'udt', level: 'warning', text: '1 Observation resource skipped: missing code' },
    ],
  }));
  act(() => usePanelStore.getState().receiveSource({
    source: 'conditions', status: { state: 'unavailable', reason: 'not permitted' }, resources: [], pages: 0,
    notes: [{ source: 'conditions', level: 'error', text: 'Could not be read: not permitted' }],
  }));
  const { result, rerender } = renderHook(() => useDataNotes());
  expect(result.current.map((n) => n.level)).toEqual(['error', 'warning', 'info']);
  const first = result.current;
  rerender();
  expect(result.current).toBe(first);
});
