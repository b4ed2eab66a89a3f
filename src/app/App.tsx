import { useEffect, useState } from 'react';
import { Box, CircularProgress, CssBaseline, ThemeProvider, Typography } from '@mui/material';
import type { Patient } from 'fhir/r4';
import { classifyLaunchError, type LaunchFailure } from '../fhir/smart.ts';
import { usePanelStore } from '../store/index.ts';
import { PainPanel } from '../ui/PainPanel.tsx';
import { RegistryEntry } from '../ui/registry/RegistryEntry.tsx';
import { bootstrap, openPatient, type LaunchOutcome } from './bootstrap.ts';
import { LaunchErrorPage } from './LaunchErrorPage.tsx';
import { PatientHeader } from './PatientHeader.tsx';
import { theme } from './theme.ts';

function Shell({ outcome }: { outcome: LaunchOutcome | null }) {
  const sessionError = usePanelStore((s) => s.sessionError);
  const [opened, setOpened] = useState<Patient | null>(null);
  const [openFailure, setOpenFailure] = useState<LaunchFailure | null>(null);
  if (!outcome) {
    return (
      <Box sx={{ p: 4, display: 'flex', gap: 2, alignItems: 'center' }}>
        <CircularProgress size={24} aria-label="Connecting to the EHR" />
        <Typography>Connecting to the EHR…</Typography>
      </Box>
    );
  }
  if (outcome.kind === 'failed') return <LaunchErrorPage failure={outcome.failure} />;
  if (openFailure) return <LaunchErrorPage failure={openFailure} />;
  if (sessionError?.kind === 'session-expired') return <LaunchErrorPage failure={classifyLaunchError({ status: 401 })} />;
  const patient = outcome.kind === 'patient' ? outcome.patient : opened;
  if (!patient && outcome.kind === 'registry') {
    return (
      <RegistryEntry
        client={outcome.client}
        asOf={outcome.asOf}
        onOpenPatient={(id) =>
          void openPatient(outcome.client, id, outcome.asOf).then(setOpened, (e: unknown) => setOpenFailure(classifyLaunchError(e)))
        }
      />
    );
  }
  return (
    <>
      <PatientHeader patient={patient!} asOf={outcome.asOf} />
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
