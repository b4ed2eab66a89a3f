/**
 * Patients listed outside the measures: excluded populations (tier not applicable) and MOUD-only.
 */
import { Accordion, AccordionDetails, AccordionSummary, List, ListItem, Typography } from '@mui/material';
import type { RegistryState } from './useRegistryWorker.ts';

export function ListedPatients({ listed }: { listed: RegistryState['listed'] }) {
  const groups = [
    { kind: 'excluded', title: 'Excluded from monitoring measures (not in LTOT scope)' },
    { kind: 'moud-only', title: 'On medication for opioid use disorder only' },
  ] as const;
  return (
    <>
      {groups.map((g) => {
        const items = listed.filter((l) => l.kind === g.kind);
        return (
          <Accordion key={g.kind} disableGutters>
            <AccordionSummary><Typography>{g.title}: {items.length}</Typography></AccordionSummary>
            <AccordionDetails>
              <List dense>
                {items.map((l) => <ListItem key={l.patient.patientId}>{l.patient.name} — {l.patient.reason}</ListItem>)}
              </List>
            </AccordionDetails>
          </Accordion>
        );
      })}
    </>
  );
}
