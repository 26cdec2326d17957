// What a path a setting names is: a CA file or a k6 binary may be missing, or a folder; a folder of
// env files, reports or pacts may be a file, a link to nothing, or a FIFO.
import { accessSync, constants, lstatSync, statSync } from 'node:fs';

/** Whether `path` is a file, and with `executable`, one this process may run. */
export function isFile(path: string, { executable = false } = {}): boolean {
  try {
    if (executable) accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Whether `path` is a folder. */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** What is at `path`: a folder (or a link to one), nothing (or nothing this process may look at), or what else. */
export function pathKind(
  path: string,
): 'folder' | 'none' | 'is a file' | 'is a link to nothing' | 'is a socket, FIFO or device' {
  try {
    const stats = statSync(path);
    return stats.isDirectory() ? 'folder' : stats.isFile() ? 'is a file' : 'is a socket, FIFO or device';
  } catch {
    try {
      return lstatSync(path).isSymbolicLink() ? 'is a link to nothing' : 'none';
    } catch {
      return 'none';
    }
  }
}
