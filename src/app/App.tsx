import { useEffect, useState } from 'react';
import { Box, CircularProgress, CssBaseline, ThemeProvider, Typography } from '@mui/material';
import type { Patient } from 'fhir/r4';
import { classifyLaunchError } from '../fhir/smart.ts';
import { usePanelStore } from '../store/index.ts';
import { PainPanel } from '../ui/PainPanel.tsx';
import { RegistryEntry } from '../ui/registry/RegistryEntry.tsx';
import { bootstrap, openPatient, type LaunchOutcome } from './bootstrap.ts';
import { LaunchErrorPage } from './LaunchErrorPage.tsx';
import { PatientHeader } from './PatientHeader.tsx';
import { theme } from './theme.ts';

/** The header from the store's Patient (read once by the loader), or why it is missing. */
function StorePatientHeader({ asOf }: { asOf: string }) {
  const patient = usePanelStore((s) => (s.resources.patient?.[0] as Patient | undefined) ?? null);
  const status = usePanelStore((s) => s.loadStatus.patient);
  const day = usePanelStore((s) => s.asOf) ?? asOf;
  const problem = status?.state === 'unavailable' ? (status.reason ?? 'could not be read') : null;
  return <PatientHeader patient={patient} asOf={day} problem={problem} />;
}

function Shell({ outcome }: { outcome: LaunchOutcome | null }) {
  const sessionError = usePanelStore((s) => s.sessionError);
  const [opened, setOpened] = useState<string | null>(null);
  if (!outcome) {
    return (
      <Box sx={{ p: 4, display: 'flex', gap: 2, alignItems: 'center' }}>
        <CircularProgress size={24} aria-label="Connecting to the EHR" />
        <Typography>Connecting to the EHR…</Typography>
      </Box>
    );
  }
  if (outcome.kind === 'failed') return <LaunchErrorPage failure={outcome.failure} />;
  if (sessionError?.kind === 'session-expired') return <LaunchErrorPage failure={classifyLaunchError({ status: 401 })} />;
  if (outcome.kind === 'registry' && opened === null) {
    return (
      <RegistryEntry
        client={outcome.client}
        asOf={outcome.asOf}
        onOpenPatient={(id) => {
          openPatient(outcome.client, id, outcome.asOf);
          setOpened(id);
        }}
      />
    );
  }
  return (
    <>
      <StorePatientHeader asOf={outcome.asOf} />
      <Box component="main" sx={{ p: { xs: 1, sm: 2 } }}>
        <PainPanel />
      </Box>
    </>
  );
}

export function App() {
  const [outcome, setOutcome] = useState<LaunchOutcome | null>(null);
  useEffect(() => {
    void bootstrap().then(setOutcome);
  }, []);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <Shell outcome={outcome} />
    </ThemeProvider>
  );
}
