/**
 * Streaming aggregation of measure flags: overall and by responsible prescriber. Holds only counts,
 * so memory does not grow with the cohort (the command-line registry adds patients one by one).
 */
import { MEASURE_IDS } from './measure-defs.ts';
import type { MeasureCount, MeasureFlag, MeasureId, Prescriber } from './types.ts';

type Counts = Record<MeasureId, { numerator: number; denominator: number; unavailable: number; incomplete: number }>;

export interface MeasureTally {
  overall: Counts;
  byPrescriber: Map<string, { prescriber: Prescriber; counts: Counts; patients: number }>;
  patients: number;
}

function emptyCounts(): Counts {
  const c = {} as Counts;
  for (const id of MEASURE_IDS) c[id] = { numerator: 0, denominator: 0, unavailable: 0, incomplete: 0 };
  return c;
}

export function createTally(): MeasureTally {
  return { overall: emptyCounts(), byPrescriber: new Map(), patients: 0 };
}

function addTo(counts: Counts, flags: Record<MeasureId, MeasureFlag>): void {
  for (const id of MEASURE_IDS) {
    const f = flags[id];
    if (!f.inDenominator) continue;
    const c = counts[id];
    c.denominator += 1;
    if (f.met) c.numerator += 1;
    if (f.unavailable) c.unavailable += 1;
    if (f.incomplete) c.incomplete += 1;
  }
}

/** Adds one patient (only patients in at least one denominator are counted as measured patients). */
export function tallyAdd(t: MeasureTally, flags: Record<MeasureId, MeasureFlag>, prescriber: Prescriber): void {
  if (!MEASURE_IDS.some((id) => flags[id].inDenominator)) return;
  t.patients += 1;
  addTo(t.overall, flags);
  let p = t.byPrescriber.get(prescriber.key);
  if (!p) {
    p = { prescriber, counts: emptyCounts(), patients: 0 };
    t.byPrescriber.set(prescriber.key, p);
  }
  p.patients += 1;
  addTo(p.counts, flags);
}

export function toMeasureCounts(counts: Counts): MeasureCount[] {
  return MEASURE_IDS.map((id) => {
    const c = counts[id];
    return { id, ...c, rate: c.denominator === 0 ? null : c.numerator / c.denominator };
  });
}

export interface MeasuresReport {
  patients: number;
  overall: MeasureCount[];
  byPrescriber: { prescriber: Prescriber; patients: number; measures: MeasureCount[] }[];
}

/** Plain result; prescribers sorted by display name for stable output. */
export function tallyReport(t: MeasureTally): MeasuresReport {
  const byPrescriber = [...t.byPrescriber.values()]
    .sort((a, b) => a.prescriber.display.localeCompare(b.prescriber.display) || a.prescriber.key.localeCompare(b.prescriber.key))
    .map((p) => ({ prescriber: p.prescriber, patients: p.patients, measures: toMeasureCounts(p.counts) }));
  return { patients: t.patients, overall: toMeasureCounts(t.overall), byPrescriber };
}
