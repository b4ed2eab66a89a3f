/**
 * Deterministic synthetic LTOT cohort for the registry benchmark and the sandbox (not committed).
 *   npx tsx scripts/gen-cohort.ts --patients 1000 --out /tmp/cohort-1k [--as-of 2025-06-30] [--seed 7]
 * Writes one NDJSON file per resource type (Bulk Data layout). Records are "typical": 1–2 current
 * opioid orders (varied products/doses) plus monthly past prescriptions since the course began, some benzodiazepines and naloxone, UDT,
 * PDMP, agreement, PEG, PHQ-9 and ORT observations, conditions, a responsible prescriber, and for
 * some patients an Appointment in the week after the as-of date. Everything is relative to --as-of.
 * Mix: ~84% on opioids for pain, ~5% MOUD only, ~4% excluded (active cancer), ~7% opioid stopped.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { cohortPatient, PRACTITIONERS } from './gen-cohort-records.ts';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

export async function generateCohort(opts: { patients: number; out: string; asOf: string; seed: number }): Promise<Record<string, number>> {
  mkdirSync(opts.out, { recursive: true });
  const streams = new Map<string, WriteStream>();
  const counts: Record<string, number> = {};
  const write = async (r: { resourceType: string }) => {
    let s = streams.get(r.resourceType);
    if (!s) streams.set(r.resourceType, (s = createWriteStream(join(opts.out, `${r.resourceType}.ndjson`))));
    counts[r.resourceType] = (counts[r.resourceType] ?? 0) + 1;
    if (!s.write(JSON.stringify(r) + '\n')) await new Promise<void>((ok) => s.once('drain', () => ok()));
  };
  for (const p of PRACTITIONERS) await write(p);
  for (let i = 0; i < opts.patients; i++) {
    for (const r of cohortPatient(i, opts.asOf, opts.seed)) await write(r);
  }
  await Promise.all([...streams.values()].map((s) => new Promise((ok) => s.end(ok))));
  return counts;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const patients = Number(arg('patients', '1000'));
  const out = arg('out', '');
  if (!out || !Number.isInteger(patients) || patients <= 0) {
    console.error('usage: npm run gen:cohort -- --patients N --out <folder> [--as-of YYYY-MM-DD] [--seed N]');
    process.exit(2);
  }
  const counts = await generateCohort({ patients, out, asOf: arg('as-of', '2025-06-30'), seed: Number(arg('seed', '7')) });
  console.log(JSON.stringify({ out, patients, resources: counts }));
}
