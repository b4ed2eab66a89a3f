/**
 * The printable case review for the support team's meeting: one table per section, every line with its date and,
 * where the panel computed it or it needs context, a note saying so. Printing shows only the case review.
 */
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import GlobalStyles from '@mui/material/GlobalStyles';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { CaseReview } from '../../clinical/review/case-review.ts';
import { formatDate, usDates } from '../format.ts';

const PRINT = {
  '@media print': {
    'body *': { visibility: 'hidden' },
    '.case-review-print, .case-review-print *': { visibility: 'visible' },
    '.case-review-print': { position: 'absolute', left: 0, top: 0, width: '100%' },
    '.case-review-noprint': { display: 'none !important' },
    '.MuiDialog-container, .MuiDialog-paper, .MuiDialogContent-root': { overflow: 'visible !important', maxHeight: 'none !important', height: 'auto !important', position: 'static !important' },
  },
} as const;

export function CaseReviewView({ review, headingId = 'case-review-heading' }: { review: CaseReview; headingId?: string }) {
  return (
    <Box className="case-review-print" component="section" aria-labelledby={headingId}>
      <GlobalStyles styles={PRINT} />
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, flexWrap: 'wrap' }}>
        <Typography id={headingId} component="h2" variant="h5">Case review: {review.patient.name}</Typography>
        <Button className="case-review-noprint" variant="outlined" size="small" onClick={() => window.print()}>Print case review</Button>
      </Box>
      <Typography variant="body2" sx={{ mb: 1 }}>
        {review.patient.birthDate ? `Born ${formatDate(review.patient.birthDate)}. ` : ''}Prepared for the pain support team as of {formatDate(review.asOf)}.
        Every line comes from the chart with its date; a note says when the panel computed a line or a fact has no date.
      </Typography>
      {review.sections.map((s) => {
        const id = `case-${s.id}-heading`;
        return (
          <Box key={s.id} component="section" aria-labelledby={id} sx={{ mt: 2, breakInside: 'avoid-page' }}>
            <Typography id={id} component="h3" variant="subtitle1" sx={{ fontWeight: 700 }}>{s.title}</Typography>
            {s.about && <Typography variant="body2" color="text.secondary">{s.about}</Typography>}
            {s.lines.length === 0 ? (
              <Typography variant="body2">{s.empty}</Typography>
            ) : (
              <Table size="small" aria-labelledby={id}>
                <TableHead>
                  <TableRow>
                    <TableCell sx={{ width: '7.5rem' }}>Date</TableCell>
                    <TableCell>From the record</TableCell>
                    <TableCell sx={{ width: '35%' }}>Note</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {s.lines.map((l, i) => (
                    <TableRow key={`${s.id}-${i}`}>
                      <TableCell sx={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>{l.date ? formatDate(l.date) : 'no date'}</TableCell>
                      <TableCell sx={{ verticalAlign: 'top', whiteSpace: 'pre-wrap' }}>{usDates(l.text)}</TableCell>
                      <TableCell sx={{ verticalAlign: 'top', color: 'text.secondary', fontSize: 13 }}>{l.note ? usDates(l.note) : ''}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
