/**
 * Unexpected urine drug test results, for the clinician (in the risk section, linked from the strip): the latest
 * test date's results, earlier ones behind a disclosure. Prompts for review, never punitive, never a tier change.
 */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { UdtFinding } from '../../clinical/types.ts';
import { useEngineText } from '../engine-text.ts';
import { formatDate } from '../format.ts';
import { DisclosureButton, DisclosurePanel, useDisclosure } from '../shared/Disclosure.tsx';

export function UdtFindings({ findings }: { findings: UdtFinding[] }) {
  const et = useEngineText();
  const earlier = useDisclosure();
  if (findings.length === 0) return null;
  const sorted = [...findings].sort((a, b) => b.date.localeCompare(a.date));
  const latest = sorted.filter((f) => f.date === sorted[0].date);
  const older = sorted.slice(latest.length);
  const line = (f: UdtFinding) => `${formatDate(f.date)} ${f.test}: ${f.result} — ${et(f.text)}`;
  return (
    <Box id="udt-review" data-testid="udt-findings" sx={{ mt: 1.5, scrollMarginTop: 8 }}>
      <Typography component="h3" variant="subtitle2">
        Unexpected urine drug test result — a prompt to review, not a tier change
      </Typography>
      {latest.map((f) => (
        <Typography key={`${f.date}-${f.test}-${f.kind}`} variant="body2" sx={{ color: '#6d3a00' }}>
          {line(f)}
        </Typography>
      ))}
      {older.length > 0 && (
        <>
          <DisclosureButton open={earlier.open} onToggle={earlier.toggle} controls={earlier.id}>
            {`${older.length} earlier unexpected ${older.length === 1 ? 'result' : 'results'}`}
          </DisclosureButton>
          <DisclosurePanel id={earlier.id} open={earlier.open}>
            {older.map((f) => (
              <Typography key={`${f.date}-${f.test}-${f.kind}`} variant="body2">
                {line(f)}
              </Typography>
            ))}
          </DisclosurePanel>
        </>
      )}
    </Box>
  );
}
