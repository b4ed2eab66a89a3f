import { setupServer } from 'msw/node';
import { handlers } from './handlers/index.ts';

export const server = setupServer(...handlers);

/** Call once per test file: strict about unmocked requests, handlers reset after each test. */
export function useMswServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}
