/** A fhirclient Client for Node (tests and the benchmark): no OAuth launch, an in-memory session store. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import smart from 'fhirclient';
import type Client from 'fhirclient/lib/Client';

export interface NodeClientOptions {
  serverUrl: string;
  patient?: string;
  accessToken?: string;
  scope?: string;
  refreshToken?: string;
  tokenUri?: string;
}

export function makeNodeClient(o: NodeClientOptions): Client {
  const memory = new Map<string, unknown>();
  const storage = {
    get: async (k: string) => memory.get(k),
    set: async (k: string, v: unknown) => (memory.set(k, v), v),
    unset: async (k: string) => memory.delete(k),
  };
  const api = smart({} as IncomingMessage, {} as ServerResponse, storage);
  return api.client({
    serverUrl: o.serverUrl,
    clientId: 'pain-care-panel',
    tokenUri: o.tokenUri,
    tokenResponse: {
      patient: o.patient ?? 'p1',
      access_token: o.accessToken ?? 'token-1',
      scope: o.scope ?? 'launch/patient openid fhirUser patient/*.read patient/Observation.write',
      ...(o.refreshToken ? { refresh_token: o.refreshToken } : {}),
    },
  });
}
