/**
 * Benchmark harness page: the real RegistryView and Web Worker against the FHIR base given in the
 * query string (?fhir=...&asOf=...), without the SMART launch (the bench server needs no token).
 */
import { createRoot } from 'react-dom/client';
import RegistryView from '../../../src/ui/registry/RegistryView.tsx';

const q = new URLSearchParams(location.search);
const start = { fhirBase: q.get('fhir') ?? '', accessToken: null, asOf: q.get('asOf') ?? '2025-06-30', policyJson: {} };
fetch('./policy.json').then((r) => (r.ok ? r.json() : null)).catch(() => null).then((policyJson) => {
  createRoot(document.getElementById('root')!).render(<RegistryView start={{ ...start, policyJson }} />);
});
