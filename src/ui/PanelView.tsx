/**
 * The panel's layout, from props only (the container is PainPanel.tsx). Every section sits in its own
 * SectionBoundary. One column up to 1023 px (due now first, then the MA's actions, then the clinician's
 * review); from 1024 px the two halves sit side by side.
 */
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import type { PanelProps } from './panel-props.ts';
import { SectionBoundary, StatusGate } from './shared/SectionBoundary.tsx';
import { DueNowSection } from './sections/DueNowSection.tsx';
import { MmeSection } from './sections/MmeSection.tsx';
import { RiskSection } from './sections/RiskSection.tsx';
import { PegSection } from './sections/PegSection.tsx';
import { AgreementSection } from './sections/AgreementSection.tsx';
import { PdmpAttestation } from './sections/PdmpAttestation.tsx';
import { MedicationsSection } from './sections/MedicationsSection.tsx';
import { CopyToNoteSection } from './sections/CopyToNoteSection.tsx';
import { DataNotesSection } from './sections/DataNotesSection.tsx';
import { READY } from './section-status.ts';
import { ReviewSection } from './review/ReviewSection.tsx';

const WIDE = '@media (min-width: 1024px)';
const column = { display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 } as const;

export function PanelView(p: PanelProps) {
  const s = p.summary;
  const asOf = p.asOf ?? s?.asOf ?? '';
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 1440, mx: 'auto', boxSizing: 'border-box' }}>
      {p.sessionError && <Alert severity="error">{p.sessionError.message}</Alert>}
      {p.policyErrors && (
        <Alert severity="error">
          The clinic policy could not be used, so no figures are shown rather than figures computed on guesses:{' '}
          {p.policyErrors.join('; ')}
        </Alert>
      )}
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, [WIDE]: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', alignItems: 'start' } }}>
        <Box sx={column}>
          <SectionBoundary id="due-now" title="Due now" status={p.statuses.due}>
            {() => s && <DueNowSection items={s.monitoring} alerts={s.alerts} udtFindings={s.unexpectedUdt} />}
          </SectionBoundary>
          <SectionBoundary id="agreement" title="Patient agreement and PDMP check" status={READY}>
            {() => (
              <>
                <StatusGate
                  status={p.statuses.agreement}
                  title="Patient agreement"
                  render={() => s && <AgreementSection agreement={s.monitoring.find((m) => m.item === 'agreement') ?? null} />}
                />
                <PdmpAttestation asOf={asOf} canWrite={p.canWrite} onAttest={p.onAttestPdmp} />
              </>
            )}
          </SectionBoundary>
          <SectionBoundary id="peg" title="PEG tracker" status={READY}>
            {() => (
              <PegSection peg={s?.peg ?? null} chartStatus={p.statuses.peg} asOf={asOf} canWrite={p.canWrite} onSave={p.onSavePeg} improvementPct={p.improvementPct} orders={p.orders} />
            )}
          </SectionBoundary>
          <SectionBoundary id="support-team" title="Pain support team" status={READY}>{() => <ReviewSection />}</SectionBoundary>
        </Box>
        <Box sx={column}>
          <SectionBoundary id="risk" title="Risk tier" status={p.statuses.risk}>
            {() => s && <RiskSection risk={s.risk} />}
          </SectionBoundary>
          <SectionBoundary id="mme" title="Morphine milligram equivalents (MME)" status={p.statuses.mme}>
            {() => s && <MmeSection mme={s.mme} thresholds={p.thresholds} orders={p.orders} />}
          </SectionBoundary>
          <SectionBoundary id="meds" title="Medications and conditions" status={p.statuses.meds}>
            {() => s && <MedicationsSection medications={s.medications} conditions={s.conditions} ordersSince={p.orders.since} />}
          </SectionBoundary>
          <SectionBoundary id="copy-to-note" title="Copy to note" status={p.statuses.note}>
            {() => <CopyToNoteSection text={p.noteText} />}
          </SectionBoundary>
          <SectionBoundary id="data-notes" title="Data notes" status={READY}>
            {() => <DataNotesSection asOf={asOf || null} load={p.load} notes={p.notes} counts={p.counts} loadedAt={p.loadedAt} />}
          </SectionBoundary>
        </Box>
      </Box>
    </Box>
  );
}
