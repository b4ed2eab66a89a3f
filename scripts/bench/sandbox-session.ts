/** The local SMART sandbox for the loader benchmark: started on ephemeral ports, tokens from a real EHR launch. */
import { startSandbox } from '../sandbox/server.ts';
import { obtainToken } from '../sandbox/test-client.ts';

export interface SandboxSession {
  fhirBaseUrl: string;
  token(patientId: string): Promise<string>;
  close(): Promise<void>;
}

export async function startSandboxFor(dataDirs: string[]): Promise<SandboxSession> {
  const sandbox = await startSandbox({ port: 0, dataDirs, quiet: true });
  return {
    fhirBaseUrl: sandbox.fhirBaseUrl,
    token: async (patientId) => (await obtainToken(sandbox, { patient: patientId })).access_token,
    close: () => sandbox.close(),
  };
}
