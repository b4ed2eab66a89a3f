/** Puts the panel store back to its initial state (zustand testing guide: one bound store, reset after each test). */
import { resetPanelStore } from '../../src/store/index.ts';
import { resetReviewsStore } from '../../src/store/reviews-store.ts';

export function resetStore(): void {
  resetPanelStore();
  resetReviewsStore();
}
