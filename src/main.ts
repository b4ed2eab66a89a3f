/**
 * index.html's entry, kept small so the launch starts before the interface's code is even evaluated: the token
 * exchange (fhirclient), the server's /metadata, the loader's chunk, the clinic policy (preloaded by index.html)
 * and the interface's chunks all start at once. The clinical engine's chunk is preloaded by index.html and evaluated once the searches are
 * on their way (src/store/launch.ts), so evaluating it does not hold up the first request.
 */
import { bootstrap } from './app/bootstrap.ts';
import { prefetchCapabilities } from './fhir/capabilities.ts';

prefetchCapabilities(window.location.search, sessionStorageOrNull(), (i, init) => fetch(i, init));
const launching = bootstrap();
void import('./store/launch.ts').then((m) => m.startPolicyLoad());
// The interface (preloaded, not yet evaluated) is evaluated and drawn once the launch's first requests are out:
// evaluating React and MUI while the token comes back would hold up the first search by a few hundred ms. Until
// then index.html's own "Connecting to the EHR…" stands in.
void launching.then(() => import('./app/render.tsx')).then((m) => m.renderApp(launching));

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
