/**
 * Clinic registry: the app opened without a patient context. The cohort is computed in a Web Worker
 * (progress bar, cancel); the table is usable while it fills. Loaded lazily by the app shell.
 */
import { useMemo, useState } from 'react';
import { Alert, Box, Button, LinearProgress, Stack, Tab, Tabs, Typography } from '@mui/material';
import { addDays } from '../../clinical/dates.ts';
import { createRegistryWorker } from '../../registry/create-worker.ts';
import type { StartMessage } from '../../registry/worker-protocol.ts';
import { HuddleSheet } from './HuddleSheet.tsx';
import { ListedPatients } from './ListedPatients.tsx';
import { MeasuresPanel } from './MeasuresPanel.tsx';
import { RegistryTable } from './RegistryTable.tsx';
import { RunChart } from './RunChart.tsx';
import { useRegistryWorker, type WorkerLike } from './useRegistryWorker.ts';
import type Client from 'fhirclient/lib/Client';
import { TeamView } from './team/TeamView.tsx';

export interface RegistryViewProps {
  start: Omit<StartMessage, 'type'>;
  onOpenPatient?: (patientId: string) => void;
  createWorker?: () => WorkerLike;
  /** The registry's session: the pain support team tab reads and files with it. */
  client?: Client;
}

export default function RegistryView({ start, onOpenPatient, createWorker = createRegistryWorker, client }: RegistryViewProps) {
  const message = useMemo<StartMessage>(() => ({ type: 'start', ...start }), [start]);
  const [run, setRun] = useState(0);
  const { state, cancel } = useRegistryWorker(useMemo(() => ({ ...message, run }) as StartMessage, [message, run]), createWorker);
  const [tab, setTab] = useState(0);
  const p = state.progress;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h5" component="h1">Clinic registry</Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        Patients with a current opioid analgesic order, as of {start.asOf}. {state.rows.length} in the registry
        {state.status === 'done' && state.ms !== null ? ` (read by ${state.mode === 'bulk' ? 'Bulk Data export' : 'searches'} in ${(state.ms / 1000).toFixed(1)} s)` : ''}.
      </Typography>
      {start.policyJson === null && (
        <Alert severity="info" sx={{ mb: 1 }}>The clinic policy file could not be read: the default policy (CDC 2022 + Washington rules) is used.</Alert>
      )}
      {state.status === 'running' && (
        <Stack direction="row" spacing={2} sx={{ alignItems: "center", mb: 1 }}>
          <Box sx={{ flex: 1 }}>
            <Typography variant="caption" aria-live="polite">{p ? `${p.text}${p.total ? ` — ${p.done} of ${p.total}` : ''}` : 'Starting…'}</Typography>
            <LinearProgress aria-label="Registry progress" variant={p?.total ? 'determinate' : 'indeterminate'} value={p?.total ? (100 * (p.done ?? 0)) / p.total : undefined} />
          </Box>
          <Button onClick={cancel}>Cancel</Button>
        </Stack>
      )}
      {state.status === 'cancelled' && (
        <Alert severity="warning" action={<Button onClick={() => setRun((n) => n + 1)}>Restart</Button>}>
          Cancelled: the registry shows only the {state.rows.length} patients read so far; measures are incomplete.
        </Alert>
      )}
      {state.notes.map((n) => <Alert key={n} severity="warning" sx={{ mb: 1 }}>{n}</Alert>)}
      {state.error && <Alert severity="error">Could not build the registry: {state.error}. The patients read so far are shown; measures are incomplete.</Alert>}
      <Tabs value={tab} onChange={(_e, v) => setTab(v)} aria-label="Registry views" sx={{ mb: 1, "@media print": { display: "none" } }}>
        <Tab label="Registry" />
        <Tab label="Pre-visit planning" />
        <Tab label="Measures" />
        {client && <Tab label="Pain support team" />}
      </Tabs>
      {tab === 0 && (
        <>
          <RegistryTable rows={state.rows} onOpenPatient={onOpenPatient} />
          <ListedPatients listed={state.listed} />
        </>
      )}
      {tab === 1 && <HuddleSheet rows={state.rows} defaultDate={addDays(start.asOf, 1)} />}
      {tab === 2 && (state.report ? (
        <>
          <MeasuresPanel report={state.report} />
          <Typography variant="h6" component="h2" sx={{ mt: 2 }}>Monthly run chart</Typography>
          {state.runChartFinal ? <RunChart points={state.report.runChart} /> : <Typography>Computing the month-end points…</Typography>}
        </>
      ) : <Typography>Measures appear when every patient has been read.</Typography>)}
      {tab === 3 && client && <TeamView client={client} patients={state.rows} asOf={start.asOf} policyJson={start.policyJson} registryRunning={state.status === 'running'} />}
    </Box>
  );
}
