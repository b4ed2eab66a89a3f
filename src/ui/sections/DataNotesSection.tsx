/** What was loaded, as of when, and what could not be read or parsed. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { IsoDate, LoadStatus, SourceKey, SourceState } from '../../clinical/types.ts';
import { SOURCE_LABEL } from '../labels.ts';
import { formatDate } from '../format.ts';
import { useEngineText } from '../engine-text.ts';

const STATE_LABEL: Record<SourceState, string> = {
  loading: 'Loading…',
  loaded: 'Loaded',
  partial: 'Partly loaded',
  unavailable: 'Could not read',
  'not-requested': 'Not requested',
};

const SOURCES = Object.keys(SOURCE_LABEL) as SourceKey[];

export interface DataNoteLine {
  level: 'info' | 'warning' | 'error';
  text: string;
}

/** Local clock time of the load, e.g. "3:04 PM" (display only; no rule depends on it). */
function loadTime(instant: string | null | undefined): string {
  if (!instant) return '';
  const t = new Date(instant);
  if (Number.isNaN(t.getTime())) return '';
  return `, loaded at ${t.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit' })}`;
}

function NoteList({ title, notes, testId }: { title: string; notes: DataNoteLine[]; testId: string }) {
  const et = useEngineText();
  if (notes.length === 0) return null;
  return (
    <>
      <Typography component="h3" variant="subtitle2" sx={{ mt: 1 }}>
        {title}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid={testId}>
        {notes.map((note, i) => (
          <li key={`${i}-${note.text}`}>
            <Typography variant="body2">{et(note.text)}</Typography>
          </li>
        ))}
      </Box>
    </>
  );
}

export interface DataNotesProps {
  asOf: IsoDate | null;
  load: LoadStatus;
  /** Engine and loader notes: skipped resources, unknown codes, parse problems ('info' = what was loaded). */
  notes: DataNoteLine[];
  /** When the record finished loading (ISO instant). */
  loadedAt?: string | null;
  /** Optional resource counts per source. */
  counts?: Partial<Record<SourceKey, number>>;
}

export function DataNotesSection({ asOf, load, notes, counts = {}, loadedAt }: DataNotesProps) {
  const et = useEngineText();
  const problems = notes.filter((n) => n.level !== 'info');
  return (
    <Box>
      <Typography variant="body2">
        Figures computed in this browser as of {formatDate(asOf, 'an unknown date')}
        {loadTime(loadedAt)}. Nothing is sent anywhere except what you save.
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 3, my: 1 }} aria-label="Sources read">
        {SOURCES.filter((key) => load[key]).map((key) => {
          const status = load[key]!;
          const count = counts[key];
          return (
            <li key={key}>
              <Typography variant="body2">
                {SOURCE_LABEL[key]}: <strong>{STATE_LABEL[status.state]}</strong>
                {count !== undefined ? ` (${count.toLocaleString('en-US')})` : ''}
                {status.since !== undefined && status.state !== 'unavailable' ? ` · ${status.since ? `from ${formatDate(status.since)} on` : 'all dates'}` : ''}
                {status.reason ? ` — ${et(status.reason)}` : ''}
              </Typography>
            </li>
          );
        })}
      </Box>
      {problems.length === 0 && (
        <Typography variant="body2">Nothing was skipped: every record read could be used.</Typography>
      )}
      <NoteList title="Could not read or use" notes={problems} testId="data-notes" />
      <NoteList title="Details" notes={notes.filter((n) => n.level === 'info')} testId="data-details" />
    </Box>
  );
}
