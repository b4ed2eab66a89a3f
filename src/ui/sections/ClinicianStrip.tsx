/**
 * The clinician's strip, right under the rooming checklist at every width: the tier with its top reason, MME/day
 * (or "at least" / "could not compute") with the factor edition, and the flags that change a decision —
 * benzodiazepine with an opioid, no naloxone on file, ≥ the high MME band, an unexpected urine drug test result.
 * Each part links to the section that explains it.
 */
import { daysBetween } from '../../clinical/dates.ts';
import type { MouseEvent, ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { SxProps, Theme } from '@mui/material/styles';
import type { IsoDate, PanelSummary, RiskTier } from '../../clinical/types.ts';
import { useEngineText } from '../engine-text.ts';
import { formatDate, formatNumber } from '../format.ts';
import { COURSE_FLAG_LABEL, displayStatus, TIER_SHORT } from '../labels.ts';
import { visuallyHidden } from '../shared/Disclosure.tsx';
import { TONES, type Tone } from '../shared/StatusChip.tsx';
import { TextLink } from '../shared/TextLink.tsx';
import { withSx } from '../shared/sx.ts';
import type { MmeThresholds } from './MmeBands.tsx';

const TIER_TONE: Record<RiskTier, Tone> = {
  high: TONES.danger,
  moderate: TONES.warning,
  low: TONES.ok,
  unknown: TONES.unknown,
  'not-applicable': TONES.neutral,
};

export interface Flag {
  id: 'benzo' | 'naloxone' | 'high-mme' | 'udt' | `course-${string}`;
  text: string;
  target: string;
}

/** The decision-changing flags, in a fixed order. Pure (tested without React). */
export function decisionFlags(s: PanelSummary, thresholds: MmeThresholds, asOf: IsoDate): Flag[] {
  const flags: Flag[] = [];
  const current = s.medications.filter((m) => m.current);
  const benzo = current.some((m) => m.class === 'benzodiazepine');
  const opioid = current.some((m) => m.class === 'opioid') || s.mme.orders.some((o) => o.status !== 'excluded');
  if ((benzo && opioid) || s.risk.reasons.some((r) => r.id === 'H5-benzo-overlap')) {
    flags.push({ id: 'benzo', text: 'Benzodiazepine with an opioid', target: 'meds' });
  }
  const naloxone = s.monitoring.find((m) => m.item === 'naloxone');
  if (naloxone) {
    const status = displayStatus(naloxone, asOf);
    if (status === 'never-done' || status === 'overdue') flags.push({ id: 'naloxone', text: status === 'overdue' ? 'Naloxone not ordered recently' : 'No naloxone on file', target: 'due-item-naloxone' });
  }
  if (s.mme.atLeast >= thresholds.high) {
    flags.push({ id: 'high-mme', text: `≥ ${formatNumber(thresholds.high)} MME/day`, target: 'mme' });
  }
  if (s.unexpectedUdt.length > 0) {
    const last = [...s.unexpectedUdt].sort((a, b) => b.date.localeCompare(a.date))[0];
    flags.push({ id: 'udt', text: `Unexpected urine drug test result (${formatDate(last.date)})`, target: 'udt-review' });
  }
  // The course flags that change today's decision: a recent fast taper or stop, several prescribers.
  const recent = (s.course?.flags ?? []).filter((f) => ['taper-faster-than-policy', 'abrupt-stop', 'multiple-prescribers', 'overlapping-supply'].includes(f.code) && daysBetween(f.date, asOf) <= 90);
  for (const code of [...new Set(recent.map((f) => f.code))]) flags.push({ id: `course-${code}`, text: COURSE_FLAG_LABEL[code] ?? code, target: 'course' });
  return flags;
}

/** "22.5 MME/day", "At least 30 MME/day", "MME could not be computed". */
export function mmeShort(mme: PanelSummary['mme']): string {
  if (!mme.complete && mme.atLeast > 0) return `At least ${formatNumber(mme.atLeast)} MME/day`;
  if (mme.totalPerDay === null || !mme.complete) return 'MME could not be computed';
  return `${formatNumber(mme.totalPerDay)} MME/day`;
}

const EDITION_SHORT: Record<string, string> = { 'cdc-2022': 'CDC 2022 factors', 'cdc-2016': 'CDC 2016 factors' };

/** Scrolls to a section (or element) and moves focus there, so keyboard users land where the link points. */
function jump(event: MouseEvent, target: string) {
  const el = document.getElementById(target);
  if (!el) return;
  event.preventDefault();
  el.scrollIntoView?.({ block: 'start' });
  const focusable = (el.querySelector('h2[tabindex], h3[tabindex]') as HTMLElement | null) ?? el;
  if (!focusable.hasAttribute('tabindex')) focusable.setAttribute('tabindex', '-1');
  focusable.focus({ preventScroll: true });
}

/** A link to the section that explains a part of the strip (focus moves there too). */
function JumpLink({ target, testId, sx, children }: { target: string; testId: string; sx?: SxProps<Theme>; children: ReactNode }) {
  return (
    <TextLink href={`#${target}`} onClick={(e) => jump(e, target)} underline="hover" testId={testId} sx={withSx({ minWidth: 0 }, sx)}>
      {children}
    </TextLink>
  );
}

function Part({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'flex', alignItems: 'baseline', flexWrap: 'wrap', columnGap: 0.75, minWidth: 0 }}>
      <Typography component="span" variant="body2" sx={{ fontWeight: 600, color: 'text.secondary' }}>
        {label}
      </Typography>
      {children}
    </Box>
  );
}

const pill = (tone: Tone) => ({
  display: 'inline-block',
  px: 0.75,
  borderRadius: 1,
  border: 1,
  borderColor: tone.border,
  bgcolor: tone.bg,
  color: tone.fg,
  fontWeight: 700,
  fontSize: '0.875rem',
  textDecoration: 'none',
  lineHeight: 1.6,
});

export function ClinicianStrip({ summary, thresholds, asOf }: { summary: PanelSummary; thresholds: MmeThresholds; asOf: IsoDate }) {
  const et = useEngineText();
  const tier = summary.risk.tier;
  const top = summary.risk.reasons[0];
  const more = summary.risk.reasons.length - 1;
  const flags = decisionFlags(summary, thresholds, asOf);
  return (
    <Box
      sx={{
        display: 'grid',
        gap: 0.75,
        '@media (min-width: 900px)': { gridTemplateColumns: 'minmax(0, 1.4fr) minmax(0, 1fr) minmax(0, 1.4fr)', alignItems: 'start', columnGap: 2 },
      }}
    >
      <Part label="Risk">
        <JumpLink target="risk" testId="strip-tier">
          <Box component="span" sx={pill(TIER_TONE[tier])}>
            {TIER_SHORT[tier]}
          </Box>{' '}
          {top && (
            <Typography component="span" variant="body2" sx={{ color: 'text.primary' }}>
              {et(top.text)}
              {more > 0 ? ` (+${more} more)` : ''}
            </Typography>
          )}
        </JumpLink>
      </Part>
      <Part label="MME">
        <JumpLink target="mme" testId="strip-mme">
          <Typography component="span" sx={{ fontWeight: 700, color: 'text.primary' }}>
            {mmeShort(summary.mme)}
          </Typography>{' '}
          <Typography component="span" variant="body2" sx={{ color: 'text.secondary' }}>
            {EDITION_SHORT[summary.mme.edition] ?? summary.mme.edition}
          </Typography>
        </JumpLink>
      </Part>
      <Part label="Flags">
        {flags.length === 0 ? (
          <Typography component="span" variant="body2" data-testid="strip-flags">
            None
            <Box component="span" sx={visuallyHidden}>
              {' '}(no benzodiazepine with an opioid, naloxone on file or not indicated, below {formatNumber(thresholds.high)} MME/day, no unexpected urine drug test)
            </Box>
          </Typography>
        ) : (
          <Box component="ul" data-testid="strip-flags" sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5, listStyle: 'none', m: 0, p: 0 }}>
            {flags.map((f) => (
              <li key={f.id}>
                <JumpLink target={f.target} testId={`flag-${f.id}`} sx={pill(TONES.danger)}>
                  {f.text}
                </JumpLink>
              </li>
            ))}
          </Box>
        )}
      </Part>
    </Box>
  );
}
