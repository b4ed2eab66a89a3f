/**
 * The registry as the app shell mounts it when the launch has no patient context: builds the
 * worker's start message from the fhirclient session (server, token, clinic date, policy.json) and
 * renders the lazily-loaded RegistryView. "Open" on a row calls onOpenPatient (the shell switches to
 * that patient's panel; user-level scopes allow reading any patient).
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type Client from 'fhirclient/lib/Client';
import type { IsoDate } from '../../clinical/types.ts';
import type { RegistryViewProps } from './RegistryView.tsx';
import { Spinner } from '../shared/Spinner.tsx';

const RegistryView = lazy(() => import('./RegistryView.tsx'));

export interface RegistryEntryProps {
  client: Client;
  asOf: IsoDate;
  policyUrl?: string;
  onOpenPatient?: (patientId: string) => void;
}

export function RegistryEntry({ client, asOf, policyUrl = 'policy.json', onOpenPatient }: RegistryEntryProps) {
  const [start, setStart] = useState<RegistryViewProps['start'] | null>(null);
  useEffect(() => {
    let live = true;
    const base = { fhirBase: client.state.serverUrl, accessToken: client.state.tokenResponse?.access_token ?? null, asOf };
    fetch(policyUrl, { cache: 'no-cache' })
      .then((r) => (r.ok ? r.json() : null))
      .catch(() => null)
      // An unreadable policy file falls back to the default policy inside the worker (said in the view).
      .then((policyJson: unknown) => live && setStart({ ...base, policyJson }));
    return () => { live = false; };
  }, [client, asOf, policyUrl]);
  const spinner = <Spinner label="Loading the clinic registry" sx={{ m: 4 }} />;
  if (!start) return spinner;
  return (
    <Suspense fallback={spinner}>
      <RegistryView start={start} onOpenPatient={onOpenPatient} client={client} />
    </Suspense>
  );
}
