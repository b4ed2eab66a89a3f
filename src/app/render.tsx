/** The React root of index.html: its own chunk, loaded while the token is exchanged (see main.ts). */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import type { LaunchOutcome } from './bootstrap.ts';

export function renderApp(launching: Promise<LaunchOutcome>): void {
  performance.mark('pcp:interface-start');
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App launching={launching} />
    </StrictMode>,
  );
}
