/**
 * The support team's forms and views (jsdom): nothing typed is lost, a retry of the same content reuses its
 * request id (no duplicate), changed content gets a new one; without permission the text is offered to copy;
 * recommendations wait in the panel until marked read; the queue filters by prescriber.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Bundle, Resource } from 'fhir/r4';
import { DEFAULT_POLICY } from '../../src/clinical/policy/index.ts';
import { buildQueue } from '../../src/clinical/review/queue.ts';
import { readReviews } from '../../src/clinical/review/read.ts';
import type { TeamPatient } from '../../src/clinical/review/types.ts';
import { reviewAbilities, reviewPermissions } from '../../src/fhir/reviews.ts';
import type { ReviewSet } from '../../src/store/reviews-store.ts';
import { requestDraftKey } from '../../src/ui/review/drafts.ts';
import { RecommendationForm } from '../../src/ui/review/RecommendationForm.tsx';
import { RequestReviewForm } from '../../src/ui/review/RequestReviewForm.tsx';
import { ReviewSectionView } from '../../src/ui/review/ReviewSection.tsx';
import { TeamQueue } from '../../src/ui/registry/team/TeamQueue.tsx';

const fixture = (JSON.parse(readFileSync(resolve(process.cwd(), 'fhir-fixtures/reviews/support-team-reviews.json'), 'utf8')) as Bundle).entry!.map((e) => e.resource!) as Resource[];
const forPatient = (pid: string) => fixture.filter((r) => JSON.stringify(r).includes(`"Patient/${pid}"`));

afterEach(() => sessionStorage.clear());

describe('RequestReviewForm', () => {
  it('sends nothing until a kind of help and a question are given', async () => {
    const onSend = vi.fn();
    render(<RequestReviewForm patientId="p1" canSend onSend={onSend} />);
    await userEvent.click(screen.getByRole('button', { name: 'Send to the support team' }));
    expect(screen.getByText('Choose at least one kind of help.')).toBeInTheDocument();
    expect(screen.getByText('Write the question for the team.')).toBeInTheDocument();
    expect(onSend).not.toHaveBeenCalled();
  });

  it('a failed send keeps the question; "Try again" reuses the request id; an edit gets a new one; success clears the draft', async () => {
    const ids: string[] = [];
    const results = [
      { ok: false as const, message: 'Could not reach the EHR — what you wrote is kept; try again.', retryable: true },
      { ok: false as const, message: 'again', retryable: true },
      { ok: true as const },
    ];
    const onSend = vi.fn(async (_input: unknown, id: string) => { ids.push(id); return results.shift()!; });
    const { unmount } = render(<RequestReviewForm patientId="p1" canSend onSend={onSend} />);
    await userEvent.click(screen.getByRole('checkbox', { name: /Non-opioid options/ }));
    await userEvent.type(screen.getByRole('textbox', { name: /Your question/ }), 'What else can we try?');
    await userEvent.click(screen.getByRole('button', { name: 'Send to the support team' }));
    expect(await screen.findByText(/Could not send: Could not reach the EHR/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /Your question/ })).toHaveValue('What else can we try?');
    // The draft (with its request id) survives the form going away — a reload, a relaunch in the same tab.
    unmount();
    render(<RequestReviewForm patientId="p1" canSend onSend={onSend} />);
    expect(screen.getByRole('textbox', { name: /Your question/ })).toHaveValue('What else can we try?');
    expect(screen.getByRole('checkbox', { name: /Non-opioid options/ })).toBeChecked();
    await userEvent.click(screen.getByRole('button', { name: 'Send to the support team' }));
    await screen.findByText(/Could not send: again/);
    expect(ids[1]).toBe(ids[0]);
    await userEvent.type(screen.getByRole('textbox', { name: /Your question/ }), ' Maybe PT?');
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onSend).toHaveBeenCalledTimes(3);
    expect(ids[2]).not.toBe(ids[0]);
    expect(onSend.mock.calls[2][0]).toEqual({ needs: ['non-opioid'], question: 'What else can we try? Maybe PT?' });
    expect(sessionStorage.getItem(requestDraftKey('p1'))).toBeNull();
  });

  it('without permission: says so and offers the request as text to copy', async () => {
    render(<RequestReviewForm patientId="p2" canSend={false} onSend={vi.fn()} />);
    expect(screen.getByText(/cannot send requests to the team/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('checkbox', { name: /Whole-case review/ }));
    await userEvent.type(screen.getByRole('textbox', { name: /Your question/ }), 'Is the plan right?');
    expect(screen.queryByRole('button', { name: 'Send to the support team' })).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Request text to copy' })).toHaveValue('Request for the pain support team\nHelp with: Whole-case review\nQuestion: Is the plan right?');
  });
});

describe('RecommendationForm', () => {
  it('keeps the text on failure and retries with the same id; the structured parts are sent trimmed', async () => {
    const ids: string[] = [];
    const results = [{ ok: false as const, message: 'The EHR is busy — what you wrote is kept; try again in a moment.', retryable: true }, { ok: true as const }];
    const onSend = vi.fn(async (_i: unknown, id: string) => { ids.push(id); return results.shift()!; });
    render(<RecommendationForm taskId="t1" question="q" needs={['whole-case']} canRespond onSend={onSend} />);
    fireEvent.change(screen.getByRole('textbox', { name: /^Recommendation/ }), { target: { value: 'Keep the dose.' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Suggested words for the conversation (optional)' }), { target: { value: '  "What matters most to you?"  ' } });
    await userEvent.click(screen.getByRole('button', { name: 'File recommendation' }));
    await screen.findByText(/Could not file the recommendation: The EHR is busy/);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText(/Recommendation filed in the chart as a consult note/);
    expect(ids[1]).toBe(ids[0]);
    expect(onSend.mock.calls[1][0]).toEqual({ summary: 'Keep the dose.', items: { suggestedLanguage: '"What matters most to you?"' } });
  });
});

describe('the panel section', () => {
  const abilities = reviewAbilities(reviewPermissions('launch patient/*.rs patient/ServiceRequest.c patient/Task.crus'));
  const set = (resources: Resource[]): ReviewSet => ({ state: 'loaded', resources, goals: [], notes: [] });
  const props = { abilities, patientId: 'scn-peg-patient', onReload: vi.fn(), onRequest: vi.fn(), caseReview: () => null };

  it('shows the answer until it is marked read, with the suggested words set apart', async () => {
    const onAcknowledge = vi.fn(async () => ({ ok: true as const }));
    render(<ReviewSectionView {...props} set={set(forPatient('scn-peg-patient'))} onAcknowledge={onAcknowledge} />);
    const card = screen.getByRole('article', { name: 'Recommendation ready — not yet read' });
    expect(within(card).getByText(/Yes — keep the current dose/)).toBeInTheDocument();
    expect(within(card).getByText('Suggested words for the conversation')).toBeInTheDocument();
    await userEvent.click(within(card).getByRole('button', { name: 'Mark as read' }));
    expect(onAcknowledge).toHaveBeenCalledWith('review-castillo-task');
    expect(await screen.findByText(/Marked as read/)).toBeInTheDocument();
  });

  it('an earlier, read review is behind "Show earlier reviews"', async () => {
    render(<ReviewSectionView {...props} set={set(forPatient('scn-mme60-patient'))} onAcknowledge={vi.fn()} />);
    expect(screen.queryByRole('article')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Show earlier reviews (1)' }));
    expect(screen.getByRole('article', { name: 'Read on 12/18/2025 by Dr. Priya Raman' })).toBeInTheDocument();
  });

  it('says why when the requests cannot be read: not permitted, or not offered by the EHR', () => {
    const { rerender } = render(<ReviewSectionView {...props} set={{ state: 'failed', resources: [], goals: [], notes: [], reason: 'x', forbidden: true }} onAcknowledge={vi.fn()} />);
    expect(screen.getByText(/not granted permission to read the support team/)).toBeInTheDocument();
    rerender(<ReviewSectionView {...props} set={{ state: 'failed', resources: [], goals: [], notes: [], reason: 'this EHR does not list task searches (Task) among what it supports', unsupported: true }} onAcknowledge={vi.fn()} />);
    expect(screen.getByText(/does not offer the support team/)).toBeInTheDocument();
    expect(screen.queryByText(/Could not check/)).toBeNull();
  });
});

describe('the team queue', () => {
  it('lists open requests first and filters by prescriber', async () => {
    const patients: TeamPatient[] = [
      { patientId: 'scn-benzo-patient', name: 'Okafor, Margaret', prescriber: { key: 'display:Dr. Priya Raman', display: 'Dr. Priya Raman' }, tier: 'high', topReason: 'Benzodiazepine', mme: 30, mmeComplete: true, benzoOverlap: true },
      { patientId: 'x', name: 'Patient x', prescriber: { key: 'Practitioner/2', display: 'Dr. Lin Chen' }, tier: 'moderate', topReason: '', mme: 120, mmeComplete: true, benzoOverlap: false },
    ];
    const reviews = readReviews(fixture);
    const entries = buildQueue(patients, reviews, DEFAULT_POLICY, '2026-03-16');
    render(<TeamQueue entries={entries} reviews={reviews} names={new Map()} problem={null} registryRunning={false} onOpen={vi.fn()} onReload={vi.fn()} />);
    const list = screen.getByRole('list', { name: 'Support team queue' });
    expect(within(list).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Angela Morrison', 'Okafor, Margaret', 'Name not recorded']);
    expect(screen.getByText(/Answered, not yet read by the clinician \(1\)/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('combobox', { name: 'Prescriber' }));
    await userEvent.click(screen.getByRole('option', { name: 'Dr. Lin Chen (1)' }));
    expect(within(list).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Name not recorded']);
  });
});
