/**
 * Clinic policy for the command-line tools: `--policy <file>`, default public/policy.json (the file the browser
 * fetches). A file that is missing or invalid is a usage error listing every bad field.
 */
import { readFileSync } from 'node:fs';
import { parsePolicyText, type Policy } from '../clinical/policy/index.ts';
import { UsageError } from './args.ts';

export const DEFAULT_POLICY_FILE = new URL('../../public/policy.json', import.meta.url);

export function loadPolicyFile(path: string | URL = DEFAULT_POLICY_FILE): Policy {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`--policy: cannot read ${String(path)} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const parsed = parsePolicyText(text);
  if (!parsed.ok) throw new UsageError(`--policy: ${String(path)} is not a valid clinic policy:\n  ${parsed.errors.join('\n  ')}`);
  return parsed.policy;
}
