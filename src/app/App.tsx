/**
 * index.html's root: "Connecting…", then the launch-error page, the clinic registry, or one patient's screen
 * (header, panel, and the session-ended overlay).
 */
import { startTransition, useEffect, useState } from 'react';
import { Box, CssBaseline, Typography } from '@mui/material';
import type { Patient } from 'fhir/r4';
import { classifyLaunchError } from '../fhir/smart.ts';
import { usePanelStore } from '../store/index.ts';
import { PainPanel } from '../ui/PainPanel.tsx';
import { RegistryEntry } from '../ui/registry/RegistryEntry.tsx';
import { sessionEndedDialog } from '../ui/drafts/session-ended-slot.ts';
import { sessionEndView } from '../ui/drafts/session-end.ts';
import { bootstrap, openPatient, type LaunchOutcome } from './bootstrap.ts';
import { Spinner } from '../ui/shared/Spinner.tsx';
import { LaunchErrorPage } from './LaunchErrorPage.tsx';
import { PatientHeader } from './PatientHeader.tsx';
import { ThemeRoot } from './ThemeRoot.tsx';

/** The header from the store's Patient (read once by the loader), or why it is missing. */
function StorePatientHeader({ asOf }: { asOf: string }) {
  const patient = usePanelStore((s) => (s.resources.patient?.[0] as Patient | undefined) ?? null);
  const status = usePanelStore((s) => s.loadStatus.patient);
  const day = usePanelStore((s) => s.asOf) ?? asOf;
  const problem = status?.state === 'unavailable' ? (status.reason ?? 'could not be read') : null;
  return <PatientHeader patient={patient} asOf={day} problem={problem} />;
}

/**
 * One patient's screen: the header and the panel. When the session ends while the panel is in use, an overlay says
 * so over the panel (the forms and their answers stay, kept in the draft); when it ends before anything was shown
 * (a rejected token on reload), the full "session expired" page.
 */
export function PatientScreen({ asOf }: { asOf: string }) {
  const ended = usePanelStore(sessionEndView);
  if (ended === 'page') return <LaunchErrorPage failure={classifyLaunchError({ status: 401 })} />;
  return (
    <>
      <StorePatientHeader asOf={asOf} />
      <Box component="main" sx={{ p: { xs: 1, sm: 2 } }}>
        <PainPanel />
      </Box>
      {ended === 'overlay' && <sessionEndedDialog.Component />}
    </>
  );
}

function Shell({ outcome }: { outcome: LaunchOutcome | null }) {
  const sessionError = usePanelStore((s) => s.sessionError);
  const [opened, setOpened] = useState<string | null>(null);
  if (!outcome) {
    return (
      <Box sx={{ p: 4, display: 'flex', gap: 2, alignItems: 'center' }}>
        <Spinner size={24} label="Connecting to the EHR" />
        <Typography>Connecting to the EHR…</Typography>
      </Box>
    );
  }
  if (outcome.kind === 'failed') return <LaunchErrorPage failure={outcome.failure} />;
  if (outcome.kind === 'registry' && opened === null) {
    if (sessionError?.kind === 'session-expired') return <LaunchErrorPage failure={classifyLaunchError({ status: 401 })} />;
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
  return <PatientScreen asOf={outcome.asOf} />;
}

/** `launching`: the launch main.ts started before the first render (tests may pass their own). */
export function App({ launching }: { launching?: Promise<LaunchOutcome> }) {
  const [outcome, setOutcome] = useState<LaunchOutcome | null>(null);
  useEffect(() => {
    let live = true;
    // A transition: React draws the panel in slices, so the answers arriving meanwhile are handled at once.
    void (launching ?? bootstrap()).then((o) => live && startTransition(() => setOutcome(o)));
    return () => { live = false; };
  }, [launching]);
  return (
    <ThemeRoot>
      <CssBaseline />
      <Shell outcome={outcome} />
    </ThemeRoot>
  );
}
