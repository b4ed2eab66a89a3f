/**
 * Collects items that arrive within one frame and hands them over together, so a burst of search results is
 * one store update, one engine run and one render. In a hidden tab (no animation frames) a timer stands in.
 */
export interface FrameBatch<T> {
  push(item: T): void;
  /** Hands over whatever is waiting now (the load is over: nothing may be left behind). */
  flush(): void;
}

const FALLBACK_MS = 50;

export function frameBatch<T>(deliver: (items: T[]) => void): FrameBatch<T> {
  let queue: T[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (queue.length === 0) return;
    const items = queue;
    queue = [];
    deliver(items);
  };
  return {
    push(item) {
      queue.push(item);
      if (scheduled) return;
      scheduled = true;
      if (typeof requestAnimationFrame === 'function') requestAnimationFrame(flush);
      setTimeout(flush, typeof requestAnimationFrame === 'function' ? FALLBACK_MS : 0);
    },
    flush,
  };
}
