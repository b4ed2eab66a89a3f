/**
 * Generates the "heavy" benchmark patient (issue 5): 20 years of record, ~3,000 MedicationRequests,
 * ~20,000 Observations of which ~2,000 are ones the rules use, ~300 Conditions. Deterministic (seeded);
 * the output is NOT committed — the loader benchmark generates it into a temp folder.
 *
 *   npx tsx scripts/gen-heavy-patient.ts --out /tmp/heavy [--seed 20261122] [--end 2026-06-30]
 *
 * Writes one NDJSON file per resource type (<Type>.ndjson) into --out.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Resource } from 'fhir/r4';
import { heavyConditions, heavyMedications, heavyObservations, type Gen } from './heavy-patient/parts.ts';
import { seededRandom } from './seeded-random.ts';

export const HEAVY_PATIENT_ID = 'heavy-patient';

const prng = seededRandom;

export function generateHeavyPatient(options: { seed?: number; end?: string } = {}): Resource[] {
  const random = prng(options.seed ?? 20261122);
  const endMs = Date.parse(`${options.end ?? '2026-06-30'}T12:00:00Z`);
  const months = 240; // 20 years
  const gen: Gen = {
    patientId: HEAVY_PATIENT_ID,
    months,
    random,
    pick: (list) => list[Math.floor(random() * list.length)],
    // month 0 is 20 years ago, month 239 is the last month; day spreads events within the month
    date: (month, day = Math.floor(random() * 28)) =>
      new Date(endMs - (months - 1 - month) * 30.44 * 86_400_000 + day * 86_400_000).toISOString().slice(0, 10),
  };
  const patient: Resource = {
    resourceType: 'Patient',
    id: HEAVY_PATIENT_ID,
    name: [{ family: 'Heavyrecord', given: ['Benchmark'] }],
    gender: 'female',
    birthDate: '1958-03-14',
  } as Resource;
  return [patient, ...heavyMedications(gen), ...heavyConditions(gen), ...heavyObservations(gen)];
}

export function writeNdjson(resources: readonly Resource[], outDir: string): Record<string, number> {
  mkdirSync(outDir, { recursive: true });
  const byType = new Map<string, string[]>();
  for (const r of resources) {
    const lines = byType.get(r.resourceType) ?? [];
    lines.push(JSON.stringify(r));
    byType.set(r.resourceType, lines);
  }
  const counts: Record<string, number> = {};
  for (const [type, lines] of byType) {
    writeFileSync(join(outDir, `${type}.ndjson`), lines.join('\n') + '\n');
    counts[type] = lines.length;
  }
  return counts;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const out = arg('out');
  if (!out) {
    console.error('usage: npx tsx scripts/gen-heavy-patient.ts --out <dir> [--seed N] [--end YYYY-MM-DD]');
    process.exit(2);
  }
  const seed = arg('seed');
  const counts = writeNdjson(generateHeavyPatient({ seed: seed ? Number(seed) : undefined, end: arg('end') }), out);
  console.log(`heavy patient written to ${out}:`, counts);
}
