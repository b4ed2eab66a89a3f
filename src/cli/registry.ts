/**
 * `npm run --silent registry -- <ndjson-or-bundle-folder> --as-of YYYY-MM-DD [--policy <file>] [--csv out.csv] [--months 12]`
 * Prints the registry measures as JSON (overall, by prescriber, monthly run chart, cohort counts,
 * definitions). Streams: memory stays bounded as the cohort grows (see registry-partition.ts).
 * Exit codes: 0 done, 1 input/policy could not be used, 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEFAULT_POLICY, parsePolicyText, type Policy } from '../clinical/policy/index.ts';
import { summarizePatient } from '../clinical/summary.ts';
import { parseRegistryArgs, USAGE } from './registry-args.ts';
import { runRegistry } from './registry-run.ts';

function loadPolicy(file: string | undefined): Policy {
  if (!file) return DEFAULT_POLICY;
  const parsed = parsePolicyText(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(`policy ${file} is not valid:\n  ${parsed.errors.join('\n  ')}`);
  return parsed.policy;
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseRegistryArgs(argv);
  if ('error' in args) {
    process.stderr.write(`registry: ${args.error}\n${USAGE}\n`);
    return 2;
  }
  let policy: Policy;
  try {
    policy = loadPolicy(args.policy);
  } catch (e) {
    process.stderr.write(`registry: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    const result = await runRegistry({
      folder: args.folder, asOf: args.asOf, csvPath: args.csv, months: args.months,
      summarize: (resources, loadStatus, asOf) => summarizePatient(resources, loadStatus, policy, asOf),
      threaded: { policy, threads: args.threads ?? Math.min(4, availableParallelism()) },
    });
    process.stdout.write(JSON.stringify({ policy: { name: policy.name, version: policy.version }, ...result }, null, 2) + '\n');
    for (const s of result.input.skipped.slice(0, 20)) process.stderr.write(`registry: skipped ${s.file}:${s.line}: ${s.reason}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`registry: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? `cannot read ${args.folder}` : (e as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
