/**
 * Input and output paths of the command-line tools, checked before the work starts: every problem is one plain
 * sentence naming the path (PathError), never a stack trace.
 */
import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** A path that cannot be used; `message` is the reason in words. Printed as "<command>: <label><path>: <reason>". */
export class PathError extends Error {
  constructor(
    readonly path: string,
    reason: string,
    /** How the path was given, e.g. "--csv " (empty for positional arguments and input files). */
    readonly label = '',
  ) {
    super(reason);
  }

  line(command: string): string {
    return `${command}: ${this.label}${this.path}: ${this.message}`;
  }
}

/** A file-system error as words ("does not exist", "permission denied", ...). */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT': return 'does not exist';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a folder, not a file';
    case 'ENOTDIR': return 'a part of the path is not a folder';
    case 'ENOSPC': return 'the disk is full';
    case 'EROFS': return 'the file system is read-only';
    case 'EMFILE':
    case 'ENFILE': return 'too many open files';
    case 'ELOOP': return 'too many symbolic links';
    case 'ENAMETOOLONG': return 'the name is too long';
    default: return code ? `cannot be used (${code})` : 'cannot be used';
  }
}

const isInput = (name: string) => name.endsWith('.ndjson') || name.endsWith('.json');

/**
 * The input folder exists, is a folder, can be listed, and holds at least one *.ndjson / *.json file, each a
 * readable file. Returns those files (sorted, full paths).
 */
export async function checkInputFolder(folder: string): Promise<string[]> {
  let info;
  try {
    info = await stat(folder);
  } catch (e) {
    throw new PathError(folder, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such folder' : `cannot open it (${describeFsError(e)})`);
  }
  if (!info.isDirectory()) throw new PathError(folder, 'not a folder: give the folder that holds the *.ndjson / *.json files');
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (e) {
    throw new PathError(folder, `cannot list it (${describeFsError(e)})`);
  }
  const files = names.filter(isInput).sort().map((n) => join(folder, n));
  if (!files.length) throw new PathError(folder, 'no *.ndjson or *.json files in this folder (is it the right folder?)');
  for (const file of files) {
    let s;
    try {
      s = await stat(file);
      if (!s.isDirectory()) await access(file, constants.R_OK);
    } catch (e) {
      throw new PathError(file, `cannot read it (${describeFsError(e)})`);
    }
    if (s.isDirectory()) throw new PathError(file, 'is a folder, not a file');
  }
  return files;
}

/** The output file can be created or overwritten: its folder exists and is writable; it is not a folder. */
export async function checkOutputFile(path: string, label: string): Promise<void> {
  const full = resolve(path);
  try {
    const s = await stat(full);
    if (s.isDirectory()) throw new PathError(path, 'cannot write it: it is a folder', label);
    await access(full, constants.W_OK);
    return;
  } catch (e) {
    if (e instanceof PathError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new PathError(path, `cannot write it (${describeFsError(e)})`, label);
  }
  const dir = dirname(full);
  try {
    const s = await stat(dir);
    if (!s.isDirectory()) throw new PathError(path, `cannot write it: ${dir} is not a folder`, label);
    await access(dir, constants.W_OK);
  } catch (e) {
    if (e instanceof PathError) throw e;
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? `the folder ${dir} does not exist` : `the folder ${dir}: ${describeFsError(e)}`;
    throw new PathError(path, `cannot write it (${reason})`, label);
  }
}
