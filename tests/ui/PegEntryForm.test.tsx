import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PegEntryForm } from '../../src/ui/sections/PegEntryForm.tsx';
import { PegSection } from '../../src/ui/sections/PegSection.tsx';
import { AS_OF, summary } from './fixtures.ts';

const PAIN = /What number best describes your pain on average in the past week\?/;
const ENJOY = /What number best describes how, during the past week, pain has interfered with your enjoyment of life\?/;
const ACTIVITY = /What number best describes how, during the past week, pain has interfered with your general activity\?/;

async function answer(user: ReturnType<typeof userEvent.setup>, pain: string, enjoyment: string, activity: string) {
  for (const [label, value] of [[PAIN, pain], [ENJOY, enjoyment], [ACTIVITY, activity]] as const) {
    const box = screen.getByRole('textbox', { name: label });
    await user.clear(box);
    if (value) await user.type(box, value);
  }
}

describe("Record today's PEG", () => {
  it('asks the three validated questions with their anchors and computes the mean live (5, 4, 4 → 4.3)', async () => {
    const user = userEvent.setup();
    render(<PegEntryForm asOf={AS_OF} canWrite onSave={vi.fn()} />);
    expect(screen.getByText('0 = no pain, 10 = pain as bad as you can imagine')).toBeInTheDocument();
    expect(screen.getByTestId('peg-live-mean')).toHaveTextContent('answer all three questions');
    await answer(user, '5', '4', '4');
    expect(screen.getByTestId('peg-live-mean')).toHaveTextContent('PEG score (mean of the three): 4.3');
  });

  it('refuses invalid input with a message and does not save', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn();
    render(<PegEntryForm asOf={AS_OF} canWrite onSave={onSave} />);
    await answer(user, '11', '', '4');
    await user.click(screen.getByRole('button', { name: 'Save PEG to chart' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(screen.getByRole('textbox', { name: PAIN })).toHaveAccessibleDescription(/Enter a whole number from 0 to 10/);
    expect(screen.getByRole('textbox', { name: ENJOY })).toHaveAccessibleDescription(/Required: enter a whole number from 0 to 10/);
    expect(screen.getByRole('textbox', { name: PAIN })).toHaveFocus();
  });

  it('saves the exact answers and clears the form on success', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn().mockResolvedValue(undefined);
    render(<PegEntryForm asOf={AS_OF} canWrite onSave={onSave} />);
    await answer(user, '7', '6', '5');
    await user.click(screen.getByRole('button', { name: 'Save PEG to chart' }));
    expect(onSave).toHaveBeenCalledWith({ pain: 7, enjoyment: 6, activity: 5 }, expect.any(String));
    expect(await screen.findByText('Saved to the chart: PEG 6.0.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: PAIN })).toHaveValue('');
  });

  it('a failed save keeps the answers with a Retry that reuses the same request id (no duplicate)', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn().mockRejectedValueOnce(new Error('The EHR had a problem saving')).mockResolvedValueOnce(undefined);
    render(<PegEntryForm asOf={AS_OF} canWrite onSave={onSave} />);
    await answer(user, '5', '4', '4');
    await user.click(screen.getByRole('button', { name: 'Save PEG to chart' }));
    expect(await screen.findByText(/Could not save to the chart: The EHR had a problem saving. Your answers are still in the form/)).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: PAIN })).toHaveValue('5');
    expect(screen.getByRole('textbox', { name: ENJOY })).toHaveValue('4');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Saved to the chart: PEG 4.3.')).toBeInTheDocument();
    expect(onSave).toHaveBeenCalledTimes(2);
    expect(onSave.mock.calls[1][1]).toBe(onSave.mock.calls[0][1]);
  });

  it('answers changed after a failure are a new entry with a new request id; the next entry gets a fresh id', async () => {
    const user = userEvent.setup();
    const onSave = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(undefined);
    render(<PegEntryForm asOf={AS_OF} canWrite onSave={onSave} />);
    await answer(user, '5', '4', '4');
    await user.click(screen.getByRole('button', { name: 'Save PEG to chart' }));
    await screen.findByRole('button', { name: 'Retry' });
    await answer(user, '6', '4', '4');
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByText('Saved to the chart: PEG 4.7.');
    await answer(user, '1', '1', '1');
    await user.click(screen.getByRole('button', { name: 'Save PEG to chart' }));
    await screen.findByText('Saved to the chart: PEG 1.0.');
    const ids = onSave.mock.calls.map((c) => c[1]);
    expect(new Set(ids).size).toBe(3);
  });

  it('without write permission: explains and offers the text to copy', async () => {
    const user = userEvent.setup();
    render(<PegEntryForm asOf={AS_OF} canWrite={false} onSave={vi.fn()} />);
    expect(screen.getByText(/does not let the app save to the chart/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save PEG to chart' })).not.toBeInTheDocument();
    await answer(user, '5', '4', '4');
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
    render(
      <PegSection peg={null} chartStatus={{ state: 'unavailable', reason: 'Questionnaire scores: could not be read (server error 503)' }} asOf={AS_OF} canWrite onSave={vi.fn()} />,
    );
    expect(screen.getByText('Could not check — Questionnaire scores: could not be read (server error 503)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save PEG to chart' })).toBeInTheDocument();
  });

  it('loading trend, form ready', () => {
    render(<PegSection peg={summary().peg} chartStatus={{ state: 'loading' }} asOf={AS_OF} canWrite onSave={vi.fn()} />);
    expect(screen.getByText('Loading peg trend…')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: PAIN })).toBeInTheDocument();
  });
});
