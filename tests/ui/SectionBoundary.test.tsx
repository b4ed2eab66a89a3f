import { render, screen } from '@testing-library/react';
import { SectionBoundary } from '../../src/ui/shared/SectionBoundary.tsx';

function Broken(): never {
  throw new Error('boom');
}

describe('SectionBoundary: every section has its own heading, loading and error state', () => {
  it('shows a labelled region with a loading message while its sources load', () => {
    render(<SectionBoundary id="mme" title="MME" status={{ state: 'loading' }}>{() => 'content'}</SectionBoundary>);
    expect(screen.getByRole('region', { name: 'MME' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Loading mme…');
    expect(screen.queryByText('content')).not.toBeInTheDocument();
  });

  it('says "Could not check" with the reason when a required source failed', () => {
    render(<SectionBoundary id="mme" title="MME" status={{ state: 'unavailable', reason: 'Medication orders: could not be read' }}>{() => 'content'}</SectionBoundary>);
    expect(screen.getByText('Could not check — Medication orders: could not be read')).toBeInTheDocument();
    expect(screen.queryByText('content')).not.toBeInTheDocument();
  });

  it('shows warnings above the content when ready', () => {
    render(<SectionBoundary id="x" title="X" status={{ state: 'ready', warnings: ['Conditions: could not be read.'] }}>{() => 'content'}</SectionBoundary>);
    expect(screen.getByText('Conditions: could not be read.')).toBeInTheDocument();
    expect(screen.getByText('content')).toBeInTheDocument();
  });

  it('contains a crash to its own section', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <>
        <SectionBoundary id="a" title="A" status={{ state: 'ready', warnings: [] }}>{() => <Broken />}</SectionBoundary>
        <SectionBoundary id="b" title="B" status={{ state: 'ready', warnings: [] }}>{() => 'still here'}</SectionBoundary>
      </>,
    );
    expect(screen.getByText(/could not be shown because of a program error \(boom\)/)).toBeInTheDocument();
    expect(screen.getByText('still here')).toBeInTheDocument();
    spy.mockRestore();
  });
});
