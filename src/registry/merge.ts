/**
 * Merges registry reports computed over disjoint sets of patients (the command-line registry's
 * threads each take whole patients): counts add up, rates are recomputed from the sums.
 */
import type { RegistryReport } from './accumulate.ts';
import type { MeasureCount } from './types.ts';

function addCounts(a: readonly MeasureCount[], b: readonly MeasureCount[]): MeasureCount[] {
  return a.map((m) => {
    const o = b.find((x) => x.id === m.id);
    const numerator = m.numerator + (o?.numerator ?? 0);
    const denominator = m.denominator + (o?.denominator ?? 0);
    return {
      id: m.id, numerator, denominator, rate: denominator === 0 ? null : numerator / denominator,
      unavailable: m.unavailable + (o?.unavailable ?? 0), incomplete: m.incomplete + (o?.incomplete ?? 0),
    };
  });
}

export function mergeReports(a: RegistryReport, b: RegistryReport): RegistryReport {
  if (a.asOf !== b.asOf) throw new Error(`cannot merge reports as of ${a.asOf} and ${b.asOf}`);
  const prescribers = new Map(a.measures.byPrescriber.map((p) => [p.prescriber.key, p]));
  for (const p of b.measures.byPrescriber) {
    const mine = prescribers.get(p.prescriber.key);
    prescribers.set(p.prescriber.key, mine
      ? { prescriber: mine.prescriber, patients: mine.patients + p.patients, measures: addCounts(mine.measures, p.measures) }
      : p);
  }
  const excludedByReason = { ...a.excludedByReason };
  for (const [k, v] of Object.entries(b.excludedByReason)) excludedByReason[k] = (excludedByReason[k] ?? 0) + v;
  return {
    asOf: a.asOf,
    patientsRead: a.patientsRead + b.patientsRead,
    cohort: {
      opioid: a.cohort.opioid + b.cohort.opioid, excluded: a.cohort.excluded + b.cohort.excluded,
      moudOnly: a.cohort.moudOnly + b.cohort.moudOnly, notOnOpioids: a.cohort.notOnOpioids + b.cohort.notOnOpioids,
    },
    measures: {
      patients: a.measures.patients + b.measures.patients,
      overall: addCounts(a.measures.overall, b.measures.overall),
      byPrescriber: [...prescribers.values()].sort((x, y) =>
        x.prescriber.display.localeCompare(y.prescriber.display) || x.prescriber.key.localeCompare(y.prescriber.key)),
    },
    runChart: a.runChart.map((p, i) => {
      const o = b.runChart[i];
      if (o?.monthEnd !== p.monthEnd) throw new Error('run charts of different months');
      return { monthEnd: p.monthEnd, patients: p.patients + o.patients, measures: addCounts(p.measures, o.measures) };
    }),
    excludedByReason,
    errors: [...a.errors, ...b.errors],
  };
}
