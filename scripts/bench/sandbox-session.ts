/** Placeholder replaced once scripts/sandbox/server.ts lands (see startSandboxFor). */
export interface SandboxSession {
  fhirBaseUrl: string;
  token(patientId: string): Promise<string>;
  close(): Promise<void>;
}

export async function startSandboxFor(dataDirs: string[]): Promise<SandboxSession> {
  const path = '../sandbox/server.ts';
  const mod = (await import(path)) as { startSandbox: (o: object) => Promise<{ fhirBaseUrl: string; baseUrl: string; close(): Promise<void> }> };
  const sandbox = await mod.startSandbox({ port: 0, appPort: 0, dataDirs, quiet: true });
  return { fhirBaseUrl: sandbox.fhirBaseUrl, token: async () => { throw new Error('token flow not written yet'); }, close: () => sandbox.close() };
}
