import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CopyToNoteSection } from '../../src/ui/sections/CopyToNoteSection.tsx';
import { DataNotesSection } from '../../src/ui/sections/DataNotesSection.tsx';

describe('Copy to note', () => {
  it('shows the text and copies it', async () => {
    const user = userEvent.setup();
    render(<CopyToNoteSection text={'Pain care panel summary as of 11/22/2026\n\nMME: 30 MME/day'} />);
    expect(screen.getByRole('textbox', { name: 'Visit note text' })).toHaveValue('Pain care panel summary as of 11/22/2026\n\nMME: 30 MME/day');
    await user.click(screen.getByRole('button', { name: 'Copy to note' }));
    expect(await screen.findByText('Copied to the clipboard.')).toBeInTheDocument();
    expect(await navigator.clipboard.readText()).toContain('MME: 30 MME/day');
  });

  it('tells the user to copy by hand when no clipboard is reachable', async () => {
    const user = userEvent.setup();
    render(<CopyToNoteSection text="x" />);
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy to note' }));
    expect(await screen.findByText(/select the text above and press Ctrl\+C/)).toBeInTheDocument();
  });
});

describe('Data notes', () => {
  it('says what was loaded, as of when, and what could not be read or used', () => {
    render(
      <DataNotesSection
        asOf="2026-11-22"
        load={{ patient: { state: 'loaded' }, medications: { state: 'partial', reason: 'page 2 failed' }, pdmp: { state: 'unavailable', reason: 'server error 503' }, documents: { state: 'not-requested', reason: 'scope not granted' } }}
        notes={[{ level: 'warning', text: 'MedicationRequest mr-9 skipped: no medication code' }, { level: 'info', text: 'Medication orders: 3 pages' }]}
        counts={{ medications: 1204 }}
      />,
    );
    expect(screen.getByText(/as of 11\/22\/2026/)).toBeInTheDocument();
    const sources = screen.getByRole('list', { name: 'Sources read' });
    expect(sources).toHaveTextContent('Medication orders: Partly loaded (1,204) — page 2 failed');
    expect(sources).toHaveTextContent('PDMP checks: Could not read — server error 503');
    expect(sources).toHaveTextContent('Documents (signed agreement): Not requested — scope not granted');
    expect(screen.getByTestId('data-notes')).toHaveTextContent('MedicationRequest mr-9 skipped: no medication code');
    expect(screen.getByTestId('data-details')).toHaveTextContent('Medication orders: 3 pages');
    expect(screen.getByTestId('data-notes')).not.toHaveTextContent('3 pages');
  });

  it('empty notes: says nothing was skipped', () => {
    render(<DataNotesSection asOf="2026-11-22" load={{}} notes={[]} />);
    expect(screen.getByText('Nothing was skipped: every record read could be used.')).toBeInTheDocument();
  });
});
