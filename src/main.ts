/**
 * index.html's entry, kept small so the launch starts before the interface's code is even evaluated: the token
 * exchange (fhirclient), the loader's chunk, the clinic policy (preloaded by index.html) and the React interface
 * all start at once. The clinical engine's chunk is preloaded by index.html and evaluated once the searches are
 * on their way (src/store/launch.ts), so evaluating it does not hold up the first request.
 */
import { bootstrap } from './app/bootstrap.ts';

const launching = bootstrap();
void import('./store/launch.ts').then((m) => m.startPolicyLoad());
void import('./app/render.tsx').then((m) => m.renderApp(launching));
