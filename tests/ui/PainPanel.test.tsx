/**
 * The whole panel against the msw fake EHR: fixture patient → loader → store → sections, including
 * saves (success, failure kept with retry, no duplicate), write permission and a failed source.
 */
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { Observation } from 'fhir/r4';
import { DEFAULT_POLICY } from '../../src/clinical/policy/index.ts';
import { usePanelStore } from '../../src/store/index.ts';
import { fixedClock } from '../../src/store/clock.ts';
import { loadRecordIntoStore } from '../../src/store/launch.ts';
import { PainPanel } from '../../src/ui/PainPanel.tsx';
import { PatientScreen } from '../../src/app/App.tsx';
import { BASE, TOKEN_URI, fake, outcome, resetFake } from '../fhir/msw/fake-fhir.ts';
import { makeNodeClient } from '../fhir/msw/node-client.ts';
import { conditionalCreate } from '../fhir/msw/handlers/writes.ts';
import { server } from '../fhir/msw/server.ts';
import { panelRecord } from './panel-record.ts';

const WRITE = 'launch/patient openid fhirUser patient/*.read patient/Observation.write';
const READ_ONLY = 'launch/patient openid fhirUser patient/*.read';
const fast = { asOf: '2026-11-22', sleep: async () => {}, random: () => 0.5, clock: fixedClock('2026-11-22T15:00:00Z') };

async function launch(scope = WRITE) {
  resetFake(panelRecord());
  usePanelStore.getState().setPolicy({ ok: true, policy: DEFAULT_POLICY });
  render(<PainPanel />);
  await act(() => loadRecordIntoStore(makeNodeClient({ serverUrl: BASE, tokenUri: TOKEN_URI, scope }), fast));
}

const region = (name: string | RegExp) => screen.getByRole('region', { name });
const pegPoints = () => within(screen.getByRole('group', { name: /PEG score over time/ })).getAllByRole('img');
const savedObservations = () => fake.resources.filter((r) => r.resourceType === 'Observation' && r.id?.startsWith('obs-new')) as Observation[];

async function answerPeg(user: ReturnType<typeof userEvent.setup>, pain: string, enjoyment: string, activity: string) {
  const peg = region('PEG tracker');
  const boxes = within(peg).getAllByRole('textbox');
  for (const [i, value] of [pain, enjoyment, activity].entries()) await user.type(boxes[i], value);
}

// Whole-stack tests (loader, engine, store, panel) with real backoff waits: allow more than the default 5 s.
vi.setConfig({ testTimeout: 20_000 });

describe('Pain visit panel with a fixture patient', () => {
  it('shows the due items, the tier and the MME with its arithmetic', async () => {
    await launch();
    expect(await within(region(/MME/)).findByTestId('mme-total')).toHaveTextContent(/^30 MME\/day$/);
    expect(within(region('Due now')).getByTestId('due-pdmp')).toHaveTextContent('last 06/01/2026 · Check the PDMP before the visit');
    expect(within(region('Due now')).getByTestId('due-pdmp')).toHaveTextContent('Overdue');
    expect(within(region('Clinician summary')).getByTestId('strip-tier')).toHaveTextContent(/^Moderate /);
    expect(within(region('Clinician summary')).getByTestId('strip-mme')).toHaveTextContent('30 MME/day CDC 2022 factors');
    expect(within(region('Due now')).getByTestId('due-udt')).toHaveTextContent('Never done');
    expect(within(region('Risk tier')).getByTestId('risk-tier')).toHaveTextContent('Moderate');
    expect(within(region('Risk tier')).getByText(/Age 65 ≥ 65/)).toBeInTheDocument();
    expect(pegPoints()).toHaveLength(2);
    const note = (within(region('Copy to note')).getByRole('textbox', { name: 'Visit note text' }) as HTMLTextAreaElement).value;
    expect(note).toContain('MME: 30 MME/day (CDC 2022 conversion factors)\n- oxycodone 5 mg tablet: 5 mg × 1 tab × 4/day = 20 mg/day × 1.5 = 30 MME/day');
  });

  it('records a PEG: it is saved once as a final 91148-7 Observation and appears in the chart without reload', async () => {
    const user = userEvent.setup();
    await launch();
    await answerPeg(user, '3', '3', '4');
    expect(within(region('PEG tracker')).getByTestId('peg-live-mean')).toHaveTextContent('3.3');
    await user.click(screen.getByRole('button', { name: 'Save PEG to chart' }));
    expect(await screen.findByText('Saved to the chart: PEG 3.3.')).toBeInTheDocument();
    // The chart shows the current course by default (the baseline 10/20 and today); the earlier score on demand.
    expect(pegPoints().map((p) => p.getAttribute('aria-label')?.slice(0, 20))).toEqual(['10/20/2026: PEG 4.0 ', '11/22/2026: PEG 3.3 ']);
    await user.click(screen.getByRole('button', { name: 'Show all 3 scores' }));
    expect(pegPoints()).toHaveLength(3);
    const [saved] = savedObservations();
    expect(savedObservations()).toHaveLength(1);
    expect(saved.code.coding?.[0].code).toBe('91148-7');
    expect(saved.status).toBe('final');
    expect(saved.component?.map((c) => c.valueQuantity?.value)).toEqual([3, 3, 4, 10 / 3]);
  });

  it('a save whose answer is lost keeps the answers; Retry finds the first write instead of duplicating it', async () => {
    const user = userEvent.setup();
    await launch();
    // The server stores the Observation, then every answer is lost (the transport's own retries too).
    let failing = true;
    server.use(
      http.post(`${BASE}/Observation`, async ({ request }) => {
        if (!failing) return undefined; // fall through to the normal conditional-create handler
        conditionalCreate((await request.json()) as Observation, request.headers.get('if-none-exist'));
        return HttpResponse.json(outcome('gateway timeout'), { status: 500 });
      }),
    );
    await answerPeg(user, '5', '4', '4');
    await user.click(screen.getByRole('button', { name: 'Save PEG to chart' }));
    expect(await screen.findByText(/Could not save to the chart/, {}, { timeout: 5000 })).toBeInTheDocument();
    const boxes = within(region('PEG tracker')).getAllByRole('textbox');
    expect(boxes.map((b) => (b as HTMLInputElement).value)).toEqual(['5', '4', '4']);
    failing = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Saved to the chart: PEG 4.3.')).toBeInTheDocument();
    expect(savedObservations()).toHaveLength(1);
  });

  it('without Observation write permission: explains, offers the text, writes nothing', async () => {
    const user = userEvent.setup();
    await launch(READ_ONLY);
    const peg = region('PEG tracker');
    expect(within(peg).getByText(/does not let the app save to the chart/)).toBeInTheDocument();
    await answerPeg(user, '2', '2', '2');
    expect(within(peg).getByRole('button', { name: 'Copy PEG text' })).toBeInTheDocument();
    expect(within(region(/PDMP check/)).getByRole('button', { name: 'Copy PDMP text' })).toBeInTheDocument();
    expect(savedObservations()).toHaveLength(0);
  });

  it('a failed Observation search: PEG trend and due items say "Could not check"; MME is still shown', async () => {
    server.use(http.get(`${BASE}/Observation`, () => HttpResponse.json(outcome('down'), { status: 503 })));
    await launch();
    expect(await within(region(/MME/)).findByTestId('mme-total')).toHaveTextContent('30 MME/day');
    expect(within(region('PEG tracker')).getByText(/Could not check — Questionnaire scores/)).toBeInTheDocument();
    expect(within(region('Due now')).getByTestId('due-pdmp')).toHaveTextContent('Could not check');
    expect(within(region('Data notes')).getByRole('list', { name: 'Sources read' })).toHaveTextContent('Could not read');
  });

  it('renders section by section: MME is on screen while the survey search is still running', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    server.use(http.get(`${BASE}/Observation`, async () => {
      await gate;
      return undefined; // then the normal fake-EHR search answers
    }));
    resetFake(panelRecord());
    usePanelStore.getState().setPolicy({ ok: true, policy: DEFAULT_POLICY });
    render(<PainPanel />);
    let done: Promise<unknown> = Promise.resolve();
    act(() => {
      done = loadRecordIntoStore(makeNodeClient({ serverUrl: BASE, tokenUri: TOKEN_URI, scope: WRITE }), fast);
    });
    expect(await within(region(/MME/)).findByTestId('mme-total')).toHaveTextContent('30 MME/day');
    expect(within(region('PEG tracker')).getByText('Loading peg trend…')).toBeInTheDocument();
    expect(within(region('Due now')).getByText('Loading due now…')).toBeInTheDocument();
    await act(async () => {
      release();
      await done;
    });
    expect(pegPoints()).toHaveLength(2);
  });

  it('a broken clinic policy: says so everywhere and shows no figures', async () => {
    usePanelStore.getState().setPolicy({ ok: false, errors: ['policy.json: risk.highMme.value must be a number'] });
    render(<PainPanel />);
    expect(screen.getByText(/The clinic policy could not be used.*risk.highMme.value must be a number/)).toBeInTheDocument();
    expect(within(region(/MME/)).getByText('Could not check — the clinic policy could not be used')).toBeInTheDocument();
    expect(screen.queryByTestId('mme-total')).not.toBeInTheDocument();
  });

  it('PDMP checked today: saved once, the due item turns up to date and the note lists it as done today', async () => {
    const user = userEvent.setup();
    await launch();
    expect(within(region('Due now')).getByTestId('due-pdmp')).toHaveTextContent('Overdue');
    await user.click(screen.getByRole('checkbox', { name: /PDMP checked today \(11\/22\/2026\)/ }));
    await user.click(screen.getByRole('button', { name: 'Save PDMP check' }));
    expect(await screen.findByText('Saved to the chart: PDMP checked 11/22/2026.')).toBeInTheDocument();
    expect(within(region('Due now')).getByTestId('due-pdmp')).toHaveTextContent('Up to date');
    expect(within(region('Due now')).getByTestId('due-pdmp')).toHaveAttribute('data-status', 'up-to-date');
    await user.click(within(screen.getByTestId('due-pdmp')).getByRole('button'));
    expect(screen.getByTestId('up-to-date-line')).toHaveTextContent('Last: 11/22/2026');
    const note = (screen.getByRole('textbox', { name: 'Visit note text' }) as HTMLTextAreaElement).value;
    expect(note).toMatch(/Done today:\n- PDMP check/);
    const written = savedObservations();
    expect(written).toHaveLength(1);
    expect(written[0].code.coding?.[0].code).toBe('461651000124104');
  });
});

describe('when the session ends', () => {
  async function launchScreen(scope = WRITE) {
    resetFake(panelRecord());
    usePanelStore.getState().setPolicy({ ok: true, policy: DEFAULT_POLICY });
    render(<PatientScreen asOf="2026-11-22" />);
    await act(() => loadRecordIntoStore(makeNodeClient({ serverUrl: BASE, tokenUri: TOKEN_URI, scope }), fast));
  }
  const values = () => within(region('PEG tracker')).getAllByRole('textbox').map((b) => (b as HTMLInputElement).value);

  it('at the moment of saving (401, no refresh token): an overlay says so, and the panel keeps the typed answers', async () => {
    const user = userEvent.setup();
    await launchScreen();
    server.use(http.post(`${BASE}/Observation`, () => HttpResponse.json(outcome('token expired'), { status: 401 })));
    await answerPeg(user, '5', '4', '4');
    await user.click(screen.getByRole('button', { name: 'Save PEG to chart' }));
    const dialog = (await screen.findByText('Your session has ended')).closest('[role="dialog"]') as HTMLElement;
    expect(dialog).toHaveAccessibleName('Your session has ended');
    expect(dialog).toHaveTextContent(
      'Your unsaved PEG answers (pain 5, enjoyment 4, activity 4) are kept on this device for this patient and will be back in the form when you relaunch the app from the chart.',
    );
    expect(dialog).toHaveTextContent("open Pain Care Panel again from the patient's chart");
    expect(screen.getAllByDisplayValue(/^[54]$/)).toHaveLength(3); // the form is still there behind the overlay
    await user.click(within(dialog).getByRole('button', { name: 'View the panel' }));
    await waitFor(() => expect(document.querySelector('[role="dialog"]')).toBeNull());
    expect(values()).toEqual(['5', '4', '4']);
    expect(within(region('PEG tracker')).getByText(/Your answers are kept on this device for this patient/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument(); // a save cannot work until relaunch
    expect(screen.queryByText(/Session expired — relaunch from the chart/)).not.toBeInTheDocument();
    expect(savedObservations()).toHaveLength(0);
  });

  it('before anything was shown (the token is refused at launch): the full "session expired" page', async () => {
    resetFake(panelRecord(), { validTokens: new Set() });
    usePanelStore.getState().setPolicy({ ok: true, policy: DEFAULT_POLICY });
    render(<PatientScreen asOf="2026-11-22" />);
    await act(() => loadRecordIntoStore(makeNodeClient({ serverUrl: BASE, tokenUri: TOKEN_URI, scope: WRITE }), fast));
    expect(screen.getByRole('heading', { name: 'Session expired — relaunch from the chart' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'PEG tracker' })).not.toBeInTheDocument();
  });
});
