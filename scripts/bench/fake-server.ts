/**
 * Fallback for the loader benchmark when the SMART sandbox is not available (`--server fake`): the tests'
 * in-memory FHIR search (tests/fhir/msw/fake-fhir.ts) behind a real HTTP socket on 127.0.0.1, same token.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Resource } from 'fhir/r4';
import { capabilityStatement, fake, resetFake, search } from '../../tests/fhir/msw/fake-fhir.ts';

export async function startFakeFhir(resources: Resource[]): Promise<{ fhirBaseUrl: string; token: string; close(): Promise<void> }> {
  resetFake(resources, { maxPageSize: 200 });
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/fhir+json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== 'Bearer token-1') return send(401, { resourceType: 'OperationOutcome' });
    const parts = url.pathname.replace(/^\/fhir\/?/, '').split('/');
    if (parts[0] === 'metadata') return send(200, capabilityStatement());
    if (parts.length === 2) {
      const found = fake.resources.find((r) => r.resourceType === parts[0] && r.id === parts[1]);
      return found ? send(200, found) : send(404, { resourceType: 'OperationOutcome' });
    }
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { status, body } = search(parts[0], new URL(`${base}${url.pathname}${url.search}`));
    return send(status, body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    fhirBaseUrl: `http://127.0.0.1:${port}/fhir`,
    token: 'token-1',
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
