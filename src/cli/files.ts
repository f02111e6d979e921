import { UnrecoverableError } from '../core/errors.js';
import { writeFileAtomic } from '../core/exports/files.js';

/**
 * Writes a file the user named (`--out`), atomically. A failure names that file and the
 * reason ("permission denied"), never the temporary file the atomic write goes through,
 * which the user never asked for and cannot find afterwards.
 */
export function writeUserFile(file: string, content: string, mode = 0o644): void {
  try {
    writeFileAtomic(file, content, mode);
  } catch (error) {
    throw new UnrecoverableError(`cannot write ${file}: ${reasonOf(error)}`, { cause: error });
  }
}

/** "EACCES: permission denied, open '/x/.y.tmp'" → "permission denied". */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { code } = error as NodeJS.ErrnoException;
  if (code === 'ENOSPC') return 'the disk is full';
  // EEXIST comes from creating the folders on the way, when one of them is a file.
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a part of the path is a file, not a folder';
  if (code === 'EISDIR') return 'it is a folder';
  return error.message.replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
}
