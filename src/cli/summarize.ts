/**
 * `npm run --silent summarize -- <file>... --as-of YYYY-MM-DD [--edition cdc-2022|cdc-2016] [--patient <id>]
 *  [--research-factors] [--active-lookback-days N] [--policy <file>]`
 * `--policy` is the clinic policy JSON for the risk tier and monitoring schedule (default public/policy.json).
 * Prints one JSON object per input file, one per line, in input order. A file that cannot be used (unreadable,
 * not JSON/NDJSON, not FHIR, nesting too deep, several patients without --patient) gives one line on stderr naming
 * the file and, in words, where it is wrong; the other files are still processed and the exit code is 1. Usage
 * errors exit with 2.
 */
import { isIsoDate } from '../clinical/dates.ts';
import type { MmeEdition } from '../clinical/types.ts';
import { parseArgs, UsageError, usageText, type OptionSpec } from './args.ts';
import { loadPolicyFile } from './policy-file.ts';
import { InputError, readInputFile, selectPatient } from './read-input.ts';
import { buildSummaryJson, type SummaryOptions } from './summary-json.ts';

export const SUMMARIZE_OPTIONS: OptionSpec[] = [
  { name: 'as-of', kind: 'string', help: 'evaluation date YYYY-MM-DD (required)' },
  { name: 'edition', kind: 'string', help: 'MME conversion factors: cdc-2022 (default) or cdc-2016' },
  { name: 'patient', kind: 'string', help: 'patient id, required when a file holds several patients' },
  { name: 'research-factors', kind: 'boolean', help: 'use labelled CDC data-file factors for opioids without a clinical factor' },
  { name: 'active-lookback-days', kind: 'string', help: 'active orders older than this are stale (default: the policy, 730)' },
  { name: 'policy', kind: 'string', help: 'clinic policy JSON for risk tier and monitoring (default public/policy.json)' },
];

const EDITIONS: readonly MmeEdition[] = ['cdc-2022', 'cdc-2016'];

export function summaryOptionsFrom(values: Record<string, string | boolean | undefined>): Omit<SummaryOptions, 'patientId'> {
  const asOf = values['as-of'];
  if (typeof asOf !== 'string' || !isIsoDate(asOf)) throw new UsageError('--as-of YYYY-MM-DD is required (a valid calendar date)');
  const edition = (values.edition ?? 'cdc-2022') as MmeEdition;
  if (!EDITIONS.includes(edition)) throw new UsageError(`--edition must be one of ${EDITIONS.join(', ')}`);
  const lookback = values['active-lookback-days'];
  const days = typeof lookback === 'string' ? Number(lookback) : undefined;
  if (days !== undefined && !(Number.isInteger(days) && days >= 0)) throw new UsageError('--active-lookback-days must be a whole number of days');
  const policy = loadPolicyFile(typeof values.policy === 'string' ? values.policy : undefined);
  return { asOf, edition, useResearchFactors: values['research-factors'] === true, ...(days !== undefined ? { activeLookbackDays: days } : {}), policy };
}

/**
 * An unexpected failure of the engine on a file's data, in words: JavaScript's own messages ("Cannot read
 * properties of null", "Maximum call stack size exceeded") mean nothing to the person running the command.
 */
function plainReason(e: unknown): string {
  if (e instanceof RangeError && /call stack/i.test(e.message)) return 'nesting too deep';
  if (e instanceof TypeError || e instanceof ReferenceError || e instanceof RangeError || e instanceof SyntaxError) {
    return 'could not summarize: a field of this file has an unexpected type or value';
  }
  return `could not summarize (${e instanceof Error ? e.message : String(e)})`;
}

function main(argv: readonly string[]): number {
  let files: string[];
  let options: Omit<SummaryOptions, 'patientId'>;
  let patient: string | undefined;
  try {
    const args = parseArgs(argv, SUMMARIZE_OPTIONS);
    files = args.positional;
    if (files.length === 0) throw new UsageError('no input file');
    options = summaryOptionsFrom(args.values);
    patient = typeof args.values.patient === 'string' ? args.values.patient : undefined;
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`summarize: ${e.message}\n${usageText('summarize', '<file>... --as-of YYYY-MM-DD', SUMMARIZE_OPTIONS)}\n`);
    return 2;
  }
  let failed = false;
  for (const file of files) {
    try {
      const selection = selectPatient(readInputFile(file), patient);
      const summary = buildSummaryJson(selection.resources, { ...options, patientId: selection.patientId });
      process.stdout.write(JSON.stringify(summary) + '\n');
    } catch (e) {
      failed = true;
      const message = e instanceof InputError ? e.message : plainReason(e);
      process.stderr.write(`summarize: ${file}: ${message.replace(/\s+/g, ' ')}\n`);
    }
  }
  return failed ? 1 : 0;
}

// `summarize ... | head`: a reader that stops early is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
process.exitCode = main(process.argv.slice(2));
