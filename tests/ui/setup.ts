/**
 * Component-test setup (vitest project `ui`, jsdom): jest-dom matchers, the msw fake EHR strict about
 * unmocked requests, DOM cleanup, a fresh store and an empty sessionStorage after every test.
 */
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { server } from '../fhir/msw/server.ts';
import { resetStore } from './store-reset.ts';

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  sessionStorage.clear(); // drafts are kept there per patient
  server.resetHandlers();
  resetStore();
});
afterAll(() => server.close());
