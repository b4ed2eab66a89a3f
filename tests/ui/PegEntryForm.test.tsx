/**
 * "Record today's PEG" with the real store against the msw fake EHR: validation, one Observation per entry,
 * retries that never duplicate (with and without conditional create), an edited retry of a save that did reach
 * the chart, drafts that survive a reload and a session expiry, and never another patient's draft.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import type { Observation } from 'fhir/r4';
import { PegEntryForm } from '../../src/ui/sections/PegEntryForm.tsx';
import { PegSection } from '../../src/ui/sections/PegSection.tsx';
import { draftKey } from '../../src/store/drafts.ts';
import { BASE, fake, outcome, resetFake } from '../fhir/msw/fake-fhir.ts';
import { conditionalCreate } from '../fhir/msw/handlers/writes.ts';
import { server } from '../fhir/msw/server.ts';
import { AS_OF, summary } from './fixtures.ts';
import { ACTIVITY, ENJOY, PAIN, answerPeg, launchSession, pegValues, reload, requestIds, written } from './write-harness.ts';

beforeEach(() => resetFake([]));
// Typing, saving and reloading through the real store and msw: allow more than the default 5 s on a loaded machine.
vi.setConfig({ testTimeout: 20_000 });

const form = (canWrite = true) => render(<PegEntryForm asOf={AS_OF} canWrite={canWrite} />);
const save = () => screen.getByRole('button', { name: 'Save PEG to chart' });
const items = (o: Observation) => o.component?.slice(0, 3).map((c) => c.valueQuantity?.value);

/** POST Observation stores the entry, then the answer is lost (500) while `lost.on` — every try of the save. */
function loseAnswers(): { on: boolean } {
  const lost = { on: true };
  server.use(
    http.post(`${BASE}/Observation`, async ({ request }) => {
      if (!lost.on) return undefined; // the normal fake EHR answers
      conditionalCreate((await request.json()) as Observation, request.headers.get('if-none-exist'));
      return HttpResponse.json(outcome('the gateway lost the answer'), { status: 500 });
    }),
  );
  return lost;
}

describe("Record today's PEG", () => {
  it('asks the three validated questions with their anchors and computes the mean live (5, 4, 4 → 4.3)', async () => {
    const user = userEvent.setup();
    form();
    expect(screen.getByText('0 = no pain, 10 = pain as bad as you can imagine')).toBeInTheDocument();
    expect(screen.getByTestId('peg-live-mean')).toHaveTextContent('answer all three questions');
    await answerPeg(user, '5', '4', '4');
    expect(screen.getByTestId('peg-live-mean')).toHaveTextContent('PEG score (mean of the three): 4.3');
  });

  it('refuses invalid input with a message and does not save', async () => {
    const user = userEvent.setup();
    launchSession();
    form();
    await answerPeg(user, '11', '', '4');
    await user.click(save());
    expect(written()).toHaveLength(0);
    expect(screen.getByRole('textbox', { name: PAIN })).toHaveAccessibleDescription(/Enter a whole number from 0 to 10/);
    expect(screen.getByRole('textbox', { name: ENJOY })).toHaveAccessibleDescription(/Required: enter a whole number from 0 to 10/);
    expect(screen.getByRole('textbox', { name: PAIN })).toHaveFocus();
  });

  it('saves the exact answers once and clears the form; the next entry gets a new request id', async () => {
    const user = userEvent.setup();
    launchSession();
    form();
    await answerPeg(user, '7', '6', '5');
    await user.click(save());
    expect(await screen.findByText('Saved to the chart: PEG 6.0.')).toBeInTheDocument();
    expect(pegValues()).toEqual(['', '', '']);
    expect(screen.queryByRole('button', { name: 'Discard draft' })).not.toBeInTheDocument(); // nothing left to discard
    await answerPeg(user, '1', '1', '1');
    await user.click(save());
    await screen.findByText('Saved to the chart: PEG 1.0.');
    expect(written().map(items)).toEqual([[7, 6, 5], [1, 1, 1]]);
    expect(new Set(requestIds()).size).toBe(2);
  });

  it('a failed save keeps the answers with a Retry that files the entry once', async () => {
    const user = userEvent.setup();
    launchSession();
    let down = true;
    server.use(http.post(`${BASE}/Observation`, () => (down ? HttpResponse.json(outcome('down'), { status: 503 }) : undefined)));
    form();
    await answerPeg(user, '5', '4', '4');
    await user.click(save());
    expect(await screen.findByText(/Could not save to the chart: The EHR had a problem saving — your answers are kept; try again. Your answers are still in the form; Retry will not create a duplicate/)).toBeInTheDocument();
    expect(pegValues()).toEqual(['5', '4', '4']);
    down = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Saved to the chart: PEG 4.3.')).toBeInTheDocument();
    expect(written().map(items)).toEqual([[5, 4, 4]]);
  });

  it('a save whose answer was lost, then Retry: the conditional create finds the first one (one Observation)', async () => {
    const user = userEvent.setup();
    launchSession();
    const lost = loseAnswers();
    form();
    await answerPeg(user, '5', '4', '4');
    await user.click(save());
    await screen.findByRole('button', { name: 'Retry' });
    lost.on = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Saved to the chart: PEG 4.3.')).toBeInTheDocument();
    expect(written()).toHaveLength(1);
  });

  it('a server without conditional create: the app looks for the entry before each POST, so a lost answer is found, never filed twice', async () => {
    const user = userEvent.setup();
    resetFake([], { conditionalCreate: false });
    launchSession();
    const lost = loseAnswers();
    form();
    await answerPeg(user, '5', '4', '4');
    await user.click(save());
    expect(await screen.findByText('Saved to the chart: PEG 4.3.')).toBeInTheDocument();
    lost.on = false;
    expect(written().map(items)).toEqual([[5, 4, 4]]);
  });

  describe('an edited retry of a save whose answer was lost', () => {
    async function editAfterLostAnswer(user: ReturnType<typeof userEvent.setup>) {
      launchSession();
      const lost = loseAnswers();
      form();
      await answerPeg(user, '5', '4', '4');
      await user.click(save());
      await screen.findByRole('button', { name: 'Retry' });
      lost.on = false;
      await answerPeg(user, '6', '4', '4');
      await user.click(screen.getByRole('button', { name: 'Retry' }));
      await screen.findByText(/This PEG was already saved/);
    }

    it('says the entry was saved with the earlier answers and files nothing else', async () => {
      const user = userEvent.setup();
      await editAfterLostAnswer(user);
      const alert = screen.getByText(/This PEG was already saved — with the earlier answers/).closest('[role="alert"]') as HTMLElement;
      expect(alert).toHaveTextContent('did reach the chart, with pain 5, enjoyment 4, activity 4 (PEG 4.3)');
      expect(alert).toHaveTextContent('The form now has pain 6, enjoyment 4, activity 4 (PEG 4.7). Nothing else was filed.');
      expect(written().map(items)).toEqual([[5, 4, 4]]);
      expect(pegValues()).toEqual(['6', '4', '4']);
    });

    it.each([
      ['Save the edited answers as a correction', 'Saved to the chart: PEG 4.7 (a correction of the earlier entry).', [[5, 4, 4], [6, 4, 4]]],
      ['Keep the saved answers', 'Saved to the chart: PEG 4.3.', [[5, 4, 4]]],
    ])('"%s" → "%s"', async (choice, message, onChart) => {
      const user = userEvent.setup();
      await editAfterLostAnswer(user);
      await user.click(screen.getByRole('button', { name: choice }));
      expect(await screen.findByText(message)).toBeInTheDocument();
      expect(written().map(items)).toEqual(onChart);
      if (onChart.length === 2) {
        const [first, correction] = written();
        expect(correction.note?.[0].text).toBe(
          `Correction: replaces the PEG saved earlier as Observation/${first.id} (pain 5, enjoyment 4, activity 4); these are the answers the patient gave.`,
        );
        expect(correction.identifier?.[0].value).not.toBe(first.identifier?.[0].value);
      }
      expect(pegValues()).toEqual(['', '', '']);
    });

    it('when the first save never reached the chart, the edited answers are saved under the same request id', async () => {
      const user = userEvent.setup();
      launchSession();
      let down = true;
      server.use(http.post(`${BASE}/Observation`, () => (down ? HttpResponse.error() : undefined)));
      form();
      await answerPeg(user, '5', '4', '4');
      await user.click(save());
      await screen.findByRole('button', { name: 'Retry' });
      down = false;
      await answerPeg(user, '6', '4', '4');
      await user.click(screen.getByRole('button', { name: 'Retry' }));
      expect(await screen.findByText('Saved to the chart: PEG 4.7.')).toBeInTheDocument();
      expect(written().map(items)).toEqual([[6, 4, 4]]);
    });
  });

  describe('drafts', () => {
    it('a reload brings the typed answers back for the same patient, with "Discard draft"', async () => {
      const user = userEvent.setup();
      launchSession();
      form();
      await answerPeg(user, '5', '4', '');
      reload();
      launchSession();
      form();
      expect(pegValues()).toEqual(['5', '4', '']);
      expect(screen.getByText('Restored from 11/22/2026: your unsaved PEG answers. Check, then save or discard the draft.')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Discard draft' }));
      expect(pegValues()).toEqual(['', '', '']);
      reload();
      launchSession();
      form();
      expect(pegValues()).toEqual(['', '', '']);
    });

    it('a save whose answer was lost, then a reload: saving the restored answers finds the first save (one Observation)', async () => {
      const user = userEvent.setup();
      launchSession();
      const lost = loseAnswers();
      form();
      await answerPeg(user, '5', '4', '4');
      await user.click(save());
      await screen.findByRole('button', { name: 'Retry' });
      lost.on = false;
      reload();
      launchSession();
      form();
      expect(pegValues()).toEqual(['5', '4', '4']);
      expect(screen.getByText(/A save of the PEG answers was sent but never confirmed/)).toBeInTheDocument();
      await user.click(save());
      expect(await screen.findByText('Saved to the chart: PEG 4.3.')).toBeInTheDocument();
      expect(written()).toHaveLength(1);
    });

    it("another patient's launch never shows them, and they are stored only under their patient's key", async () => {
      const user = userEvent.setup();
      launchSession({ patientId: 'p1' });
      form();
      await answerPeg(user, '5', '4', '4');
      reload();
      launchSession({ patientId: 'p2' });
      form();
      expect(pegValues()).toEqual(['', '', '']);
      const keys = Object.keys(sessionStorage);
      expect(keys).toEqual([draftKey({ serverUrl: BASE, patientId: 'p1' }, 'peg')]);
      // A record moved under p2's key still names p1: it is not shown either.
      sessionStorage.setItem(draftKey({ serverUrl: BASE, patientId: 'p2' }, 'peg'), sessionStorage.getItem(keys[0])!);
      reload();
      launchSession({ patientId: 'p2' });
      form();
      expect(pegValues()).toEqual(['', '', '']);
    });

    it('a session that expires at the moment of saving keeps the answers on screen and in the draft', async () => {
      const user = userEvent.setup();
      launchSession();
      server.use(http.post(`${BASE}/Observation`, () => HttpResponse.json(outcome('token expired'), { status: 401 })));
      form();
      await answerPeg(user, '5', '4', '4');
      await user.click(save());
      expect(await screen.findByText(/Not saved: the session ended. Your answers are kept on this device for this patient; relaunch the app from the chart/)).toBeInTheDocument();
      expect(pegValues()).toEqual(['5', '4', '4']);
      expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
      reload();
      launchSession();
      form();
      expect(pegValues()).toEqual(['5', '4', '4']);
      expect(fake.resources).toHaveLength(0);
    });
  });

  it('without write permission: explains and offers the text to copy', async () => {
    const user = userEvent.setup();
    form(false);
    expect(screen.getByText(/does not let the app save to the chart/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save PEG to chart' })).not.toBeInTheDocument();
    await answerPeg(user, '5', '4', '4');
    expect(screen.getByRole('textbox', { name: 'PEG text to copy' })).toHaveValue(
      'PEG 11/22/2026: pain 5/10, enjoyment of life interference 4/10, general activity interference 4/10; PEG score (mean) 4.3 (LOINC 91148-7).',
    );
    await user.click(screen.getByRole('button', { name: 'Copy PEG text' }));
    expect(await screen.findByText('Copied to the clipboard.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toMatch(/^PEG 11\/22\/2026/);
  });
});

describe('PEG section', () => {
  it('keeps the entry form when the survey search failed (the trend says why)', () => {
    render(<PegSection peg={null} chartStatus={{ state: 'unavailable', reason: 'Questionnaire scores: could not be read (server error 503)' }} asOf={AS_OF} canWrite />);
    expect(screen.getByText('Could not check — Questionnaire scores: could not be read (server error 503)')).toBeInTheDocument();
    expect(save()).toBeInTheDocument();
  });

  it('loading trend, form ready', () => {
    render(<PegSection peg={summary().peg} chartStatus={{ state: 'loading' }} asOf={AS_OF} canWrite />);
    expect(screen.getByText('Loading peg trend…')).toBeInTheDocument();
    expect(within(document.body).getByRole('textbox', { name: ACTIVITY })).toBeInTheDocument();
  });
});
