/**
 * The pain support team's tab of the clinic registry: the review queue (with the case review and the
 * recommendation form), clinical variation by prescriber, and the re-allocation list. Reads the team's requests
 * with the registry's user-level session; the patients come from the registry's rows.
 */
import { useEffect, useMemo, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import type Client from 'fhirclient/lib/Client';
import { DEFAULT_POLICY, parsePolicy } from '../../../clinical/policy/index.ts';
import { buildQueue, shownName, type QueueEntry } from '../../../clinical/review/queue.ts';
import { readReviews } from '../../../clinical/review/read.ts';
import type { TeamPatient } from '../../../clinical/review/types.ts';
import { variationByPrescriber } from '../../../clinical/review/variation.ts';
import type { IsoDate } from '../../../clinical/types.ts';
import { resetPanelStore } from '../../../store/index.ts';
import { useReviewsStore } from '../../../store/reviews-store.ts';
import { CaseReviewPanel } from '../../review/CaseReviewPanel.tsx';
import { loadCaseRecord } from './load-case.ts';
import { ReallocationView } from './ReallocationView.tsx';
import { TeamQueue } from './TeamQueue.tsx';
import { VariationView } from './VariationView.tsx';

export interface TeamViewProps {
  client: Client;
  /** The registry's patients (rows arrive while it runs). */
  patients: TeamPatient[];
  asOf: IsoDate;
  /** public/policy.json as served (null: unreadable → the default policy, as the registry does). */
  policyJson: unknown;
  registryRunning: boolean;
}

export function TeamView({ client, patients, asOf, policyJson, registryRunning }: TeamViewProps) {
  const parsed = useMemo(() => (policyJson ? parsePolicy(policyJson) : null), [policyJson]);
  const policy = parsed?.ok ? parsed.policy : DEFAULT_POLICY;
  const team = useReviewsStore((s) => s.team);
  useEffect(() => {
    if (!useReviewsStore.getState().team) void useReviewsStore.getState().loadTeam(client);
  }, [client]);
  const reviews = useMemo(() => readReviews(team?.resources ?? []), [team]);
  const queue = useMemo(() => buildQueue(patients, reviews, policy, asOf), [patients, reviews, policy, asOf]);
  const names = useMemo(() => new Map(patients.map((p) => [p.patientId, shownName(p.name, p.patientId)])), [patients]);
  const variation = useMemo(() => variationByPrescriber(patients, policy, asOf), [patients, policy, asOf]);
  const [tab, setTab] = useState(0);
  const [open, setOpen] = useState<QueueEntry | null>(null);

  if (open) {
    return <TeamCaseReview client={client} entry={open} asOf={asOf} onBack={() => { setOpen(null); void useReviewsStore.getState().loadTeam(client); }} />;
  }
  const problem = team?.state === 'failed' ? (team.reason ?? 'unknown reason') : null;
  return (
    <Box>
      <Typography variant="body2" sx={{ mb: 1 }}>
        For the clinic&apos;s pain support team: clinicians&apos; requests and the patients the clinic&apos;s policy lists for review, clinical
        variation by prescriber, and re-allocation when a prescriber leaves.
      </Typography>
      {parsed && !parsed.ok && <Alert severity="info" sx={{ mb: 1 }}>The clinic policy file could not be used: the default review rules apply.</Alert>}
      <Tabs value={tab} onChange={(_e, v) => setTab(v)} aria-label="Support team views" sx={{ mb: 1, '@media print': { display: 'none' } }}>
        <Tab label="Review queue" />
        <Tab label="Clinical variation" />
        <Tab label="Re-allocation" />
      </Tabs>
      {tab === 0 && (
        <TeamQueue
          entries={queue}
          reviews={reviews}
          names={names}
          problem={team?.unsupported ? null : problem}
          registryRunning={registryRunning}
          onOpen={setOpen}
          onReload={() => void useReviewsStore.getState().loadTeam(client)}
        />
      )}
      {tab === 1 && <VariationView rows={variation.rows} clinic={variation.clinic} policy={policy} />}
      {tab === 2 && <ReallocationView patients={patients} reviews={reviews} asOf={asOf} />}
    </Box>
  );
}

/** One patient's case review, opened from the queue: the record is read into the panel's store for it. */
function TeamCaseReview({ client, entry, asOf, onBack }: { client: Client; entry: QueueEntry; asOf: IsoDate; onBack: () => void }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let live = true;
    resetPanelStore();
    setReady(true);
    void loadCaseRecord(client, entry.patientId, asOf, () => live);
    void useReviewsStore.getState().loadPatient(client, entry.patientId);
    return () => {
      live = false;
      resetPanelStore();
    };
  }, [client, entry.patientId, asOf]);
  return (
    <Box>
      <Button className="case-review-noprint" onClick={onBack} sx={{ mb: 1 }}>← Back to the queue</Button>
      {ready && <CaseReviewPanel client={client} patientId={entry.patientId} taskId={entry.requests[0]?.taskId ?? null} listedFor={entry.reasons} />}
    </Box>
  );
}
