/** Source arrivals within one frame are handed over together (one store update, one engine run, one render). */
import { frameBatch } from '../../src/store/frame-batch.ts';

describe('frameBatch', () => {
  afterEach(() => vi.useRealTimers());

  it('delivers what arrived before the next frame as one batch, later arrivals as the next', () => {
    vi.useFakeTimers();
    const delivered: number[][] = [];
    const batch = frameBatch<number>((items) => delivered.push(items));
    batch.push(1);
    batch.push(2);
    batch.push(3);
    expect(delivered).toEqual([]); // nothing until the frame (no animation frames in node: a 0 ms timer)
    vi.runAllTimers();
    batch.push(4);
    vi.runAllTimers();
    expect(delivered).toEqual([[1, 2, 3], [4]]);
  });

  it('flush hands over what is waiting at once, and never delivers an empty batch', () => {
    vi.useFakeTimers();
    const delivered: string[][] = [];
    const batch = frameBatch<string>((items) => delivered.push(items));
    batch.push('a');
    batch.flush();
    vi.runAllTimers(); // the scheduled delivery finds nothing left
    batch.flush();
    expect(delivered).toEqual([['a']]);
  });
});
