/**
 * A token refresh from the panel page names the client (`client_id=pain-care-panel`): the sandbox, like EHRs that
 * bind refresh tokens to their public client, refuses a refresh for another client, and fhirclient 2.6.3 sends
 * the id only when FHIR.oauth2.settings.refreshTokenWithClientId is set on the page that refreshes (index.html).
 */
import FHIR from 'fhirclient/lib/entry/browser';
import { http, HttpResponse } from 'msw';
import { configureFhirClient } from '../../src/app/bootstrap.ts';
import { BASE, TOKEN_URI } from '../fhir/msw/fake-fhir.ts';
import { server } from '../fhir/msw/server.ts';

it('index.html configures fhirclient so that a refresh request carries client_id', async () => {
  const bodies: URLSearchParams[] = [];
  server.use(
    http.post(TOKEN_URI, async ({ request }) => {
      bodies.push(new URLSearchParams(await request.text()));
      return HttpResponse.json({ access_token: 'token-2', token_type: 'Bearer', expires_in: 3600, scope: 'online_access patient/*.read' });
    }),
  );
  configureFhirClient();
  const client = FHIR.client({
    serverUrl: BASE,
    tokenUri: TOKEN_URI,
    clientId: 'pain-care-panel',
    tokenResponse: { access_token: 'token-1', refresh_token: 'refresh-1', scope: 'launch online_access patient/*.read' },
  });
  await client.refresh();
  expect(bodies.map((b) => [b.get('grant_type'), b.get('refresh_token'), b.get('client_id')])).toEqual([['refresh_token', 'refresh-1', 'pain-care-panel']]);
});
