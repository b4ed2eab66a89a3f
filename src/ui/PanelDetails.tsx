/**
 * The panel below the checklist and the strip: one column up to 899 px (the MA's actions, then the clinician's
 * review); from 900 px the two halves side by side. Its own chunk (PanelDetailsSlot.tsx), loaded after the first
 * screen: the forms, charts, tables and dialogs live here.
 */
import { useMemo } from 'react';
import Box from '@mui/material/Box';
import { buildNoteText } from './note-text.ts';
import type { PanelProps } from './panel-props.ts';
import { SectionBoundary, StatusGate } from './shared/SectionBoundary.tsx';
import { MmeSection } from './sections/MmeSection.tsx';
import { RiskSection } from './sections/RiskSection.tsx';
import { PegSection } from './sections/PegSection.tsx';
import { AgreementSection } from './sections/AgreementSection.tsx';
import { PdmpAttestation } from './sections/PdmpAttestation.tsx';
import { MedicationsSection } from './sections/MedicationsSection.tsx';
import { CopyToNoteSection } from './sections/CopyToNoteSection.tsx';
import { DataNotesSection } from './sections/DataNotesSection.tsx';
import { CourseSection } from './sections/CourseSection.tsx';
import { NonOpioidCareSection } from './sections/NonOpioidCareSection.tsx';
import { RefillSection } from './refill/RefillSection.tsx';
import { ReviewSection } from './review/ReviewSection.tsx';
import { READY } from './section-status.ts';
import { WIDE_MIN_PX } from './layout.ts';

const WIDE = `@media (min-width: ${WIDE_MIN_PX}px)`;
const column = { display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 } as const;

export default function PanelDetails(p: PanelProps & { asOf: string }) {
  const s = p.summary;
  const asOf = p.asOf;
  const noteText = useMemo(() => (s ? buildNoteText(s) : ''), [s]);
  return (
    <Box className="panel-grid" sx={{ display: 'flex', flexDirection: 'column', gap: 2, [WIDE]: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', alignItems: 'start' } }}>
      <Box className="panel-column" sx={column}>
        <SectionBoundary id="agreement" title="Patient agreement and PDMP check" status={READY}>
          {() => (
            <>
              <StatusGate
                status={p.statuses.agreement}
                title="Patient agreement"
                render={() => s && <AgreementSection agreement={s.monitoring.find((m) => m.item === 'agreement') ?? null} asOf={asOf} />}
              />
              <Box className="no-print">
                <PdmpAttestation asOf={asOf} canWrite={p.canWrite} />
              </Box>
            </>
          )}
        </SectionBoundary>
        <SectionBoundary id="refill" title="Refill request" status={p.statuses.mme} className="no-print">
          {() => s && p.policy && <RefillSection summary={s} policy={p.policy} />}
        </SectionBoundary>
        <SectionBoundary id="peg" title="PEG tracker" status={READY}>
          {() => (
            <PegSection peg={s?.peg ?? null} chartStatus={p.statuses.peg} asOf={asOf} canWrite={p.canWrite} improvementPct={p.improvementPct} orders={p.orders} />
          )}
        </SectionBoundary>
      </Box>
      <Box className="panel-column" sx={column}>
        <SectionBoundary id="risk" title="Risk tier" status={p.statuses.risk}>
          {() => s && <RiskSection risk={s.risk} udtFindings={s.unexpectedUdt} />}
        </SectionBoundary>
        <SectionBoundary id="mme" title="Morphine milligram equivalents (MME)" status={p.statuses.mme}>
          {() => s && <MmeSection mme={s.mme} thresholds={p.thresholds} orders={p.orders} />}
        </SectionBoundary>
        <SectionBoundary id="course" title="Opioid course over time" status={p.statuses.mme}>
          {() => s?.course && <CourseSection course={s.course} thresholds={p.thresholds} />}
        </SectionBoundary>
        <SectionBoundary id="meds" title="Medications and conditions" status={p.statuses.meds}>
          {() => s && <MedicationsSection medications={s.medications} conditions={s.conditions} ordersSince={p.orders.since} />}
        </SectionBoundary>
        <SectionBoundary id="non-opioid-care" title="Non-opioid pain care" status={p.statuses.meds}>
          {() => s?.nonOpioidCare && <NonOpioidCareSection care={s.nonOpioidCare} />}
        </SectionBoundary>
        <SectionBoundary id="support-team" title="Pain support team" status={READY} className="no-print">{() => <ReviewSection />}</SectionBoundary>
        <SectionBoundary id="copy-to-note" title="Copy to note" status={p.statuses.note} className="no-print">
          {() => <CopyToNoteSection text={noteText} />}
        </SectionBoundary>
        <SectionBoundary id="data-notes" title="Data notes" status={READY} className="no-print">
          {() => <DataNotesSection asOf={asOf || null} load={p.load} notes={p.notes} counts={p.counts} loadedAt={p.loadedAt} />}
        </SectionBoundary>
      </Box>
    </Box>
  );
}
