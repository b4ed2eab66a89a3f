/**
 * The rooming checklist, read in ten seconds: one line per item that needs doing at this visit (status word and
 * icon, item, last date, what to do), PDMP check and urine drug test first; then one line naming what could not be
 * checked (check by hand); due-soon items on a quieter line; everything up to date (or not applicable) in one line.
 * Each item's reasons and sources are behind its own "Why" disclosure. Items that need action are never green.
 */
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { IsoDate, MonitoringItem, MonitoringItemId } from '../../clinical/types.ts';
import { useEngineText } from '../engine-text.ts';
import { formatDate } from '../format.ts';
import { ACTION_TEXT, DUE_NOW, ITEM_LABEL, ITEM_ORDER, ITEM_SHORT, STATUS_LABEL, displayStatus, type DisplayStatus } from '../labels.ts';
import { QuietButton } from '../shared/QuietButton.tsx';
import { DisclosureButton, DisclosurePanel, useDisclosure, visuallyHidden } from '../shared/Disclosure.tsx';
import { STATUS_LOOK, StatusChip } from '../shared/StatusChip.tsx';
import { ItemDetails } from './ItemDetails.tsx';

export interface DueNowProps {
  items: MonitoringItem[];
  /** The visit day: a due-soon item due today is done now. Defaults to the latest date the items mention. */
  asOf?: IsoDate;
  /** Same-day clinician alerts (e.g. PHQ-9 item 9 > 0). */
  alerts?: string[];
}

interface Shown {
  item: MonitoringItem;
  status: DisplayStatus;
}

const byRoomingOrder = (a: Shown, b: Shown) => ITEM_ORDER.indexOf(a.item.item) - ITEM_ORDER.indexOf(b.item.item);

function shownItems(items: MonitoringItem[], asOf: IsoDate): Shown[] {
  return items.map((item) => ({ item, status: displayStatus(item, asOf) })).sort(byRoomingOrder);
}

/** The headline lists only what is due now; what could not be checked is counted, never called "nothing due". */
export function dueHeadline(items: MonitoringItem[], asOf: IsoDate = ''): string {
  const shown = shownItems(items, asOf);
  const now = shown.filter((s) => DUE_NOW.has(s.status)).map((s) => ITEM_SHORT[s.item.item]);
  const unknown = shown.filter((s) => s.status === 'unavailable').length;
  if (now.length) return `To do now (${now.length}): ${now.join(', ')}`;
  if (unknown) return `Nothing known to be due — ${unknown === 1 ? '1 item' : `${unknown} items`} could not be checked`;
  return 'Nothing due now';
}

export function DueNowSection({ items, asOf, alerts = [] }: DueNowProps) {
  const day = asOf ?? '';
  const shown = shownItems(items, day);
  const act = shown.filter((s) => DUE_NOW.has(s.status));
  const unknown = shown.filter((s) => s.status === 'unavailable');
  const soon = shown.filter((s) => s.status === 'due-soon');
  const done = shown.filter((s) => s.status === 'up-to-date');
  const na = shown.filter((s) => s.status === 'not-applicable');
  const et = useEngineText();
  if (items.length === 0) return <Typography>No monitoring items were computed for this patient.</Typography>;
  return (
    <Box>
      {alerts.map((alert) => (
        <Alert key={alert} severity="error" sx={{ mb: 1 }}>
          {et(alert)}
        </Alert>
      ))}
      <Typography component="p" sx={{ fontWeight: 700, mb: 0.5 }} data-testid="due-headline">
        {dueHeadline(items, day)}
      </Typography>
      {act.length > 0 && (
        <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }} aria-label="Due now checklist">
          {act.map((s) => (
            <DueRow key={s.item.item} {...s} asOf={day} />
          ))}
        </Box>
      )}
      <QuietLine groups={[{ label: 'Could not check — check the chart by hand', entries: unknown, strong: true }]} asOf={day} testId="could-not-check-line" />
      <QuietLine groups={[{ label: 'Due soon', entries: soon, dated: true }]} asOf={day} testId="due-soon-line" />
      <QuietLine groups={[{ label: 'Up to date', entries: done }, { label: 'Not applicable', entries: na }]} asOf={day} testId="up-to-date-line" />
    </Box>
  );
}

function lastText(s: Shown): string {
  if (s.item.lastDate) return `last ${formatDate(s.item.lastDate)}`;
  return s.status === 'unavailable' ? 'last unknown' : 'none on file';
}

function DueRow({ item, status, asOf }: Shown & { asOf: IsoDate }) {
  const why = useDisclosure();
  const todo = ACTION_TEXT[item.item];
  return (
    <Box
      component="li"
      id={`due-item-${item.item}`}
      data-testid={`due-${item.item}`}
      data-status={status}
      sx={{
        py: 0.75,
        borderTop: 1,
        borderColor: 'divider',
        display: 'grid',
        columnGap: 1,
        rowGap: 0.25,
        alignItems: 'center',
        gridTemplateColumns: 'auto minmax(0, 1fr) auto',
        gridTemplateAreas: '"status what why" "todo todo todo" "details details details"',
        '@media (min-width: 600px)': {
          gridTemplateColumns: '8.25rem minmax(0, 13rem) minmax(0, 1fr) auto',
          gridTemplateAreas: '"status what todo why" "details details details details"',
        },
      }}
    >
      <Box sx={{ gridArea: 'status' }}>
        <StatusChip status={status} />
      </Box>
      <Typography component="h3" sx={{ gridArea: 'what', minWidth: 0, fontWeight: 700, fontSize: '1rem', lineHeight: 1.3 }}>
        {ITEM_LABEL[item.item]}
      </Typography>
      <Typography variant="body2" sx={{ gridArea: 'todo', minWidth: 0 }}>
        <Box component="span" sx={{ whiteSpace: 'nowrap', color: 'text.secondary' }}>
          {lastText({ item, status })}
        </Box>
        {' · '}
        {todo}
      </Typography>
      <Box sx={{ gridArea: 'why', justifySelf: 'end' }}>
        <DisclosureButton open={why.open} onToggle={why.toggle} controls={why.id} label={`Why: ${ITEM_LABEL[item.item]}`}>
          Why
        </DisclosureButton>
      </Box>
      <Box sx={{ gridArea: 'details', minWidth: 0 }}>
        <DisclosurePanel id={why.id} open={why.open}>
          <ItemDetails item={item} asOf={asOf} />
        </DisclosurePanel>
      </Box>
    </Box>
  );
}

interface QuietGroup {
  label: string;
  entries: Shown[];
  /** Show the due date ("Agreement by 12/24/2026"). */
  dated?: boolean;
  /** Needs action (could not check): the label in the status colour, not grey. */
  strong?: boolean;
}

/** A quiet line of items ("Due soon: Agreement by 12/24/2026 · PHQ-9 by 01/05/2027"); each opens its own why. */
function QuietLine({ groups, asOf, testId }: { groups: QuietGroup[]; asOf: IsoDate; testId: string }) {
  const [open, setOpen] = useState<MonitoringItemId | null>(null);
  const panelId = `${testId}-why`;
  const shown = groups.filter((g) => g.entries.length > 0);
  if (shown.length === 0) return null;
  const opened = shown.flatMap((g) => g.entries).find((e) => e.item.item === open);
  return (
    <Box data-testid={testId} sx={{ borderTop: 1, borderColor: 'divider', pt: 0.25, mt: 0.25 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 0.25 }}>
        {shown.map((g, gi) => (
          <Box component="span" key={g.label} sx={{ display: 'contents' }}>
            <Typography component="span" variant="body2" sx={{ fontWeight: g.strong ? 700 : 600, color: g.strong ? STATUS_LOOK.unavailable.tone.fg : 'text.secondary', ml: gi > 0 ? 1 : 0, mr: 0.25 }}>
              {g.label}:
            </Typography>
            {g.entries.map(({ item, status }) => {
              const { tone, Icon } = STATUS_LOOK[status];
              const isOpen = open === item.item;
              return (
                <Box component="span" key={item.item} id={`due-item-${item.item}`} data-testid={`due-${item.item}`} data-status={status}>
                  <QuietButton
                    tone="neutral"
                    aria-expanded={isOpen}
                    aria-controls={isOpen ? panelId : undefined}
                    onClick={() => setOpen(isOpen ? null : item.item)}
                    startIcon={<Icon sx={{ color: tone.fg }} />}
                    sx={{ px: 0.5, gap: 0.25 }}
                  >
                    <Box component="span" sx={visuallyHidden}>
                      {STATUS_LABEL[status]}:{' '}
                    </Box>
                    {ITEM_SHORT[item.item]}
                    {g.dated && item.dueDate ? ` by ${formatDate(item.dueDate)}` : ''}
                  </QuietButton>
                </Box>
              );
            })}
          </Box>
        ))}
      </Box>
      {opened && (
        <DisclosurePanel id={panelId} open>
          <Typography variant="body2" sx={{ fontWeight: 700 }}>
            {ITEM_LABEL[opened.item.item]}: {STATUS_LABEL[opened.status]}
          </Typography>
          <ItemDetails item={opened.item} asOf={asOf} />
        </DisclosurePanel>
      )}
    </Box>
  );
}
