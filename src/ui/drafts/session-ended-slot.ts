/** The session-ended overlay in its own chunk (MUI's Dialog and its transitions are not needed on most launches). */
import { preloadable } from '../shared/preloadable.tsx';

export const sessionEndedDialog = preloadable<object>(() => import('./SessionEndedDialog.tsx').then((m) => m.SessionEndedDialog));
