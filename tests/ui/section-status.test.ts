import { sectionStatus } from '../../src/ui/section-status.ts';

describe('sectionStatus: a section shows as soon as its own sources are in', () => {
  test.each([
    { desc: 'any source still loading → loading', load: { medications: { state: 'loading' } }, expect: 'loading' },
    { desc: 'missing key means loaded (CLI bundle)', load: {}, expect: 'ready' },
    { desc: 'required source failed → unavailable', load: { medications: { state: 'unavailable', reason: 'server error 503' } }, expect: 'unavailable' },
    { desc: 'optional source failed → ready with a warning', load: { conditions: { state: 'unavailable' } }, expect: 'ready' },
  ] as const)('$desc', ({ load, expect: state }) => {
    expect(sectionStatus(load, { required: ['medications'], optional: ['conditions'] }).state).toBe(state);
  });

  it('names the source and the reason when unavailable', () => {
    const s = sectionStatus({ medications: { state: 'unavailable', reason: 'server error 503' } }, { required: ['medications'] });
    expect(s).toEqual({ state: 'unavailable', reason: 'Medication orders: could not be read (server error 503)' });
  });

  it('warns that absence proves nothing when a source was only partly read', () => {
    const s = sectionStatus({ surveys: { state: 'partial', reason: 'page 3 failed' } }, { required: ['surveys'] });
    expect(s.state === 'ready' && s.warnings[0]).toMatch(/only partly read \(page 3 failed\).*may be missing/);
  });
});

describe('panel statuses: progress section by section', () => {
  it('before the load finishes, unreported sources are loading; MME shows once medications are in', async () => {
    const { effectiveLoadStatus, panelStatuses } = await import('../../src/ui/panel-status.ts');
    const load = effectiveLoadStatus({ medications: { state: 'loaded' } }, false);
    const s = panelStatuses(load, true);
    expect(s.mme.state).toBe('ready');
    expect(s.due.state).toBe('loading');
    expect(s.peg.state).toBe('loading');
  });

  it('a required source outside the granted scopes is "not requested", never an empty list', async () => {
    const { effectiveLoadStatus, panelStatuses } = await import('../../src/ui/panel-status.ts');
    const s = panelStatuses(effectiveLoadStatus({ surveys: { state: 'not-requested', reason: 'scope not granted' } }, true), true);
    expect(s.peg).toEqual({ state: 'unavailable', reason: 'Questionnaire scores (PEG, PHQ-9, GAD-7, ORT): not requested (scope not granted)' });
  });

  it('nothing shows before the summary can be computed (no policy or clock yet)', async () => {
    const { effectiveLoadStatus, panelStatuses } = await import('../../src/ui/panel-status.ts');
    expect(panelStatuses(effectiveLoadStatus({ medications: { state: 'loaded' } }, false), false).mme.state).toBe('loading');
  });
});

describe('panel statuses when nothing can be computed', () => {
  it('a broken policy or a launch without a patient makes every section say why, not load for ever', async () => {
    const { effectiveLoadStatus, panelStatuses } = await import('../../src/ui/panel-status.ts');
    const s = panelStatuses(effectiveLoadStatus({}, false), false, 'the clinic policy could not be used');
    expect(Object.values(s).every((x) => x.state === 'unavailable' && x.reason === 'the clinic policy could not be used')).toBe(true);
  });
});
