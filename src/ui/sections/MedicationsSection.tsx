/**
 * Current opioids, MOUD, benzodiazepines and other CNS depressants, naloxone; and the conditions behind the tier.
 * Repeated orders of one product are one line (latest order, how many, date range; expand for all); the
 * conditions are one line per code, resolved ones collapsed.
 */
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { ConditionEntry, IsoDate, MedicationClass, MedicationEntry } from '../../clinical/types.ts';
import { windowPhrase } from '../shared/OrdersWindow.tsx';
import { CLASS_LABEL } from '../labels.ts';
import { formatDate, plural } from '../format.ts';
import { useEngineText } from '../engine-text.ts';
import { groupBy, groupConditions, productKey, type ConditionGroup, type Group } from '../grouping.ts';
import { DisclosureButton, DisclosurePanel, useDisclosure } from '../shared/Disclosure.tsx';

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

/** "01/05/2025 – 11/13/2026" (one date when they are the same). */
function range(first: IsoDate | null, last: IsoDate | null): string {
  if (!first || !last) return 'dates not all recorded';
  return first === last ? formatDate(first) : `${formatDate(first)} – ${formatDate(last)}`;
}

export function MedicationsSection({ medications, conditions, ordersSince }: MedicationsProps) {
  const current = medications.filter((m) => m.current);
  return (
    <Box>
      {CLASS_ORDER.map((cls) => (
        <MedicationGroup key={cls} cls={cls} entries={shownFor(cls, current, medications)} since={ordersSince} />
      ))}
      <Conditions conditions={conditions} />
    </Box>
  );
}

function MedicationGroup({ cls, entries, since }: { cls: MedicationClass; entries: MedicationEntry[]; since?: IsoDate | null }) {
  const groups = groupBy(entries, (m) => productKey(m.display), (m) => m.authoredOn);
  return (
    <Box sx={{ mb: 1 }}>
      <Typography component="h3" variant="subtitle2">
        {CLASS_LABEL[cls]}
      </Typography>
      {groups.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {cls === 'naloxone' ? `No naloxone prescription ${windowPhrase(since)}.` : 'None current.'}
        </Typography>
      ) : (
        <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid={`meds-${cls}`}>
          {groups.map((g) => (
            <ProductLine key={g.key} group={g} />
          ))}
        </Box>
      )}
    </Box>
  );
}

function orderText(m: MedicationEntry, et: (s: string) => string): string {
  return `${m.detail ? `${et(m.detail)} · ` : ''}${m.status}${m.current ? '' : ' (not current)'}${m.authoredOn ? `, ordered ${formatDate(m.authoredOn)}` : ''}`;
}

function ProductLine({ group }: { group: Group<MedicationEntry> }) {
  const et = useEngineText();
  const all = useDisclosure();
  const m = group.latest;
  const n = group.items.length;
  return (
    <li>
      <Typography variant="body2">
        <strong>{m.display}</strong> — {orderText(m, et)}
        {n > 1 && ` · ${plural(n, 'order')}, ${range(group.first, group.last)}`}
      </Typography>
      {n > 1 && (
        <>
          <DisclosureButton open={all.open} onToggle={all.toggle} controls={all.id} label={`Show all ${n} orders of ${m.display}`}>
            {all.open ? 'Hide the orders' : `Show all ${n} orders`}
          </DisclosureButton>
          <DisclosurePanel id={all.id} open={all.open}>
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {group.items.map((o) => (
                <Typography component="li" variant="body2" key={o.medicationRequestId}>
                  {o.display !== m.display ? `${o.display} — ` : ''}
                  {orderText(o, et)}
                </Typography>
              ))}
            </Box>
          </DisclosurePanel>
        </>
      )}
      <Typography variant="caption" color="text.secondary" component="p">
        Matched by {m.matchedBy}
      </Typography>
    </li>
  );
}

function conditionLine(g: ConditionGroup): string {
  const c = g.shown;
  const status = [c.inRemission ? 'in remission' : null, c.clinicalStatus].filter(Boolean).join('; ');
  const when = g.items.length > 1 ? `; ${g.items.length} records, ${range(g.first, g.last)}` : c.onsetOrRecorded ? `; since ${formatDate(c.onsetOrRecorded)}` : '';
  return ` (${c.code}) — ${c.category}${status ? `${c.inRemission ? ', ' : '; '}${status}` : ''}${when}`;
}

function Conditions({ conditions }: { conditions: ConditionEntry[] }) {
  const resolved = useDisclosure();
  const groups = groupConditions(conditions);
  const active = groups.filter((g) => g.active);
  const inactive = groups.filter((g) => !g.active);
  const list = (gs: ConditionGroup[], testId?: string) => (
    <Box component="ul" sx={{ m: 0, pl: 3 }} data-testid={testId}>
      {gs.map((g) => (
        <li key={g.key}>
          <Typography variant="body2">
            <strong>{g.shown.display}</strong>
            {conditionLine(g)}
          </Typography>
        </li>
      ))}
    </Box>
  );
  return (
    <>
      <Typography component="h3" variant="subtitle2" sx={{ mt: 2 }}>
        Conditions behind the tier
      </Typography>
      {groups.length === 0 ? (
        <Typography variant="body2">No relevant conditions on file.</Typography>
      ) : (
        <>
          {active.length > 0 ? list(active, 'conditions') : <Typography variant="body2">None active.</Typography>}
          {inactive.length > 0 && (
            <Box data-testid="conditions-resolved">
              <DisclosureButton open={resolved.open} onToggle={resolved.toggle} controls={resolved.id}>
                {`Resolved or inactive: ${plural(inactive.length, 'condition')}`}
              </DisclosureButton>
              <DisclosurePanel id={resolved.id} open={resolved.open}>
                {list(inactive)}
              </DisclosurePanel>
            </Box>
          )}
        </>
      )}
    </>
  );
}
