/**
 * Small declarative argument parser for the command-line tools: `--name value`, `--name=value` and boolean
 * flags; everything else is a positional argument. Add options by adding rows to the spec (e.g. `--policy`).
 */
export interface OptionSpec {
  name: string; // without the leading "--"
  kind: 'string' | 'boolean';
  help: string;
}

export class UsageError extends Error {}

export interface ParsedArgs {
  positional: string[];
  values: Record<string, string | boolean | undefined>;
}

export function parseArgs(argv: readonly string[], spec: readonly OptionSpec[]): ParsedArgs {
  const byName = new Map(spec.map((s) => [s.name, s]));
  const parsed: ParsedArgs = { positional: [], values: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      parsed.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      parsed.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const option = byName.get(name);
    if (!option) throw new UsageError(`unknown option --${name}`);
    if (option.kind === 'boolean') {
      parsed.values[name] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || (eq < 0 && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
    parsed.values[name] = value;
  }
  return parsed;
}

export function usageText(command: string, synopsis: string, spec: readonly OptionSpec[]): string {
  return [`usage: ${command} ${synopsis}`, ...spec.map((s) => `  --${s.name}${s.kind === 'string' ? ' <value>' : ''}  ${s.help}`)].join('\n');
}
