/**
 * The opioid course: start (or "at or before"), length, long-term, the responsible prescriber, when the supply runs
 * out, the dose history chart, each change explained, and the pace flags in review words that blame nobody.
 */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { CourseResult } from '../../clinical/course/types.ts';
import { formatDate, usDates } from '../format.ts';
import { COURSE_FLAG_LABEL } from '../labels.ts';
import { DoseHistoryChart, changeLabel } from './DoseHistoryChart.tsx';

function courseLine(c: CourseResult): string {
  if (!c.start) return 'No opioid course in the orders read.';
  const start = `${c.startKnown ? 'Started' : 'Started on or before'} ${formatDate(c.start)}${c.startKnown ? '' : ' (earlier orders were not read)'}`;
  const length = c.days !== null ? `, ${c.days} days${c.longTerm ? ' — long-term therapy' : ''}` : '';
  return `${start}${length}${c.responsible ? `; prescriber ${c.responsible}` : ''}.`;
}

function supplyLine(c: CourseResult): string | null {
  if (!c.supplyEnds) return null;
  const left = c.daysLeft === null ? '' : c.daysLeft < 0 ? ` (ran out ${-c.daysLeft} days ago)` : ` (${c.daysLeft} days left)`;
  const fill = c.lastFill ? `; last fill ${formatDate(c.lastFill.date)}${c.lastFill.daysSupply ? `, ${c.lastFill.daysSupply} days` : ''}` : '';
  return `Supply runs out ${formatDate(c.supplyEnds)}${left}${fill}.`;
}

export function CourseSection({ course, thresholds }: { course: CourseResult; thresholds?: { caution: number; high: number } }) {
  const supply = supplyLine(course);
  return (
    <Box>
      <Typography variant="body2" data-testid="course-summary">{courseLine(course)}</Typography>
      {supply && <Typography variant="body2" data-testid="course-supply">{supply}</Typography>}
      {course.flags.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 3, my: 1 }} data-testid="course-flags" aria-label="To review">
          {course.flags.map((f, i) => (
            <li key={`${f.code}-${f.date}-${i}`}>
              <Typography variant="body2"><strong>{COURSE_FLAG_LABEL[f.code] ?? f.code}</strong> ({formatDate(f.date)}): {usDates(f.detail)}</Typography>
            </li>
          ))}
        </Box>
      )}
      <DoseHistoryChart course={course} thresholds={thresholds} />
      {course.changes.length > 0 && (
        <details>
          <summary><Typography component="span" variant="body2">Every change ({course.changes.length})</Typography></summary>
          <Box component="ul" sx={{ m: 0, pl: 3 }}>
            {course.changes.map((c, i) => <li key={`${c.date}-${i}`}><Typography variant="body2">{changeLabel(c)}</Typography></li>)}
          </Box>
        </details>
      )}
      <Typography variant="caption" color="text.secondary" component="p">
        Pace is the reduction over the time since the previous one, per month. CDC 2022 (Rec 5) and the HHS 2019 guide
        suggest about 10% a month or slower after a year or more of therapy; never stop abruptly from higher doses.
      </Typography>
    </Box>
  );
}
