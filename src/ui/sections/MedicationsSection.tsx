/** Current opioids, MOUD, benzodiazepines and other CNS depressants, naloxone; and the conditions behind the tier. */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ConditionEntry, IsoDate, MedicationClass, MedicationEntry } from '../../clinical/types.ts';
import { windowPhrase } from '../shared/OrdersWindow.tsx';
import { CLASS_LABEL } from '../labels.ts';
import { formatDate, usDates } from '../format.ts';

const CLASS_ORDER: MedicationClass[] = ['opioid', 'moud', 'benzodiazepine', 'cns-depressant', 'naloxone'];

export interface MedicationsProps {
  medications: MedicationEntry[];
  conditions: ConditionEntry[];
  /** How far back orders were read ("No naloxone prescription since …" rather than "on file"). */
  ordersSince?: IsoDate | null;
}

/**
 * Current medicines of a class. Rescue naloxone is a one-time order that is rarely "current", so when none
 * is, the latest one is shown (marked not current) — the due item judges whether it is recent enough.
 */
function shownFor(cls: MedicationClass, current: MedicationEntry[], all: MedicationEntry[]): MedicationEntry[] {
  const now = current.filter((m) => m.class === cls);
  if (now.length > 0 || cls !== 'naloxone') return now;
  const past = all.filter((m) => m.class === cls).sort((a, b) => (b.authoredOn ?? '').localeCompare(a.authoredOn ?? ''));
  return past.slice(0, 1);
}

export function MedicationsSection({ medications, conditions, ordersSince }: MedicationsProps) {
  const current = medications.filter((m) => m.current);
  return (
    <Box>
      {CLASS_ORDER.map((cls) => (
        <MedicationGroup key={cls} cls={cls} entries={shownFor(cls, current, medications)} since={ordersSince} />
      ))}
      <Typography component="h3" variant="subtitle2" sx={{ mt: 2 }}>
        Conditions behind the tier
      </Typography>
      {conditions.length === 0 ? (
        <Typography variant="body2">No relevant conditions on file.</Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid="conditions">
          {conditions.map((c) => (
            <li key={c.conditionId}>
              <Typography variant="body2">
                <strong>{c.display}</strong> ({c.code}) — {c.category}
                {c.inRemission ? ', in remission' : ''}
                {c.clinicalStatus ? `; ${c.clinicalStatus}` : ''}
                {c.onsetOrRecorded ? `; since ${formatDate(c.onsetOrRecorded)}` : ''}
              </Typography>
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
}

function MedicationGroup({ cls, entries, since }: { cls: MedicationClass; entries: MedicationEntry[]; since?: IsoDate | null }) {
  return (
    <Box sx={{ mb: 1 }}>
      <Typography component="h3" variant="subtitle2">
        {CLASS_LABEL[cls]}
      </Typography>
      {entries.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {cls === 'naloxone' ? `No naloxone prescription ${windowPhrase(since)}.` : 'None current.'}
        </Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid={`meds-${cls}`}>
          {entries.map((m) => (
            <li key={m.medicationRequestId}>
              <Typography variant="body2">
                <strong>{m.display}</strong>
                {m.detail ? ` — ${usDates(m.detail)}` : ''} · {m.status}
                {m.current ? '' : ' (not current)'}
                {m.authoredOn ? `, ordered ${formatDate(m.authoredOn)}` : ''}
              </Typography>
              <Typography variant="caption" color="text.secondary" component="p">
                Matched by {m.matchedBy}
              </Typography>
            </li>
          ))}
        </Box>
      )}
    </Box>
  );
}
