/**
 * The run chart from one normalised record per patient (record-as-of.ts) equals the definition: each month-end
 * summarised from the resources dated on or before it (resourcesAsOf), normalised again. Fixed dates only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, Resource } from 'fhir/r4';
import { cohortPatient, PRACTITIONERS } from '../../scripts/gen-cohort-records.ts';
import { DEFAULT_POLICY } from '../../src/clinical/policy/index.ts';
import { normalizeRecord } from '../../src/clinical/record/normalize.ts';
import type { ClinicalRecord } from '../../src/clinical/record/types.ts';
import { RegistryAccumulator, type RegistryOptions } from '../../src/registry/accumulate.ts';
import { resourcesAsOf } from '../../src/registry/as-of-filter.ts';
import { summarizePatient } from '../../src/clinical/summary.ts';
import { policyEngine } from '../../src/registry/engine.ts';
import { measureFlags } from '../../src/registry/measure-flags.ts';
import { recordTimeline } from '../../src/registry/record-as-of.ts';
import { monthEnds } from '../../src/registry/run-chart.ts';
import type { RegistryRow } from '../../src/registry/types.ts';

const AS_OF = '2025-06-30';
const cohort = Array.from({ length: 50 }, (_, i) => cohortPatient(i, AS_OF, 11));

/** Frozen, so a summary that wrote into the shared record would throw instead of skewing later months. */
function deepFreeze<T>(x: T): T {
  if (x && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
}

function run(fast: boolean) {
  const { summarize, engine } = policyEngine(DEFAULT_POLICY);
  const rows: RegistryRow[] = [];
  const listed: string[] = [];
  const practitioners = new Map(PRACTITIONERS.map((p) => [`Practitioner/${p.id}`, p]));
  const opts: RegistryOptions = {
    asOf: AS_OF, summarize, practitioners: (ref) => practitioners.get(ref) as never,
    onRow: (r) => void rows.push(r), onListed: (kind, p) => void listed.push(`${kind}:${p.patientId}`),
    ...(fast ? { engine: { normalize: (rs) => deepFreeze(engine.normalize(rs)), summarize: engine.summarize } } : {}),
  };
  const acc = new RegistryAccumulator(opts);
  for (const resources of cohort) acc.addPatient(resources.find((r) => r.resourceType === 'Patient')!.id!, resources);
  return { report: acc.result(), rows, listed };
}

describe('run chart from one normalised record per patient', () => {
  it('equals per-month summaries of the filtered resources on 50 generated patients (report, rows, lists)', () => {
    const fast = run(true);
    const slow = run(false);
    expect(fast.report.runChart.reduce((n, p) => n + p.patients, 0)).toBeGreaterThan(200);
    expect(fast.report.errors).toEqual([]);
    expect(fast).toStrictEqual(slow);
  });

  it('a month-end summary without course and UDT findings gives the same measure flags as the full summary', () => {
    for (const resources of cohort.slice(0, 25)) {
      for (const d of monthEnds(AS_OF, 12)) {
        const month = resourcesAsOf(resources, d);
        const full = summarizePatient(month, {}, DEFAULT_POLICY, d);
        const lean = summarizePatient(month, {}, DEFAULT_POLICY, d, {}, { course: false, findings: false });
        expect(measureFlags(lean)).toStrictEqual(measureFlags(full));
      }
    }
  });

  it('takes the fast path for every generated patient', () => {
    expect(cohort.filter((rs) => recordTimeline(rs, normalizeRecord(rs, DEFAULT_POLICY)) === null)).toHaveLength(0);
  });

  const fixtureDir = join(import.meta.dirname, '../../fhir-fixtures');
  const bundles = ['scenarios', 'synthea', 'vendor', 'ehr-shapes'].flatMap((d) =>
    readdirSync(join(fixtureDir, d)).filter((f) => f.endsWith('.json')).map((f) => join(d, f)));
  const resourcesOf = (file: string): Resource[] => {
    const doc = JSON.parse(readFileSync(join(fixtureDir, file), 'utf8')) as Resource;
    return doc.resourceType === 'Bundle' ? ((doc as Bundle).entry ?? []).flatMap((e) => (e.resource ? [e.resource] : [])) : [doc];
  };
  const records: [string, Resource[]][] = [...bundles.map((f): [string, Resource[]] => [f, resourcesOf(f)]), ...cohort.slice(0, 10).map((rs, i): [string, Resource[]] => [`generated ${i}`, rs])];

  it.each(records)('%s: the record at each month-end equals normalising the resources of that date', (_name, resources) => {
    const full = normalizeRecord(resources, DEFAULT_POLICY);
    const at = recordTimeline(resources, full);
    if (!at) return; // this record falls back to the per-month normalisation (the definition itself)
    for (const asOf of [AS_OF, '2020-12-31']) {
      for (const d of monthEnds(asOf, 12)) {
        const expected: ClinicalRecord = normalizeRecord(resourcesAsOf(resources, d), DEFAULT_POLICY);
        expect(at(d)).toStrictEqual(expected);
      }
    }
  });
});
