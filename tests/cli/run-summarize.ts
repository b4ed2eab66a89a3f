/** Spawns the `summarize` command (node + tsx) the way an analyst runs it, and writes input files for it. */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const ROOT = join(__dirname, '../..');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function summarize(args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/cli/summarize.ts', ...args], { cwd: ROOT });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as CliResult;
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** A temp folder (`.dir`) and a writer of JSON (or raw text) files into it that returns the file's path. */
export function inputFolder(prefix: string): ((name: string, content: unknown) => string) & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const write = (name: string, content: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  return Object.assign(write, { dir });
}
