/**
 * `npm run --silent registry -- <ndjson-or-bundle-folder> --as-of YYYY-MM-DD [--policy <file>] [--csv out.csv] [--months 12]`
 * Prints the registry measures as JSON (overall, by prescriber, monthly run chart, cohort counts,
 * definitions). Streams: memory stays bounded as the cohort grows (see registry-partition.ts).
 * Paths are checked before the work starts (the input folder exists and holds readable *.ndjson / *.json files;
 * the --csv folder exists and is writable; the policy file can be read); any bad path — then or later — is one
 * plain stderr line naming it. Exit codes: 0 done, 1 input/output/policy could not be used, 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DEFAULT_POLICY, parsePolicyText, type Policy } from '../clinical/policy/index.ts';
import { policyEngine } from '../registry/engine.ts';
import { checkInputFolder, checkOutputFile, describeFsError, PathError } from './paths.ts';
import { parseRegistryArgs, USAGE } from './registry-args.ts';
import { runRegistry } from './registry-run.ts';

function loadPolicy(file: string | undefined): Policy {
  if (!file) return DEFAULT_POLICY;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new PathError(file, `cannot read it (${describeFsError(e)})`, '--policy ');
  }
  const parsed = parsePolicyText(text);
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
    await checkInputFolder(args.folder);
    if (args.csv) await checkOutputFile(args.csv, '--csv ');
    policy = loadPolicy(args.policy);
  } catch (e) {
    process.stderr.write(`${e instanceof PathError ? e.line('registry') : `registry: ${(e as Error).message}`}\n`);
    return 1;
  }
  try {
    const result = await runRegistry({
      folder: args.folder, asOf: args.asOf, csvPath: args.csv, months: args.months,
      ...policyEngine(policy),
      threaded: { policy, threads: args.threads ?? Math.min(4, availableParallelism()) },
    });
    process.stdout.write(JSON.stringify({ policy: { name: policy.name, version: policy.version }, ...result }, null, 2) + '\n');
    for (const s of result.input.skipped.slice(0, 20)) process.stderr.write(`registry: skipped ${s.file}${s.line ? `:${s.line}` : ''}: ${s.reason}\n`);
    const unresolved = result.input.unresolvedPatientReferences;
    if (unresolved) {
      const first = result.input.unresolvedPatientReferenceExamples[0];
      const where = `${first.file}${first.line ? `:${first.line}` : ''}${first.entry ? ` entry ${first.entry}` : ''}`;
      process.stderr.write(`registry: ${unresolved} resources refer to a patient that could not be resolved — left out (input.unresolvedPatientReferences); first: ${where} ${first.resource} → ${first.reference}\n`);
    }
    return 0;
  } catch (e) {
    if (e instanceof PathError) process.stderr.write(`${e.line('registry')}\n`);
    else process.stderr.write(`registry: failed: ${((e as Error)?.message ?? String(e)).split('\n')[0]}\n`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // `registry ... | head`: a reader that stops early is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
  process.exitCode = await main(process.argv.slice(2));
}
