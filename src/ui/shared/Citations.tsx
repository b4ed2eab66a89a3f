/** Sources as a short list of titles, each a link when it has one (opens outside the EHR frame). */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Citation } from '../../clinical/types.ts';
import { TextLink } from './TextLink.tsx';

export function Citations({ citations, fallback }: { citations?: readonly Citation[]; fallback?: string }) {
  if (!citations?.length) {
    return fallback ? (
      <Typography variant="body2" color="text.secondary">
        Source: {fallback}
      </Typography>
    ) : null;
  }
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" component="p" sx={{ m: 0 }}>
        {citations.length === 1 ? 'Source:' : 'Sources:'}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {citations.map((c) => (
          <Typography component="li" variant="body2" color="text.secondary" key={c.label}>
            {c.url ? (
              <TextLink href={c.url} external>
                {c.label}
              </TextLink>
            ) : (
              c.label
            )}
          </Typography>
        ))}
      </Box>
    </Box>
  );
}
