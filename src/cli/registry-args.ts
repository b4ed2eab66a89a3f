/**
 * Arguments of `npm run --silent registry -- <folder> --as-of YYYY-MM-DD [--policy f] [--csv out.csv]
 * [--months N]`. Returns the options or a usage error in words.
 */
import { isIsoDate } from '../clinical/dates.ts';

export interface RegistryArgs {
  folder: string;
  asOf: string;
  policy?: string;
  csv?: string;
  months: number;
  /** Threads for pass 2 (default: the machine's cores, at most 4). */
  threads?: number;
}

export const USAGE =
  'usage: npm run --silent registry -- <ndjson-or-bundle-folder> --as-of YYYY-MM-DD [--policy <file>] [--csv out.csv] [--months 12] [--threads N]';

export function parseRegistryArgs(argv: readonly string[]): RegistryArgs | { error: string } {
  const out: Partial<RegistryArgs> = { months: 12 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--as-of') out.asOf = value();
      else if (a === '--policy') out.policy = value();
      else if (a === '--csv') out.csv = value();
      else if (a === '--months') out.months = Number(value());
      else if (a === '--threads') out.threads = Number(value());
      else if (a.startsWith('--')) return { error: `unknown option ${a}` };
      else if (out.folder) return { error: `unexpected argument ${a}` };
      else out.folder = a;
    } catch (e) {
      return { error: (e as Error).message };
    }
  }
  if (!out.folder) return { error: 'missing the input folder' };
  if (!out.asOf || !isIsoDate(out.asOf)) return { error: '--as-of YYYY-MM-DD is required (a valid calendar date)' };
  if (!Number.isInteger(out.months) || out.months! < 0 || out.months! > 36) return { error: '--months must be 0–36' };
  if (out.threads !== undefined && !(Number.isInteger(out.threads) && out.threads >= 1 && out.threads <= 16)) return { error: '--threads must be 1–16' };
  return out as RegistryArgs;
}
