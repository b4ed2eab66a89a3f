/** A component in its own chunk: a placeholder until the chunk is in, then rendered in one pass (no suspense). */
import type { ReactNode } from 'react';
import { act, render, screen } from '@testing-library/react';
import { preloadable } from '../../src/ui/shared/preloadable.tsx';

describe('preloadable', () => {
  it('shows the fallback while the chunk loads, then the component', async () => {
    let arrive!: (c: (p: { name: string }) => ReactNode) => void;
    const slot = preloadable<{ name: string }>(() => new Promise((r) => { arrive = r; }));
    render(<slot.Component name="PEG" fallback={<p>Loading…</p>} />);
    expect(screen.getByText('Loading…')).toBeInTheDocument();
    await act(async () => arrive(({ name }) => <p>{name} tracker</p>));
    expect(await screen.findByText('PEG tracker')).toBeInTheDocument();
  });

  it('once preloaded, renders synchronously on first render and loads the chunk only once', async () => {
    const load = vi.fn(async () => ({ name }: { name: string }) => <p>{name} section</p>);
    const slot = preloadable<{ name: string }>(load);
    await slot.preload();
    await slot.preload();
    render(<slot.Component name="MME" fallback={<p>Loading…</p>} />);
    expect(screen.getByText('MME section')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('a chunk that cannot be downloaded says so where the part would be (not a placeholder forever)', async () => {
    const slot = preloadable<{ name: string }>(() => Promise.reject(new Error('Failed to fetch dynamically imported module')));
    render(<slot.Component name="PEG" fallback={<p>Loading…</p>} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('This part of the panel could not be loaded (Failed to fetch dynamically imported module)');
    expect(screen.queryByText('Loading…')).not.toBeInTheDocument();
  });
});
