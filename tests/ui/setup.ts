/**
 * Component-test setup (vitest project `ui`, jsdom): jest-dom matchers, the msw fake EHR strict about
 * unmocked requests, DOM cleanup, a fresh store and an empty sessionStorage after every test. The chunks the
 * app loads after its first screen (the clinical engine, the panel's lower part, dialogs) are loaded up front,
 * so a render shows what the app shows once they have arrived.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { server } from '../fhir/msw/server.ts';
import { resetStore } from './store-reset.ts';
import { preloadLaterChunks } from '../../src/app/later-chunks.ts';

beforeAll(async () => {
  await preloadLaterChunks();
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  cleanup();
  sessionStorage.clear(); // drafts are kept there per patient
  server.resetHandlers();
  resetStore();
});
afterAll(() => server.close());
