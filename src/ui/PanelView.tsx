/**
 * The panel's layout, from props only (the container is PainPanel.tsx). Every section sits in its own
 * SectionBoundary. At every width the rooming checklist comes first and the clinician strip (tier, MME, flags)
 * right under it, so both are on the first screen — in a 390 px phone, a 950 px EHR activity tab and at 1440 px.
 * Below them: one column up to 899 px (the MA's actions, then the clinician's review); from 900 px the two halves
 * sit side by side. Printed, the panel is a one- or two-page visit summary (forms, buttons and notes left out).
 */
import { useMemo } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import GlobalStyles from '@mui/material/GlobalStyles';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { PanelProps } from './panel-props.ts';
import { EngineTextContext, engineTextFor } from './engine-text.ts';
import { SectionBoundary, StatusGate } from './shared/SectionBoundary.tsx';
import { visuallyHidden } from './shared/Disclosure.tsx';
import { Placeholder } from './shared/Placeholder.tsx';
import { DueNowSection } from './sections/DueNowSection.tsx';
import { ClinicianStrip } from './sections/ClinicianStrip.tsx';
import { READY, type SectionStatus } from './section-status.ts';
import { PanelDetailsSlot } from './PanelDetailsSlot.tsx';


const PRINT = {
  '@media print': {
    'html, body': { background: '#fff !important', fontSize: '11px' },
    '.no-print': { display: 'none !important' },
    '.panel-grid': { display: 'block !important' },
    '.panel-column': { display: 'block !important' },
    '.panel-section': { breakInside: 'avoid', border: '0 !important', padding: '4px 0 !important', marginBottom: '6px', boxShadow: 'none !important' },
    '.panel-section h2': { fontSize: '13px', margin: '0 0 2px' },
    // Charts at a little over half the width (their height follows): the summary stays within two pages.
    '.panel-chart': { width: '55% !important' },
    a: { color: 'inherit !important', textDecoration: 'none !important' },
    'main, .panel-root': { padding: '0 !important' },
    '*': { printColorAdjust: 'exact', WebkitPrintColorAdjust: 'exact' },
  },
} as const;

/** The strip has no source of its own: it waits for the summary and says why when it cannot be shown. */
function stripStatus(p: PanelProps): SectionStatus {
  if (p.summary) return READY;
  return p.statuses.risk.state === 'unavailable' ? p.statuses.risk : { state: 'loading' };
}

export function PanelView(p: PanelProps) {
  const s = p.summary;
  const asOf = p.asOf ?? s?.asOf ?? '';
  const et = useMemo(() => engineTextFor(s), [s]);
  return (
    <EngineTextContext.Provider value={et}>
      <GlobalStyles styles={PRINT} />
      <Box className="panel-root" sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, maxWidth: 1440, mx: 'auto', boxSizing: 'border-box' }}>
        {p.sessionError && <Alert severity="error">{p.sessionError.message}</Alert>}
        {p.policyErrors && (
          <Alert severity="error">
            The clinic policy could not be used, so no figures are shown rather than figures computed on guesses:{' '}
            {p.policyErrors.join('; ')}
          </Alert>
        )}
        <SectionBoundary id="due-now" title="Due now" status={p.statuses.due}>
          {() => s && <DueNowSection items={s.monitoring} asOf={asOf} alerts={s.alerts} />}
        </SectionBoundary>
        <Paper component="section" aria-labelledby="clinician-strip-heading" variant="outlined" className="panel-section" data-testid="clinician-strip" sx={{ px: { xs: 1.5, sm: 2 }, py: 1, bgcolor: '#fbfcfd' }}>
          <Typography id="clinician-strip-heading" component="h2" sx={visuallyHidden}>
            Clinician summary
          </Typography>
          <StatusGate
            status={stripStatus(p)}
            title="Clinician summary"
            render={() => (s ? <ClinicianStrip summary={s} thresholds={p.thresholds} asOf={asOf} /> : <Placeholder height={32} />)}
          />
        </Paper>
        <PanelDetailsSlot {...p} asOf={asOf} />
      </Box>
    </EngineTextContext.Provider>
  );
}
