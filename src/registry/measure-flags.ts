/**
 * One patient's contribution to each measure, from the summary computed as of the measurement date.
 * Unavailable data never counts as met: it stays in the denominator and is counted as "unavailable".
 */
import { addDays } from '../clinical/dates.ts';
import type { IsoDate, MonitoringItemId, PanelSummary } from '../clinical/types.ts';
import { cohortOf, hasCurrent } from './cohort.ts';
import type { MeasureFlag, MeasureId } from './types.ts';

/** The same calendar day 12 months earlier (29 Feb → 28 Feb). Memoised: every patient asks for the same few dates. */
const yearBefore = new Map<IsoDate, IsoDate>();
export function twelveMonthsBefore(asOf: IsoDate): IsoDate {
  let out = yearBefore.get(asOf);
  if (out === undefined) {
    out = computeTwelveMonthsBefore(asOf);
    if (yearBefore.size < 1000) yearBefore.set(asOf, out);
  }
  return out;
}

function computeTwelveMonthsBefore(asOf: IsoDate): IsoDate {
  const [y, m, d] = asOf.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

const OUT: MeasureFlag = { inDenominator: false, met: false, unavailable: false, incomplete: false };

function item(s: PanelSummary, id: MonitoringItemId) {
  return s.monitoring.find((m) => m.item === id);
}

/** Met when the item's last event lies in [from, asOf]. */
function withinWindow(s: PanelSummary, id: MonitoringItemId, from: IsoDate): MeasureFlag {
  const it = item(s, id);
  const last = it?.lastDate ?? (id === 'peg' ? (s.peg.entries.at(-1)?.date ?? null) : null);
  const met = last !== null && last >= from && last <= s.asOf;
  return { inDenominator: true, met, unavailable: !met && (!it || it.status === 'unavailable'), incomplete: false };
}

function statusIn(s: PanelSummary, id: MonitoringItemId, ok: readonly string[]): MeasureFlag {
  const it = item(s, id);
  const met = !!it && ok.includes(it.status);
  return { inDenominator: true, met, unavailable: !it || it.status === 'unavailable', incomplete: false };
}

function mmeAtLeast(s: PanelSummary, threshold: number): MeasureFlag {
  // The engine's lower bound (an unknown ER/LA order counts at least one unit a day): never read as lower.
  const lowerBound = s.mme.complete ? (s.mme.totalPerDay ?? 0) : Math.max(s.mme.atLeast ?? 0, s.mme.totalPerDay ?? 0);
  return { inDenominator: true, met: lowerBound >= threshold, unavailable: false, incomplete: !s.mme.complete };
}

const ON_TIME = ['up-to-date', 'due-soon'] as const;

/** Flags for every measure; all out of the denominator unless the patient is in the 'opioid' cohort. */
export function measureFlags(s: PanelSummary): Record<MeasureId, MeasureFlag> {
  const inScope = cohortOf(s) === 'opioid';
  const flag = (f: () => MeasureFlag): MeasureFlag => (inScope ? f() : OUT);
  const naloxone = item(s, 'naloxone');
  return {
    'agreement-12m': flag(() => withinWindow(s, 'agreement', twelveMonthsBefore(s.asOf))),
    'udt-policy': flag(() => statusIn(s, 'udt', ON_TIME)),
    'pdmp-90d': flag(() => withinWindow(s, 'pdmp', addDays(s.asOf, -90))),
    'peg-90d': flag(() => withinWindow(s, 'peg', addDays(s.asOf, -90))),
    'naloxone-indicated': flag(() =>
      naloxone?.status === 'not-applicable' ? OUT : statusIn(s, 'naloxone', ON_TIME),
    ),
    'benzo-coprescribing': flag(() => ({
      inDenominator: true, met: hasCurrent(s, 'benzodiazepine'), unavailable: false, incomplete: false,
    })),
    'mme-50': flag(() => mmeAtLeast(s, 50)),
    'mme-90': flag(() => mmeAtLeast(s, 90)),
  };
}
