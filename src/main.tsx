import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { bootstrap } from './app/bootstrap.ts';
import { loadEngine } from './store/engine.ts';

// Everything starts at once, before React's first render: the loader's chunk and the clinic policy (preloaded by
// index.html), the engine chunk and the token exchange; the loader then reads the Patient and runs every search
// in parallel.
void import('./store/launch.ts').then((m) => m.startPolicyLoad());
void loadEngine();
const launching = bootstrap();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App launching={launching} />
  </StrictMode>,
);
