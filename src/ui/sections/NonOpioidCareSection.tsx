/** Non-opioid pain care: medicines (current or tried in the last year) and non-drug therapies on record. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { NonOpioidCare } from '../../clinical/types.ts';
import { formatDate } from '../format.ts';

const FROM: Record<string, string> = { order: 'ordered', fill: 'filled', statement: 'reported', referral: 'referral', procedure: 'done' };

export function NonOpioidCareSection({ care }: { care: NonOpioidCare }) {
  return (
    <Box data-testid="non-opioid-care">
      <Typography component="h3" variant="subtitle2">Non-opioid medicines</Typography>
      {care.medications.length === 0 ? (
        <Typography variant="body2" color="text.secondary">None current or tried in the last year in the record read.</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 3 }}>
          {care.medications.map((m) => (
            <li key={`${m.source}-${m.id}`}>
              <Typography variant="body2">
                <strong>{m.display}</strong> — {m.detail}; {m.current ? 'current' : 'not current'}{m.date ? `, ${FROM[m.source]} ${formatDate(m.date)}` : ''}
              </Typography>
            </li>
          ))}
        </Box>
      )}
      <Typography component="h3" variant="subtitle2" sx={{ mt: 1 }}>Non-drug therapies</Typography>
      {care.therapies.length === 0 ? (
        <Typography variant="body2" color="text.secondary">No physical therapy, CBT, chiropractic, acupuncture or similar referral or procedure in the record read.</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 3 }}>
          {care.therapies.map((t, i) => (
            <li key={`${t.therapy}-${t.date}-${i}`}>
              <Typography variant="body2"><strong>{t.therapy}</strong> — {t.display} ({FROM[t.from]}{t.date ? ` ${formatDate(t.date)}` : ''}, {t.status})</Typography>
            </li>
          ))}
        </Box>
      )}
      <Typography variant="caption" color="text.secondary" component="p">
        CDC 2022 Recs 1–2: non-opioid and non-drug therapies are preferred for many types of pain and are combined with any opioid.
      </Typography>
    </Box>
  );
}
